// One operation's request/response exchanges with the destination: encode,
// POST through the session's Transport with the operation's deadline and
// cancel signal, and read the answer.
#ifndef CIMULATE_WINRM_EXCHANGE_H_
#define CIMULATE_WINRM_EXCHANGE_H_

#include <chrono>
#include <memory>

#include "winrm/cancel_signal.h"
#include "winrm/outcome.h"
#include "winrm/session_settings.h"
#include "winrm/transport.h"
#include "wsman/message.h"

namespace cimulate::winrm {

class Exchange {
 public:
  // `timeout` bounds each request (the OperationTimeout the request carries).
  Exchange(const SessionSettings& settings, Transport& transport, std::shared_ptr<CancelSignal> cancel,
           std::chrono::milliseconds timeout);

  // Sends `request` and expects a message of kind `expected` in `response`.
  Outcome Run(const wsman::Message& request, wsman::MessageKind expected, wsman::Message* response);

  // Best effort, after the operation was cancelled: sends `request` with a
  // short deadline of its own and no cancel signal, and ignores the answer.
  void RunDetached(const wsman::Message& request, std::chrono::milliseconds limit);

  bool cancelled() const { return cancel_->cancelled(); }
  const SessionSettings& settings() const { return settings_; }

 private:
  Outcome Post(const wsman::Message& request, std::chrono::milliseconds timeout, CancelSignal* cancel,
               HttpResponse* response);

  const SessionSettings& settings_;
  Transport& transport_;
  std::shared_ptr<CancelSignal> cancel_;
  std::chrono::milliseconds timeout_;
};

}  // namespace cimulate::winrm

#endif  // CIMULATE_WINRM_EXCHANGE_H_
