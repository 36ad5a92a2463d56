// Bytes <-> Message for SOAP 1.2 WS-Management envelopes.

#ifndef CIMULATE_WSMAN_CODEC_H_
#define CIMULATE_WSMAN_CODEC_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "wsman/cim_xml.h"
#include "wsman/message.h"
#include "wsman/status.h"
#include "wsman/xml.h"

namespace cimulate::wsman {

struct DecodeOptions {
  ParseLimits limits;
};

// Decodes one envelope.  Errors: kNotXml, kForbidden (DOCTYPE), kLimitExceeded,
// kVersionMismatch (the root is not {soap 1.2}Envelope: an endpoint answers
// s:VersionMismatch), kMalformed (no s:Body, bad header values ...).
Status DecodeMessage(std::string_view bytes, Message* out, const DecodeOptions& options = {});

struct EncodeOptions {
  CimWriteOptions cim;
};

// Encodes with the Windows prefixes (s a x w n p b, f and wsmid where used),
// xml:lang="en-US" on the Envelope, headers in the order Windows writes them:
// Action, MessageID, To, RelatesTo, OperationID, SequenceId, then the rest.
// An empty headers.action is filled from the kind (Invoke: ResourceURI/Method
// [+ "Response"]; Fault: by subcode family); Identify has no Action.
Status EncodeMessage(const Message& message, std::string* out, const EncodeOptions& options = {});

// Entry point for a libFuzzer target: decode, and re-encode what decoded.
// Never crashes or throws on any input; returns the decode status.
Status FuzzDecode(const uint8_t* data, size_t size);

}  // namespace cimulate::wsman

#endif  // CIMULATE_WSMAN_CODEC_H_
