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

#include "../support/wmidcom_captures.h"

namespace cimulate::wmi::testing {

using cimulate::testing::CapturedCall;
using cimulate::testing::Hex;
using cimulate::testing::kWmidcomVectorDir;
using cimulate::testing::LoadCapturedCalls;
using cimulate::testing::ToHex;

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
