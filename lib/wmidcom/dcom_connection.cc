#include "wmidcom/dcom_connection.h"

namespace cimulate::wmidcom {
namespace {

constexpr std::uint32_t kNotImplemented = 0x80004001;  // E_NOTIMPL

// Stands in until the DCE/RPC association, DCOM and MS-WMI stub libraries are
// wired in: every logon reports E_NOTIMPL, which the error table turns into
// MI_RESULT_NOT_SUPPORTED, so callers see "not available" rather than a
// connection failure that did not happen.
class PendingConnection : public WbemConnection {
 public:
  CallStatus Login(const std::string&, CallControl& control, std::shared_ptr<WbemServices>*) override {
    if (control.cancelled()) return CallStatus::Cancelled();
    return CallStatus::Hresult(kNotImplemented, "the DCOM wire client is not part of this build yet");
  }
  void Shutdown() override {}
};

}  // namespace

std::unique_ptr<WbemConnection> NewDcomConnection(const SessionSettings&) {
  return std::make_unique<PendingConnection>();
}

}  // namespace cimulate::wmidcom
