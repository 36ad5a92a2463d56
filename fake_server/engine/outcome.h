// What answering a request produced, before the engine adds the headers that
// relate it to the request and encodes it.
#ifndef CIMULATE_FAKE_SERVER_ENGINE_OUTCOME_H_
#define CIMULATE_FAKE_SERVER_ENGINE_OUTCOME_H_

#include <string>
#include <utility>

#include "engine/request.h"
#include "wsman/message.h"

namespace cimulate::fake {

struct Outcome {
  int http_status = 200;
  wsman::Message message;  // sent unless `raw`
  // A scripted raw response (respond.xml / respond.http), sent as is.
  bool raw = false;
  HttpHeaders raw_headers;
  std::string raw_body;
  // Set when `message` was already finished and encoded (enumeration paging
  // encodes to fit MaxEnvelopeSize).
  std::string encoded;
};

inline Outcome Reply(wsman::MessageKind kind, wsman::Body body = {}) {
  Outcome o;
  o.message.kind = kind;
  o.message.body = std::move(body);
  return o;
}

inline Outcome FaultReply(wsman::Fault fault, int http_status = 500) {
  Outcome o;
  o.http_status = http_status;
  o.message.kind = wsman::MessageKind::kFault;
  o.message.body = std::move(fault);
  return o;
}

}  // namespace cimulate::fake

#endif  // CIMULATE_FAKE_SERVER_ENGINE_OUTCOME_H_
