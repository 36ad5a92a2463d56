// A session with one destination, and synchronous helpers for the common MI
// operations.  Each helper runs the operation to completion on the calling
// thread and returns its Result; instance outputs are owned copies, empty on
// failure.  `options` (optional, last) is passed to the operation as is.
//
//   std::vector<cimulate::Instance> disks;
//   cimulate::Result r = session.EnumerateInstances("root/cimv2", "Win32_LogicalDisk",
//                                                   /*keys_only=*/false, &disks);
//
// Lifetime: a Session must be destroyed (or closed) before its Application and
// after its Operations; closing waits for the session's operations to close.
#ifndef CIMULATE_SESSION_H_
#define CIMULATE_SESSION_H_

#include <functional>
#include <vector>

#include "MI.h"
#include "cimulate/c_str.h"
#include "cimulate/instance.h"
#include "cimulate/operation.h"
#include "cimulate/operation_options.h"
#include "cimulate/result.h"

namespace cimulate {

// Called once per streamed instance; the view is valid only during the call
// (Clone() it to keep it).  Return false to stop: the operation is cancelled and
// the helper returns an ok Result.
using InstanceCallback = std::function<bool(const InstanceView& instance)>;

// Move-only; a moved-from Session is empty and its operations fail with
// MI_RESULT_INVALID_PARAMETER.
class Session {
 public:
  Session() = default;
  // Takes ownership of an open session handle.
  explicit Session(MI_Session handle) : handle_(handle) {}
  ~Session();
  Session(Session&& other) noexcept;
  Session& operator=(Session&& other) noexcept;
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  explicit operator bool() const { return handle_.ft != nullptr; }
  MI_Session* get() { return &handle_; }

  // Blocks until every operation of the session is closed.  Idempotent.
  MI_Result Close();

  // Contacts the destination (sessions are created without doing so).
  Result TestConnection();

  Result GetInstance(CStr name_space, const InstanceView& keys, Instance* out,
                     const OperationOptions* options = nullptr);
  // `created` (may be null) receives the instance the server returns, usually its keys.
  Result CreateInstance(CStr name_space, const InstanceView& instance, Instance* created = nullptr,
                        const OperationOptions* options = nullptr);
  Result ModifyInstance(CStr name_space, const InstanceView& instance, Instance* modified = nullptr,
                        const OperationOptions* options = nullptr);
  Result DeleteInstance(CStr name_space, const InstanceView& keys, const OperationOptions* options = nullptr);

  // A static method of `class_name`.  `parameters` may be empty (no in
  // parameters); `out_parameters` (may be null) receives the out parameters,
  // ReturnValue included.
  Result Invoke(CStr name_space, CStr class_name, CStr method, const InstanceView& parameters, Instance* out_parameters,
                const OperationOptions* options = nullptr);
  // A method of the instance `target` (its keys identify it).
  Result Invoke(CStr name_space, const InstanceView& target, CStr method, const InstanceView& parameters,
                Instance* out_parameters, const OperationOptions* options = nullptr);

  // Appends every instance to `*out`.
  Result EnumerateInstances(CStr name_space, CStr class_name, bool keys_only, std::vector<Instance>* out,
                            const OperationOptions* options = nullptr);
  // Streams instances to `on_instance` as they arrive, in constant memory.
  Result EnumerateInstances(CStr name_space, CStr class_name, bool keys_only, const InstanceCallback& on_instance,
                            const OperationOptions* options = nullptr);
  // `dialect`: MI_QUERY_DIALECT_WQL, MI_QUERY_DIALECT_CQL...
  Result QueryInstances(CStr name_space, CStr dialect, CStr query, std::vector<Instance>* out,
                        const OperationOptions* options = nullptr);
  Result QueryInstances(CStr name_space, CStr dialect, CStr query, const InstanceCallback& on_instance,
                        const OperationOptions* options = nullptr);

  // The started operation, for callers who pull results themselves.
  Operation StartEnumerateInstances(CStr name_space, CStr class_name, bool keys_only = false,
                                    const OperationOptions* options = nullptr);
  Operation StartQueryInstances(CStr name_space, CStr dialect, CStr query, const OperationOptions* options = nullptr);

 private:
  MI_Session handle_{};
};

}  // namespace cimulate

#endif  // CIMULATE_SESSION_H_
