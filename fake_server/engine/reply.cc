#include "engine/reply.h"

#include "engine/faults.h"
#include "wsman/codec.h"
#include "wsman/namespaces.h"

namespace cimulate::fake {
namespace {

const char* SubcodePrefix(const std::string& ns) {
  static const struct {
    const char* ns;
    const char* prefix;
  } kRows[] = {{wsman::ns::kWsman, "w"}, {wsman::ns::kAddressing, "a"}, {wsman::ns::kEnumeration, "n"},
               {wsman::ns::kTransfer, "x"}, {wsman::ns::kShell, "rsp"}, {wsman::ns::kSoap, "s"}};
  for (const auto& r : kRows) {
    if (ns == r.ns) return r.prefix;
  }
  return "?";
}

void EncodeInto(const wsman::Message& message, int status, EngineReply* out) {
  std::string bytes;
  wsman::Status s = wsman::EncodeMessage(message, &bytes);
  if (!s.ok()) {
    // A scenario asked for something the codec cannot write (a bad cim_error
    // value, say): tell the client plainly rather than send nothing.
    wsman::Message fault;
    fault.kind = wsman::MessageKind::kFault;
    fault.headers = message.headers;
    fault.headers.action.clear();
    wsman::Fault f = MakeFault("Receiver", wsman::ns::kWsman, "InternalError",
                               "The fake endpoint could not encode its reply: " + s.ToString(), "", 0);
    fault.body = std::move(f);
    (void)wsman::EncodeMessage(fault, &bytes);
    status = 500;
  }
  out->http_status = status;
  out->headers.Set("Content-Type", kSoapContentType);
  out->body = std::move(bytes);
}

}  // namespace

void RelateTo(const wsman::Headers* request, const std::string& message_id, wsman::Message* reply) {
  wsman::Headers& h = reply->headers;
  h.message_id = "uuid:" + message_id;
  h.to = wsman::uri::kAnonymous;
  if (request == nullptr) return;
  if (request->message_id) h.relates_to = request->message_id;
  h.operation_id = request->operation_id;
  h.sequence_id = request->sequence_id;
}

void Finish(Outcome outcome, const wsman::Headers* request, const std::string& message_id, EngineReply* out) {
  if (outcome.raw) {
    out->http_status = outcome.http_status;
    for (const auto& [name, value] : outcome.raw_headers.fields()) out->headers.Add(name, value);
    out->body = std::move(outcome.raw_body);
    return;
  }
  if (!outcome.encoded.empty()) {
    out->http_status = outcome.http_status;
    out->headers.Set("Content-Type", kSoapContentType);
    out->body = std::move(outcome.encoded);
    return;
  }
  RelateTo(request, message_id, &outcome.message);
  EncodeInto(outcome.message, outcome.http_status, out);
  bool fault = outcome.message.kind == wsman::MessageKind::kFault;
  if (!fault && request != nullptr && request->max_envelope_size && out->body.size() > *request->max_envelope_size) {
    Outcome limit = FaultReply(EncodingLimit("MaxEnvelopeSizeExceeded",
                                             "the reply needs " + std::to_string(out->body.size()) +
                                                 " bytes; MaxEnvelopeSize is " +
                                                 std::to_string(*request->max_envelope_size)));
    RelateTo(request, message_id, &limit.message);
    EncodeInto(limit.message, limit.http_status, out);
  }
}

std::string Summary(const Outcome& outcome) {
  if (outcome.raw) return "raw " + std::to_string(outcome.http_status);
  const wsman::Message& m = outcome.message;
  if (m.kind == wsman::MessageKind::kFault) {
    const auto* f = std::get_if<wsman::Fault>(&m.body);
    if (f == nullptr) return "fault";
    if (f->subcode.empty()) return "fault s:" + f->code.local;
    return std::string("fault ") + SubcodePrefix(f->subcode.ns) + ":" + f->subcode.local;
  }
  if (m.kind == wsman::MessageKind::kOther) {
    size_t slash = m.headers.action.rfind('/');
    return slash == std::string::npos ? m.headers.action : m.headers.action.substr(slash + 1);
  }
  return wsman::MessageKindName(m.kind);
}

}  // namespace cimulate::fake
