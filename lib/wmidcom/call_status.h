// How one remote step of a WMIDCOM operation ended, in terms the error table
// (errors.h) understands: a WBEM HRESULT from the server, an RPC fault or a
// rejected logon, a transport failure, an unreadable answer, or cancellation.
// The wire layer (connection.h) reports every call this way.
#ifndef CIMULATE_WMIDCOM_CALL_STATUS_H_
#define CIMULATE_WMIDCOM_CALL_STATUS_H_

#include <cstdint>
#include <string>
#include <utility>

namespace cimulate::wmidcom {

enum class CallFailure {
  kNone,
  kHresult,          // the call ran and returned a failing HRESULT (WBEM_E_*, E_*)
  kRpcFault,         // a fault PDU; code is the DCE/RPC status (nca_s_*, rpc_s_*)
  kAccessDenied,     // the NTLM logon or a bind was refused (bind_nak, rpc_s_access_denied)
  kResolveFailed,    // the host name does not resolve
  kConnectFailed,    // refused or unreachable
  kTimedOut,         // no answer within the time-out
  kConnectionClosed, // the server closed or reset the connection mid-call
  kProtocol,         // an answer this client cannot read, or a bad server signature
  kCancelled,        // MI_Operation_Cancel or session close
};

struct CallStatus {
  CallFailure failure = CallFailure::kNone;
  std::uint32_t code = 0;  // the HRESULT or RPC status, when there is one
  std::string detail;      // what happened, for the message; never credentials

  bool ok() const { return failure == CallFailure::kNone; }

  static CallStatus Ok() { return CallStatus(); }
  static CallStatus Hresult(std::uint32_t hresult, std::string detail = "") {
    return {CallFailure::kHresult, hresult, std::move(detail)};
  }
  static CallStatus Failed(CallFailure failure, std::string detail, std::uint32_t code = 0) {
    return {failure, code, std::move(detail)};
  }
  static CallStatus Cancelled() { return {CallFailure::kCancelled, 0, "cancelled"}; }
};

}  // namespace cimulate::wmidcom

#endif  // CIMULATE_WMIDCOM_CALL_STATUS_H_
