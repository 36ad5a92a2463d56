#include "winrm/exchange.h"

#include "winrm/errors.h"
#include "winrm/response.h"
#include "wsman/codec.h"

namespace cimulate::winrm {

Exchange::Exchange(const SessionSettings& settings, Transport& transport, std::shared_ptr<CancelSignal> cancel,
                   std::chrono::milliseconds timeout)
    : settings_(settings), transport_(transport), cancel_(std::move(cancel)), timeout_(timeout) {}

Outcome Exchange::Post(const wsman::Message& request, std::chrono::milliseconds timeout, CancelSignal* cancel,
                       HttpResponse* response) {
  PostRequest post;
  wsman::Status s = wsman::EncodeMessage(request, &post.body);
  if (!s.ok()) {
    return Outcome::Failure(MI_RESULT_INVALID_PARAMETER,
                            core::BuildError(MI_RESULT_INVALID_PARAMETER,
                                             "The request cannot be written as WS-Management: " + s.message() + "."));
  }
  post.deadline = std::chrono::steady_clock::now() + timeout;
  // Transfer Create and Invoke may change the server twice if repeated.
  post.idempotent = request.kind != wsman::MessageKind::kCreate && request.kind != wsman::MessageKind::kInvoke;
  post.cancel = cancel;
  TransportStatus status = transport_.Post(post, response);
  if (!status.ok()) {
    if (cancel != nullptr && cancel->cancelled()) return Outcome::Cancelled();
    return FromTransport(status, settings_.destination);
  }
  return Outcome::Ok();
}

Outcome Exchange::Run(const wsman::Message& request, wsman::MessageKind expected, wsman::Message* response) {
  if (cancel_->cancelled()) return Outcome::Cancelled();
  HttpResponse http;
  Outcome sent = Post(request, timeout_, cancel_.get(), &http);
  if (!sent.ok()) return sent;
  // An answer that raced with a cancel is dropped: the caller asked to stop.
  if (cancel_->cancelled()) return Outcome::Cancelled();
  return ReadResponse(http, expected, settings_.destination, settings_.max_envelope_size, response);
}

void Exchange::RunDetached(const wsman::Message& request, std::chrono::milliseconds limit) {
  HttpResponse http;
  (void)Post(request, std::min(limit, timeout_), nullptr, &http);
}

}  // namespace cimulate::winrm
