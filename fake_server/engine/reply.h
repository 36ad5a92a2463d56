// Turns an Outcome into the bytes and headers the HTTP layer sends, relating
// the reply to the request as Windows does.
#ifndef CIMULATE_FAKE_SERVER_ENGINE_REPLY_H_
#define CIMULATE_FAKE_SERVER_ENGINE_REPLY_H_

#include <string>

#include "engine/outcome.h"
#include "engine/request.h"
#include "wsman/message.h"

namespace cimulate::fake {

inline constexpr char kSoapContentType[] = "application/soap+xml;charset=UTF-8";

// MessageID, RelatesTo (the request's MessageID verbatim, also when empty),
// OperationID and SequenceId echoed.  `request` may be null (undecodable input).
void RelateTo(const wsman::Headers* request, const std::string& message_id, wsman::Message* reply);

// Encodes `outcome` into `out` (status, Content-Type, body).  A success reply
// larger than the client's MaxEnvelopeSize becomes w:EncodingLimit.
void Finish(Outcome outcome, const wsman::Headers* request, const std::string& message_id, EngineReply* out);

// "GetResponse", "fault w:InvalidSelectors", "raw 302" for the journal.
std::string Summary(const Outcome& outcome);

}  // namespace cimulate::fake

#endif  // CIMULATE_FAKE_SERVER_ENGINE_REPLY_H_
