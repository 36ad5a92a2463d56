#include "winrm/errors.h"

#include <cstdio>

namespace cimulate::winrm {
namespace {

std::string Hex(MI_Uint32 code) {
  char text[16];
  std::snprintf(text, sizeof(text), "0x%08X", code);
  return text;
}

core::ErrorInfo InfoFor(MI_Result result, std::string message, const std::string& destination) {
  core::ErrorInfo info;
  info.result = result;
  info.message = std::move(message);
  info.error_source = destination;
  return info;
}

struct TransportRow {
  TransportErrorCode code;
  MI_Result result;
  MI_ErrorCategory category;
  MI_Uint32 hresult;  // 0: the MI_Result itself
  const char* cause;
};

// Every transport failure is FAILED (MI has no code for "could not connect"),
// except an answer too large for the client, which is a limit.  The category
// and the WS-Management HRESULT say which failure it was.
constexpr TransportRow kTransportTable[] = {
    {TransportErrorCode::kResolveFailed, MI_RESULT_FAILED, MI_ERRORCATEGORY_CONNECTION_ERROR, kWsmanCannotConnect,
     "the name does not resolve"},
    {TransportErrorCode::kConnectFailed, MI_RESULT_FAILED, MI_ERRORCATEGORY_CONNECTION_ERROR, kWsmanCannotConnect,
     "the connection failed"},
    {TransportErrorCode::kTlsFailed, MI_RESULT_FAILED, MI_ERRORCATEGORY_SECURITY_ERROR, kWsmanCannotConnect,
     "the TLS handshake failed"},
    {TransportErrorCode::kCertificateRejected, MI_RESULT_FAILED, MI_ERRORCATEGORY_SECURITY_ERROR,
     kWsmanCannotConnect, "the server's certificate was rejected"},
    {TransportErrorCode::kTimedOut, MI_RESULT_FAILED, MI_ERRORCATEGORY_OPERATION_TIMEOUT, kWsmanOperationTimedOut,
     "no answer arrived within the time-out"},
    {TransportErrorCode::kConnectionClosed, MI_RESULT_FAILED, MI_ERRORCATEGORY_CONNECTION_ERROR, 0,
     "the server closed the connection before answering"},
    {TransportErrorCode::kConnectionReset, MI_RESULT_FAILED, MI_ERRORCATEGORY_CONNECTION_ERROR, 0,
     "the server reset the connection"},
    {TransportErrorCode::kBadResponse, MI_RESULT_FAILED, MI_ERRORCATEGORY_PROTOCOL_ERROR, 0,
     "the answer is not readable HTTP"},
    {TransportErrorCode::kTruncated, MI_RESULT_FAILED, MI_ERRORCATEGORY_PROTOCOL_ERROR, 0,
     "the answer was cut short"},
    {TransportErrorCode::kResponseTooLarge, MI_RESULT_SERVER_LIMITS_EXCEEDED, MI_ERRORCATEGORY_LIMITS_EXCEEDED, 0,
     "the answer exceeds the client's size limit"},
};

}  // namespace

Outcome FromFault(wsman::Fault fault, const std::string& destination) {
  wsman::FaultResult mapped = wsman::MapFaultToResult(fault);
  if (fault.cim_error) return Outcome::Failure(mapped.result, std::move(fault.cim_error));
  core::ErrorInfo info = InfoFor(mapped.result, "", destination);
  info.message = mapped.message.empty() ? "The server at " + destination + " answered with a SOAP fault."
                                        : mapped.message;
  info.category = mapped.category;
  if (!fault.subcode.empty()) info.windows_message = "WS-Management fault " + fault.subcode.local;
  if (fault.wsman_fault) {
    info.native_code = fault.wsman_fault->code;
    info.native_type = MI_RESULT_TYPE_HRESULT;
    info.windows_message = fault.wsman_fault->message.empty() ? info.message : fault.wsman_fault->message;
  }
  if (mapped.timed_out) {
    info.probable_cause = kProbableCauseTimeout;
    info.probable_cause_description = "Timeout";
  }
  return Outcome::Failure(info);
}

Outcome FromTransport(const TransportStatus& status, const std::string& destination) {
  if (status.code() == TransportErrorCode::kCancelled) return Outcome::Cancelled();
  const TransportRow* row = nullptr;
  for (const TransportRow& r : kTransportTable) {
    if (r.code == status.code()) row = &r;
  }
  if (row == nullptr) {
    return Outcome::Failure(InfoFor(MI_RESULT_FAILED, "Cannot reach " + destination + ": " + status.message() + ".",
                                    destination));
  }
  std::string message = "Cannot complete the request to " + destination + ": " + row->cause;
  if (!status.message().empty()) message += " (" + status.message() + ")";
  core::ErrorInfo info = InfoFor(row->result, message + ".", destination);
  info.category = row->category;
  if (row->hresult != 0) {
    info.native_code = row->hresult;
    info.native_type = MI_RESULT_TYPE_HRESULT;
    info.windows_message = "HRESULT " + Hex(row->hresult);
  }
  if (status.code() == TransportErrorCode::kTimedOut) {
    info.probable_cause = kProbableCauseTimeout;
    info.probable_cause_description = "Timeout";
  }
  return Outcome::Failure(info);
}

Outcome FromHttpStatus(int status, const std::string& destination) {
  if (status == 401 || status == 403) {
    core::ErrorInfo info = InfoFor(MI_RESULT_ACCESS_DENIED,
                                   "Access is denied: " + destination + " refused the credentials (HTTP " +
                                       std::to_string(status) + ").",
                                   destination);
    info.category = status == 401 ? MI_ERRORCATEGORY_AUTHENTICATION_ERROR : MI_ERRORCATEGORY_ACCESS_DENIED;
    return Outcome::Failure(info);
  }
  core::ErrorInfo info = InfoFor(MI_RESULT_FAILED,
                                 "The server at " + destination + " answered HTTP " + std::to_string(status) +
                                     " without a WS-Management message.",
                                 destination);
  info.category = MI_ERRORCATEGORY_PROTOCOL_ERROR;
  return Outcome::Failure(info);
}

Outcome FromBadAnswer(const std::string& what, const std::string& destination) {
  core::ErrorInfo info = InfoFor(MI_RESULT_FAILED, "The answer from " + destination + " is unusable: " + what + ".",
                                 destination);
  info.category = MI_ERRORCATEGORY_PROTOCOL_ERROR;
  return Outcome::Failure(info);
}

}  // namespace cimulate::winrm
