// The MI_Application: the root object that creates sessions, instances and
// option objects.
//
//   cimulate::Application app;
//   cimulate::Result r = cimulate::Application::Initialize("my-tool", &app);
//   cimulate::Session session;
//   if (r.ok()) r = app.NewSession(MI_T("WINRM"), "server1", options, &session);
//
// Lifetime: destroy (or close) every Session before the Application; closing
// the application waits for its sessions.  Objects declared in the order
// application, session, operation are destroyed in the right order.
#ifndef CIMULATE_APPLICATION_H_
#define CIMULATE_APPLICATION_H_

#include "MI.h"
#include "cimulate/c_str.h"
#include "cimulate/destination_options.h"
#include "cimulate/instance.h"
#include "cimulate/operation_options.h"
#include "cimulate/result.h"
#include "cimulate/session.h"

namespace cimulate {

// Move-only; a moved-from Application is empty and its calls fail with
// MI_RESULT_INVALID_PARAMETER (factories return empty objects).
class Application {
 public:
  Application() = default;
  ~Application();
  Application(Application&& other) noexcept;
  Application& operator=(Application&& other) noexcept;
  Application(const Application&) = delete;
  Application& operator=(const Application&) = delete;

  // MI_Application_InitializeV1 from whichever MI library the program links.
  static Result Initialize(CStr application_id, Application* out);
  // Takes ownership of an application someone else initialized.
  static Application Adopt(MI_Application handle);

  explicit operator bool() const { return handle_.ft != nullptr; }
  MI_Application* get() { return &handle_; }

  // Blocks until every session is closed.  Idempotent.
  MI_Result Close();

  // A null `protocol` lets MI choose (WMIDCOM for the local machine, WINRM
  // otherwise); a null `destination` is the local machine.  No I/O happens
  // here: the session's first operation contacts the destination.
  Result NewSession(CStr protocol, CStr destination, Session* out);
  Result NewSession(CStr protocol, CStr destination, const DestinationOptions& options, Session* out);

  // An empty dynamic instance of `class_name`; empty if creation fails.
  Instance NewInstance(CStr class_name);
  // Method parameters for Session::Invoke.
  Instance NewParameters() { return NewInstance(MI_T("Parameters")); }
  DestinationOptions NewDestinationOptions();
  OperationOptions NewOperationOptions(bool must_understand = false);

 private:
  explicit Application(MI_Application handle) : handle_(handle) {}

  MI_Application handle_{};
};

}  // namespace cimulate

#endif  // CIMULATE_APPLICATION_H_
