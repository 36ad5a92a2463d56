// Helpers for the MS-WMI stub tests: hex, the shared capture file and the
// checked-in impacket stubs, and the comparison that normalises what is
// legitimately arbitrary in a stub.

#ifndef CIMULATE_TESTS_UNIT_WMI_WMI_TEST_UTIL_H_
#define CIMULATE_TESTS_UNIT_WMI_WMI_TEST_UTIL_H_

#include <gtest/gtest.h>

#include <cstdint>
#include <fstream>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace cimulate::wmi::testing {

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

// One call of the shared capture (vectors/wmidcom/stub_vectors.jsonl).
struct CapturedCall {
  int line = 0;
  std::string iface;
  int opnum = -1;
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

inline const std::string kSharedVectors =
    CIMULATE_SOURCE_DIR "/../shared/vectors/wmidcom/stub_vectors.jsonl";

// Empty when the shared tree is absent (tests then SKIP).
inline std::vector<CapturedCall> LoadCapturedCalls() {
  std::vector<CapturedCall> calls;
  std::ifstream in(kSharedVectors);
  int number = 0;
  for (std::string line; std::getline(in, line);) {
    ++number;
    CapturedCall call;
    call.line = number;
    call.iface = JsonField(line, "iface");
    call.opnum = std::stoi(JsonField(line, "opnum"));
    call.request = Hex(JsonField(line, "request_stub"));
    call.response = Hex(JsonField(line, "response_stub"));
    calls.push_back(std::move(call));
  }
  return calls;
}

// tests/unit/wmi/impacket_stubs.txt: "name hex" lines printed by
// gen_impacket_stubs.py.
inline std::map<std::string, std::vector<uint8_t>> LoadImpacketStubs() {
  std::map<std::string, std::vector<uint8_t>> stubs;
  std::ifstream in(CIMULATE_SOURCE_DIR "/tests/unit/wmi/impacket_stubs.txt");
  for (std::string name, hex; in >> name >> hex;) stubs[name] = Hex(hex);
  return stubs;
}

// What may legitimately differ between impacket's stub and ours for the
// same fields:
//  * referent IDs: any non-zero value is legal; impacket picks random ones,
//    NdrWriter counts from 0x00020004;
//  * alignment filler: impacket writes 0xbf, NdrWriter 0;
//  * bytes after the last IDL parameter, which impacket adds for
//    [in, out, unique] interface pointers (reference/wmidcom.md section 1).
// The causality ID is not normalised: it is a decoded field, so re-encoding
// reproduces it.
struct Arbitrary {
  std::vector<size_t> referent_ids;  // offsets of 4-byte referent IDs
  std::vector<size_t> filler;        // offsets of single alignment bytes
  size_t trailing = 0;               // bytes impacket adds at the end
};

// Copies impacket's arbitrary bytes into ours after checking that ours are
// of the expected kind there, then compares the whole stubs.
inline void ExpectSameStub(const std::vector<uint8_t>& impacket, std::vector<uint8_t> ours,
                           const Arbitrary& arbitrary) {
  ASSERT_GE(impacket.size(), arbitrary.trailing);
  std::vector<uint8_t> theirs(impacket.begin(), impacket.end() - arbitrary.trailing);
  ASSERT_EQ(ours.size(), theirs.size()) << "ours   " << ToHex(ours) << "\ntheirs " << ToHex(theirs);
  for (size_t at : arbitrary.referent_ids) {
    ASSERT_LE(at + 4, ours.size());
    bool ours_nonzero = ours[at] | ours[at + 1] | ours[at + 2] | ours[at + 3];
    bool theirs_nonzero = theirs[at] | theirs[at + 1] | theirs[at + 2] | theirs[at + 3];
    EXPECT_TRUE(ours_nonzero && theirs_nonzero) << "no referent ID at offset " << at;
    std::copy_n(theirs.begin() + at, 4, ours.begin() + at);
  }
  for (size_t at : arbitrary.filler) {
    ASSERT_LT(at, ours.size());
    EXPECT_EQ(ours[at], 0) << "filler at offset " << at;
    ours[at] = theirs[at];
  }
  EXPECT_EQ(ToHex(ours), ToHex(theirs));
}

}  // namespace cimulate::wmi::testing

#endif  // CIMULATE_TESTS_UNIT_WMI_WMI_TEST_UTIL_H_
