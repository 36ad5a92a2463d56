// Helpers shared by the DCOM codec tests: hex literals and the shared
// WMIDCOM stub vectors (absent in a bare checkout, so callers SKIP).

#ifndef CIMULATE_TESTS_UNIT_DCOM_DCOM_TEST_UTIL_H_
#define CIMULATE_TESTS_UNIT_DCOM_DCOM_TEST_UTIL_H_

#include <cstdint>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

namespace cimulate::dcom::testing {

inline std::vector<uint8_t> Hex(std::string_view hex) {
  auto nibble = [](char c) { return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10; };
  std::vector<uint8_t> out;
  for (size_t i = 0; i + 1 < hex.size(); i += 2) {
    out.push_back(static_cast<uint8_t>(nibble(hex[i]) << 4 | nibble(hex[i + 1])));
  }
  return out;
}

inline std::string ToHex(const std::vector<uint8_t>& bytes) {
  static const char kDigits[] = "0123456789abcdef";
  std::string out;
  for (uint8_t b : bytes) {
    out.push_back(kDigits[b >> 4]);
    out.push_back(kDigits[b & 15]);
  }
  return out;
}

inline const std::string kVectorDir = CIMULATE_SOURCE_DIR "/../shared/vectors/wmidcom/";

struct StubVector {
  std::string iface;
  int opnum = -1;
  std::string object;
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

inline std::vector<StubVector> LoadStubVectors() {
  std::vector<StubVector> vectors;
  std::ifstream in(kVectorDir + "stub_vectors.jsonl");
  for (std::string line; std::getline(in, line);) {
    StubVector v;
    v.iface = JsonField(line, "iface");
    v.opnum = std::stoi(JsonField(line, "opnum"));
    v.object = JsonField(line, "object");
    v.request = Hex(JsonField(line, "request_stub"));
    v.response = Hex(JsonField(line, "response_stub"));
    vectors.push_back(std::move(v));
  }
  return vectors;
}

}  // namespace cimulate::dcom::testing

#endif  // CIMULATE_TESTS_UNIT_DCOM_DCOM_TEST_UTIL_H_
