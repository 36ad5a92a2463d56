// Helpers shared by the DCOM codec tests: hex literals and the shared
// WMIDCOM stub vectors (absent in a bare checkout, so callers SKIP).

#ifndef CIMULATE_TESTS_UNIT_DCOM_DCOM_TEST_UTIL_H_
#define CIMULATE_TESTS_UNIT_DCOM_DCOM_TEST_UTIL_H_

#include "../support/wmidcom_captures.h"

namespace cimulate::dcom::testing {

using cimulate::testing::CapturedCall;
using cimulate::testing::Hex;
using cimulate::testing::kWmidcomVectorDir;
using cimulate::testing::LoadCapturedCalls;
using cimulate::testing::ToHex;

}  // namespace cimulate::dcom::testing

#endif  // CIMULATE_TESTS_UNIT_DCOM_DCOM_TEST_UTIL_H_
