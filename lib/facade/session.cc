#include "cimulate/session.h"

#include <utility>

namespace cimulate {

namespace {

// MI takes mutable option pointers but does not modify them.
MI_OperationOptions* OptionsOf(const OperationOptions* options) {
  return options != nullptr ? const_cast<MI_OperationOptions*>(options->get()) : nullptr;
}

// Inbound instances are optional in places (Invoke's parameters): NULL when empty.
const MI_Instance* Or(const InstanceView& view) { return view.get(); }

// Synchronous mode: NULL callbacks make MI buffer results for MI_Operation_GetInstance.
constexpr MI_OperationCallbacks* kSynchronous = nullptr;

// Pulls every result, handing each instance to `each`, and returns the final
// outcome.  The instance of the final result (single-result operations) is
// delivered before the outcome is checked because it arrives with it.
Result Drain(Operation& operation, const InstanceCallback& each) {
  for (bool more = true; more;) {
    InstanceView instance;
    Result result = operation.NextInstance(&instance, &more);
    if (instance && result.ok() && !each(instance)) {
      operation.Close();  // cancels what is still running
      return Result::Ok();
    }
    if (!result.ok()) return result;
  }
  return Result::Ok();
}

// For operations that yield at most one instance.
Result DrainOne(Operation operation, Instance* out) {
  Instance last;
  Result result = Drain(operation, [&](const InstanceView& instance) {
    last = instance.Clone();
    return true;
  });
  if (out != nullptr) *out = result.ok() ? std::move(last) : Instance();
  return result;
}

Result DrainAll(Operation operation, std::vector<Instance>* out) {
  size_t before = out->size();
  Result result = Drain(operation, [out](const InstanceView& instance) {
    out->push_back(instance.Clone());
    return true;
  });
  if (!result.ok()) out->resize(before);
  return result;
}

}  // namespace

Session::~Session() { Close(); }

Session::Session(Session&& other) noexcept : handle_(std::exchange(other.handle_, MI_Session{})) {}

Session& Session::operator=(Session&& other) noexcept {
  if (this != &other) {
    Close();
    handle_ = std::exchange(other.handle_, MI_Session{});
  }
  return *this;
}

MI_Result Session::Close() {
  if (!*this) return MI_RESULT_OK;
  MI_Result result = MI_Session_Close(&handle_, nullptr, nullptr);
  handle_ = MI_Session{};
  return result;
}

Result Session::TestConnection() {
  Operation operation;
  MI_Session_TestConnection(&handle_, 0, kSynchronous, operation.get());
  return DrainOne(std::move(operation), nullptr);
}

Result Session::GetInstance(CStr name_space, const InstanceView& keys, Instance* out, const OperationOptions* options) {
  Operation operation;
  MI_Session_GetInstance(&handle_, 0, OptionsOf(options), name_space.c_str(), keys.get(), kSynchronous,
                         operation.get());
  return DrainOne(std::move(operation), out);
}

Result Session::CreateInstance(CStr name_space, const InstanceView& instance, Instance* created,
                               const OperationOptions* options) {
  Operation operation;
  MI_Session_CreateInstance(&handle_, 0, OptionsOf(options), name_space.c_str(), instance.get(), kSynchronous,
                            operation.get());
  return DrainOne(std::move(operation), created);
}

Result Session::ModifyInstance(CStr name_space, const InstanceView& instance, Instance* modified,
                               const OperationOptions* options) {
  Operation operation;
  MI_Session_ModifyInstance(&handle_, 0, OptionsOf(options), name_space.c_str(), instance.get(), kSynchronous,
                            operation.get());
  return DrainOne(std::move(operation), modified);
}

Result Session::DeleteInstance(CStr name_space, const InstanceView& keys, const OperationOptions* options) {
  Operation operation;
  MI_Session_DeleteInstance(&handle_, 0, OptionsOf(options), name_space.c_str(), keys.get(), kSynchronous,
                            operation.get());
  return DrainOne(std::move(operation), nullptr);
}

Result Session::Invoke(CStr name_space, CStr class_name, CStr method, const InstanceView& parameters,
                       Instance* out_parameters, const OperationOptions* options) {
  Operation operation;
  MI_Session_Invoke(&handle_, 0, OptionsOf(options), name_space.c_str(), class_name.c_str(), method.c_str(), nullptr,
                    Or(parameters), kSynchronous, operation.get());
  return DrainOne(std::move(operation), out_parameters);
}

Result Session::Invoke(CStr name_space, const InstanceView& target, CStr method, const InstanceView& parameters,
                       Instance* out_parameters, const OperationOptions* options) {
  // MI wants the class name beside the target instance as well.
  std::string class_name = target.ClassName();
  Operation operation;
  MI_Session_Invoke(&handle_, 0, OptionsOf(options), name_space.c_str(),
                    class_name.empty() ? nullptr : class_name.c_str(), method.c_str(), target.get(), Or(parameters),
                    kSynchronous, operation.get());
  return DrainOne(std::move(operation), out_parameters);
}

Result Session::EnumerateInstances(CStr name_space, CStr class_name, bool keys_only, std::vector<Instance>* out,
                                   const OperationOptions* options) {
  return DrainAll(StartEnumerateInstances(name_space, class_name, keys_only, options), out);
}

Result Session::EnumerateInstances(CStr name_space, CStr class_name, bool keys_only,
                                   const InstanceCallback& on_instance, const OperationOptions* options) {
  Operation operation = StartEnumerateInstances(name_space, class_name, keys_only, options);
  return Drain(operation, on_instance);
}

Result Session::QueryInstances(CStr name_space, CStr dialect, CStr query, std::vector<Instance>* out,
                               const OperationOptions* options) {
  return DrainAll(StartQueryInstances(name_space, dialect, query, options), out);
}

Result Session::QueryInstances(CStr name_space, CStr dialect, CStr query, const InstanceCallback& on_instance,
                               const OperationOptions* options) {
  Operation operation = StartQueryInstances(name_space, dialect, query, options);
  return Drain(operation, on_instance);
}

Operation Session::StartEnumerateInstances(CStr name_space, CStr class_name, bool keys_only,
                                           const OperationOptions* options) {
  Operation operation;
  MI_Session_EnumerateInstances(&handle_, 0, OptionsOf(options), name_space.c_str(), class_name.c_str(),
                                keys_only ? MI_TRUE : MI_FALSE, kSynchronous, operation.get());
  return operation;
}

Operation Session::StartQueryInstances(CStr name_space, CStr dialect, CStr query, const OperationOptions* options) {
  Operation operation;
  MI_Session_QueryInstances(&handle_, 0, OptionsOf(options), name_space.c_str(), dialect.c_str(), query.c_str(),
                            kSynchronous, operation.get());
  return operation;
}

}  // namespace cimulate
