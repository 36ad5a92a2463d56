#include "cimulate/operation.h"

#include <utility>

namespace cimulate {

Operation::~Operation() { Close(); }

Operation::Operation(Operation&& other) noexcept : handle_(std::exchange(other.handle_, MI_Operation{})) {}

Operation& Operation::operator=(Operation&& other) noexcept {
  if (this != &other) {
    Close();
    handle_ = std::exchange(other.handle_, MI_Operation{});
  }
  return *this;
}

Result Operation::NextInstance(InstanceView* instance, bool* more) {
  const MI_Instance* next = nullptr;
  MI_Boolean more_results = MI_FALSE;
  MI_Result code = MI_RESULT_OK;
  const MI_Char* message = nullptr;
  const MI_Instance* details = nullptr;
  MI_Result status = MI_Operation_GetInstance(&handle_, &next, &more_results, &code, &message, &details);
  if (status != MI_RESULT_OK) {
    // The call itself failed (empty handle, results already drained): there is
    // no final result to report, so the call's own status is the outcome.
    *instance = InstanceView();
    *more = false;
    return Result::From(status, nullptr, nullptr);
  }
  *instance = InstanceView(next);
  *more = more_results != MI_FALSE;
  if (*more) return Result::Ok();
  return Result::From(code, message, details);
}

MI_Result Operation::Cancel() {
  if (!*this) return MI_RESULT_OK;
  return MI_Operation_Cancel(&handle_, MI_REASON_NONE);
}

MI_Result Operation::Close() {
  if (!*this) return MI_RESULT_OK;
  MI_Result result = MI_Operation_Close(&handle_);
  handle_ = MI_Operation{};
  return result;
}

}  // namespace cimulate
