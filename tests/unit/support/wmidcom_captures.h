// The shared WMIDCOM capture (vectors/wmidcom/stub_vectors.jsonl: one RPC call
// per line, plaintext request and response stubs in hex) and hex helpers, for
// the codec tests of lib/dcom, lib/wmi and lib/wmio.  The file lives beside the
// source tree, not in it: LoadCapturedCalls() is empty when it is absent, and
// callers SKIP.
#ifndef CIMULATE_TESTS_UNIT_SUPPORT_WMIDCOM_CAPTURES_H_
#define CIMULATE_TESTS_UNIT_SUPPORT_WMIDCOM_CAPTURES_H_

#include <cstdint>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

namespace cimulate::testing {

inline std::vector<uint8_t> Hex(std::string_view hex) {
  auto nibble = [](char c) { return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10; };
  std::vector<uint8_t> out;
  for (size_t i = 0; i + 1 < hex.size(); i += 2) {
    out.push_back(static_cast<uint8_t>(nibble(hex[i]) << 4 | nibble(hex[i + 1])));
  }
  return out;
}

inline std::string ToHex(const std::vector<uint8_t>& bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  for (uint8_t b : bytes) {
    out.push_back(kDigits[b >> 4]);
    out.push_back(kDigits[b & 15]);
  }
  return out;
}

inline const std::string kWmidcomVectorDir = CIMULATE_SOURCE_DIR "/../shared/vectors/wmidcom/";

// One call of the capture.
struct CapturedCall {
  int line = 0;        // 1-based line in the file
  std::string iface;   // "IWbemServices", ...
  int opnum = -1;
  std::string object;  // the IPID in the PDU header, or "null"
  std::vector<uint8_t> request;
  std::vector<uint8_t> response;
};

// Just enough JSON for the flat one-object-per-line file.
inline std::string JsonField(const std::string& line, const std::string& key) {
  const std::string marker = "\"" + key + "\": ";
  size_t at = line.find(marker);
  if (at == std::string::npos) return "";
  at += marker.size();
  if (line[at] == '"') return line.substr(at + 1, line.find('"', at + 1) - at - 1);
  return line.substr(at, line.find_first_of(",}", at) - at);
}

inline std::vector<CapturedCall> LoadCapturedCalls() {
  std::vector<CapturedCall> calls;
  std::ifstream in(kWmidcomVectorDir + "stub_vectors.jsonl");
  int number = 0;
  for (std::string line; std::getline(in, line);) {
    CapturedCall call;
    call.line = ++number;
    call.iface = JsonField(line, "iface");
    call.opnum = std::stoi(JsonField(line, "opnum"));
    call.object = JsonField(line, "object");
    call.request = Hex(JsonField(line, "request_stub"));
    call.response = Hex(JsonField(line, "response_stub"));
    calls.push_back(std::move(call));
  }
  return calls;
}

}  // namespace cimulate::testing

#endif  // CIMULATE_TESTS_UNIT_SUPPORT_WMIDCOM_CAPTURES_H_
