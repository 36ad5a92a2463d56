#include "engine_transport.h"

#include "engine/base64.h"
#include "wsman/codec.h"

namespace cimulate::winrm::testing {

void EngineHub::Record(SentRequest request) {
  std::lock_guard<std::mutex> lock(mu_);
  sent_.push_back(std::make_unique<SentRequest>(std::move(request)));
}

std::vector<const SentRequest*> EngineHub::Sent() const {
  std::lock_guard<std::mutex> lock(mu_);
  std::vector<const SentRequest*> out;
  for (const auto& r : sent_) out.push_back(r.get());
  return out;
}

size_t EngineHub::SentCount() const {
  std::lock_guard<std::mutex> lock(mu_);
  return sent_.size();
}

std::vector<wsman::MessageKind> EngineHub::SentKinds() const {
  std::lock_guard<std::mutex> lock(mu_);
  std::vector<wsman::MessageKind> out;
  for (const auto& r : sent_) out.push_back(r->message.kind);
  return out;
}

std::vector<HttpTransportConfig> EngineHub::configs() const {
  std::lock_guard<std::mutex> lock(mu_);
  return configs_;
}

void EngineHub::AddConfig(const HttpTransportConfig& config) {
  std::lock_guard<std::mutex> lock(mu_);
  configs_.push_back(config);
}

EngineTransport::EngineTransport(std::shared_ptr<EngineHub> hub, HttpTransportConfig config)
    : hub_(std::move(hub)), config_(std::move(config)) {
  hub_->AddConfig(config_);
}

TransportStatus EngineTransport::Hang(const PostRequest& request) {
  std::mutex mu;
  std::condition_variable cv;
  bool woken = false;
  auto wake = [&] {
    std::lock_guard<std::mutex> lock(mu);
    woken = true;
    cv.notify_all();
  };
  if (request.cancel != nullptr && !request.cancel->Arm(wake)) {
    return TransportStatus(TransportErrorCode::kCancelled, "cancelled");
  }
  {
    std::unique_lock<std::mutex> lock(mu);
    cv.wait_until(lock, request.deadline, [&] { return woken; });
  }
  if (request.cancel != nullptr) request.cancel->Disarm();
  if (woken) return TransportStatus(TransportErrorCode::kCancelled, "cancelled");
  return TransportStatus(TransportErrorCode::kTimedOut, "no answer before the deadline");
}

TransportStatus EngineTransport::Post(const PostRequest& request, HttpResponse* response) {
  if (shut_down_) return TransportStatus(TransportErrorCode::kCancelled, "the transport is shut down");
  if (request.cancel != nullptr && request.cancel->cancelled()) {
    return TransportStatus(TransportErrorCode::kCancelled, "cancelled");
  }
  SentRequest sent;
  sent.body = request.body;
  sent.headers = request.headers;
  sent.time_left = request.deadline - std::chrono::steady_clock::now();
  sent.idempotent = request.idempotent;
  fake::EngineRequest engine_request;
  engine_request.headers.Add("Content-Type", "application/soap+xml;charset=UTF-8");
  if (!config_.user.empty()) {
    sent.authorization = "Basic " + fake::Base64Encode(config_.user + ":" + config_.password);
    engine_request.headers.Add("Authorization", sent.authorization);
  }
  for (const HttpField& field : request.headers) engine_request.headers.Add(field.first, field.second);
  engine_request.body = request.body;
  engine_request.listener = config_.https ? "winrm_https" : "winrm_http";
  (void)wsman::DecodeMessage(request.body, &sent.message);
  if (hub_->before_engine) hub_->before_engine(sent);
  hub_->Record(std::move(sent));

  fake::EngineReply reply = hub_->engine().Handle(engine_request);
  if (reply.fault) {
    using Kind = scenario::TransportFaultKind;
    switch (reply.fault->kind) {
      case Kind::kRefuse: return TransportStatus(TransportErrorCode::kConnectFailed, "connection refused");
      case Kind::kAcceptThenClose:
        return TransportStatus(TransportErrorCode::kConnectionClosed, "closed before answering");
      case Kind::kReset: return TransportStatus(TransportErrorCode::kConnectionReset, "connection reset by peer");
      case Kind::kGarbageThenClose: return TransportStatus(TransportErrorCode::kBadResponse, "not an HTTP status line");
      case Kind::kTruncatedBody: return TransportStatus(TransportErrorCode::kTruncated, "body shorter than announced");
      case Kind::kHang: return Hang(request);
      default: break;  // delays and dribbles still deliver the answer
    }
  }
  response->status = reply.http_status;
  response->headers.clear();
  for (const auto& field : reply.headers.fields()) response->headers.emplace_back(field.first, field.second);
  response->body = std::move(reply.body);
  return TransportStatus::Ok();
}

}  // namespace cimulate::winrm::testing
