// A shared library that is not an MI implementation: it does not export
// MI_Application_InitializeV1.
extern "C" __attribute__((visibility("default"))) int NotAnMiImplementation() { return 1; }
