// An implementation that lacks WMIDCOM: MI_Application_NewSession answers
// MI_RESULT_NOT_SUPPORTED for that protocol (named, or chosen by a NULL
// protocol with a NULL destination) and passes everything else to the real
// library.  Not a broken rule: the runner must report such cases SKIP.
#include <strings.h>

#include "real_library.h"

namespace cimulate::broken {
namespace {

MI_Result MI_CALL NewSessionWithoutWmidcom(MI_Application* application, const MI_Char* protocol,
                                           const MI_Char* destination, MI_DestinationOptions* options,
                                           MI_SessionCallbacks* callbacks, MI_Instance** extendedError,
                                           MI_Session* session) {
  const bool wmidcom = protocol != nullptr ? ::strcasecmp(protocol, "WMIDCOM") == 0 : destination == nullptr;
  if (!wmidcom) {
    return ApplicationTable().real().NewSession(application, protocol, destination, options, callbacks,
                                                extendedError, session);
  }
  if (extendedError != nullptr) *extendedError = nullptr;
  return MI_RESULT_NOT_SUPPORTED;
}

}  // namespace

void BreakApplication(MI_ApplicationFT* table) { table->NewSession = NewSessionWithoutWmidcom; }

}  // namespace cimulate::broken
