// Feeds arbitrary bytes to the DCE/RPC PDU decoders and the stream framer.
#include <cstddef>
#include <cstdint>
#include <span>

#include "dcerpc/pdu.h"
#include "dcerpc/pdu_stream_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::span<const uint8_t> bytes(data, size);
  cimulate::dcerpc::Pdu pdu;
  (void)cimulate::dcerpc::DecodePdu(bytes, &pdu);
  cimulate::dcerpc::PduLayout layout;
  (void)cimulate::dcerpc::ParsePduLayout(bytes, &layout);
  return 0;
}
