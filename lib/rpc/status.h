// The error value of the DCE/RPC association engine.
//
// Unlike the codec Status (util/status.h) it carries a numeric detail: the
// status of a fault PDU or the reason of a bind_nak, because the client
// handler maps those to MI results and the fake endpoint asserts on them.

#ifndef CIMULATE_RPC_STATUS_H_
#define CIMULATE_RPC_STATUS_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "auth/ntlm/status.h"
#include "dcerpc/status.h"

namespace cimulate::rpc {

enum class ErrorCode {
  kOk = 0,
  kRefused,          // the TCP connect was refused or the host is unreachable
  kReset,            // the peer closed or reset the connection
  kTimeout,          // the per-call deadline passed
  kCancelled,        // Cancel()/Abort() from another thread
  kProtocol,         // malformed PDU or a PDU the exchange does not allow
  kSecurity,         // a signature did not verify, or an unknown security context
  kAccessDenied,     // credentials rejected (NTLM, or fault 5 after a failed auth3)
  kFault,            // the server answered with a fault PDU; detail() = its status
  kBindRejected,     // bind_nak (detail() = reject reason) or no context accepted
  kInvalidArgument,  // the caller passed something unusable
  kNotConnected,     // no connection, or the association is not bound
  kIo,               // any other socket error
};

std::string_view ErrorCodeName(ErrorCode code);

// nca_s_* / Win32 values seen in fault PDUs.
inline constexpr uint32_t kFaultAccessDenied = 0x00000005;    // rpc_s_access_denied
inline constexpr uint32_t kFaultOpRangeError = 0x1c010002;    // nca_s_op_rng_error
inline constexpr uint32_t kFaultUnknownInterface = 0x1c010003;
inline constexpr uint32_t kFaultProtocolError = 0x1c01000b;   // nca_proto_error
inline constexpr uint32_t kFaultContextMismatch = 0x1c00001a; // nca_s_fault_context_mismatch
inline constexpr uint32_t kFaultRemoteNoMemory = 0x1c000011;
inline constexpr uint32_t kFaultNdr = 0x000006f7;             // rpc_x_bad_stub_data
inline constexpr uint32_t kFaultUnspecified = 0x1c000012;     // nca_s_fault_unspec
inline constexpr uint32_t kFaultSecPkgError = 0x00000721;     // rpc_s_sec_pkg_error

class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(ErrorCode code, std::string message, uint32_t detail = 0)
      : code_(code), message_(std::move(message)), detail_(detail) {}

  static Status Ok() { return Status(); }
  static Status Fault(uint32_t fault_status);
  static Status FromDcerpc(const dcerpc::Status& status);
  static Status FromNtlm(const ntlm::Status& status);

  bool ok() const { return code_ == ErrorCode::kOk; }
  ErrorCode code() const { return code_; }
  const std::string& message() const { return message_; }
  // kFault: the fault PDU's status; kBindRejected: the bind_nak reason (or
  // the provider reason of the first rejected context).
  uint32_t detail() const { return detail_; }

  // "Fault: 0x00000005 (rpc_s_access_denied)" style.
  std::string ToString() const;

 private:
  ErrorCode code_ = ErrorCode::kOk;
  std::string message_;
  uint32_t detail_ = 0;
};

}  // namespace cimulate::rpc

#endif  // CIMULATE_RPC_STATUS_H_
