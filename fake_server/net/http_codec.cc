#include "net/http_codec.h"

#include <algorithm>
#include <cctype>
#include <exception>
#include <string>

#include "net/exchange.h"
#include "net/exchange_stream.h"

namespace cimulate::fake {
namespace {

constexpr const char* kSoapContentType = "application/soap+xml;charset=UTF-8";

bool SameName(const std::string& a, const char* b) {
  return !httplib::detail::ci()(a, b) && !httplib::detail::ci()(b, a);
}

bool ReservedReplyHeader(const std::string& name) {
  return SameName(name, "Content-Length") || SameName(name, "Connection") || SameName(name, "Transfer-Encoding") ||
         SameName(name, "Keep-Alive");
}

// httplib adds these to Request::headers itself; they were not sent.
bool PseudoHeader(const std::string& name) {
  return name == "REMOTE_ADDR" || name == "REMOTE_PORT" || name == "LOCAL_ADDR" || name == "LOCAL_PORT";
}

// Checks the declared body size before httplib reads the body, and sets the
// stream's budget for it.  Returns 0 or the status to answer with.
int AdmitBody(const httplib::Request& req, Exchange* ex) {
  std::string coding = req.get_header_value("Transfer-Encoding");
  for (char& c : coding) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  const bool chunked = coding.find("chunked") != std::string::npos;
  if (chunked) {
    // The budget counts chunk framing too; allow it generously.
    ex->stream->LimitBody(ex->max_body_bytes + ex->max_body_bytes / 8 + 1024, true);
    return 0;
  }
  if (!req.has_header("Content-Length")) {
    // HTTP/1.1: no Content-Length and no chunking means no body.
    ex->stream->LimitBody(0, false);
    return 0;
  }
  const std::string value = req.get_header_value("Content-Length");
  if (value.empty() || value.find_first_not_of("0123456789") != std::string::npos || value.size() > 18) return 400;
  const unsigned long long length = std::stoull(value);
  if (length > ex->max_body_bytes) return 413;
  ex->stream->LimitBody(static_cast<std::size_t>(length), false);
  return 0;
}

void Refuse(Exchange* ex, httplib::Response& res, int status) {
  ex->close_after = true;
  res.status = status;
  res.set_header("Connection", "close");
}

void Route(const httplib::Request& req, httplib::Response& res) {
  Exchange* ex = CurrentExchange();
  if (!ex || !ex->handler || !*ex->handler) {
    res.status = 500;
    return;
  }
  ex->body = req.body;
  if (req.body.size() > ex->max_body_bytes) {
    // A chunked body is only bounded loosely while it is read (the budget
    // includes chunk framing); its decoded size is checked here.
    Refuse(ex, res, 413);
    return;
  }
  Request request;
  request.method = ex->method;
  request.path = ex->path;
  request.headers = ex->headers;
  request.body = req.body;
  request.peer = ex->peer;
  request.listener = ex->listener;
  request.connection_id = ex->context->id();
  request.sequence = ex->sequence;
  request.tls = ex->context->tls();

  Reply reply;
  try {
    reply = (*ex->handler)(request, *ex->context);
  } catch (const std::exception& e) {
    reply = Reply{};
    reply.status = 500;
    reply.note.reason = std::string("handler threw: ") + e.what();
  } catch (...) {
    reply = Reply{};
    reply.status = 500;
    reply.note.reason = "handler threw";
  }
  ex->handled = true;
  ex->fault = reply.fault;
  ex->draws = std::move(reply.draws);
  ex->note = std::move(reply.note);

  res.status = reply.status;
  bool has_type = false;
  for (auto& [name, value] : reply.headers) {
    if (ReservedReplyHeader(name)) continue;
    if (SameName(name, "Content-Type")) has_type = true;
    res.headers.emplace(name, value);
  }
  if (!has_type && !reply.body.empty()) res.headers.emplace("Content-Type", kSoapContentType);
  res.body = std::move(reply.body);
  if (ex->context->close_after_reply()) {
    ex->close_after = true;
    res.set_header("Connection", "close");
  }
}

}  // namespace

HttpCodec::HttpCodec(const ListenerOptions& options) {
  // httplib announces these in its Keep-Alive header; the connection driver
  // enforces the real limits.
  set_keep_alive_timeout(std::max<time_t>(1, options.idle_timeout_ms / 1000));
  set_keep_alive_max_count(options.max_requests_per_connection ? options.max_requests_per_connection : 1000000);
  set_payload_max_length(options.max_body_bytes);

  const std::string any = ".*";
  Get(any, Route);
  Post(any, Route);
  Put(any, Route);
  Delete(any, Route);
  Patch(any, Route);
  Options(any, Route);

  // Runs after the headers are read and before the body is: refuse an
  // oversize body without reading it.
  set_pre_routing_handler([](const httplib::Request& req, httplib::Response& res) {
    Exchange* ex = CurrentExchange();
    if (!ex) return HandlerResponse::Unhandled;
    if (const int status = AdmitBody(req, ex)) {
      Refuse(ex, res, status);
      return HandlerResponse::Handled;
    }
    return HandlerResponse::Unhandled;
  });
  set_expect_100_continue_handler([](const httplib::Request& req, httplib::Response& res) {
    Exchange* ex = CurrentExchange();
    if (!ex) return 100;
    if (const int status = AdmitBody(req, ex)) {
      Refuse(ex, res, status);
      return status;
    }
    return 100;
  });
}

bool HttpCodec::ProcessOne(httplib::Stream& stream, bool close_connection, bool* connection_closed) {
  bool closed = false;
  const bool ok = process_request(stream, close_connection, closed, [](httplib::Request& req) {
    Exchange* ex = CurrentExchange();
    if (!ex) return;
    ex->parsed = true;
    ex->method = req.method;
    ex->path = req.target.empty() ? req.path : req.target;
    for (const auto& [name, value] : req.headers) {
      if (!PseudoHeader(name)) ex->headers.emplace_back(name, value);
    }
    // The fake answers uncompressed, as WinRM does; httplib would gzip
    // text bodies for a client that accepts it.
    req.headers.erase("Accept-Encoding");
  });
  *connection_closed = closed;
  return ok;
}

Exchange*& CurrentExchange() {
  thread_local Exchange* current = nullptr;
  return current;
}

}  // namespace cimulate::fake
