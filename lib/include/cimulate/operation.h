// One running MI operation whose results the caller pulls (synchronous mode:
// the MI_Operation_GetInstance loop).  Closing cancels it if it still runs and
// waits until the implementation has finished with it.
//
//   cimulate::Operation op = session.StartEnumerateInstances("root/cimv2", "Win32_Process");
//   for (bool more = true; more;) {
//     cimulate::InstanceView process;
//     cimulate::Result r = op.NextInstance(&process, &more);
//     if (!r.ok()) return r;
//     if (process) Use(process);
//   }
//
// Lifetime: an Operation must be destroyed (or closed) before its Session,
// because closing a session waits for its operations.  Declaring them in the
// order application, session, operation gets this for free.
#ifndef CIMULATE_OPERATION_H_
#define CIMULATE_OPERATION_H_

#include "MI.h"
#include "cimulate/instance.h"
#include "cimulate/result.h"

namespace cimulate {

// Move-only; a moved-from or closed Operation is empty: NextInstance reports
// MI_RESULT_INVALID_PARAMETER with *more = false, Close and Cancel do nothing.
class Operation {
 public:
  Operation() = default;
  // Takes ownership of a started operation handle.
  explicit Operation(MI_Operation handle) : handle_(handle) {}
  ~Operation();
  Operation(Operation&& other) noexcept;
  Operation& operator=(Operation&& other) noexcept;
  Operation(const Operation&) = delete;
  Operation& operator=(const Operation&) = delete;

  explicit operator bool() const { return handle_.ft != nullptr; }
  MI_Operation* get() { return &handle_; }

  // Blocks for the next result.  `*instance` (possibly empty) borrows from the
  // operation until the next call or Close.  While `*more` stays true the Result
  // is ok; the last result carries the operation's outcome.
  Result NextInstance(InstanceView* instance, bool* more);

  // Asks the implementation to stop; results still end with a final one.
  MI_Result Cancel();
  // Idempotent.
  MI_Result Close();

 private:
  MI_Operation handle_{};
};

}  // namespace cimulate

#endif  // CIMULATE_OPERATION_H_
