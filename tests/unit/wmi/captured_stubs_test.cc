// Decodes every MS-WMI call of the shared wmiquery captures
// (vectors/wmidcom/stub_vectors.jsonl): impacket's requests and the Python
// peer's replies. Requests are re-encoded from the decoded fields and
// compared with impacket's bytes (normalising only referent IDs, alignment
// filler and impacket's extra trailing bytes; see wmi_test_util.h); replies
// are re-encoded and must match byte for byte, since the peer numbers
// referents the way NdrWriter does.

#include <gtest/gtest.h>

#include <set>
#include <string>

#include "wmi/enum_stubs.h"
#include "wmi/level1_login_stubs.h"
#include "wmi/services_stubs.h"
#include "wmi/wmi_ids.h"
#include "wmi_test_util.h"

namespace cimulate::wmi {
namespace {

using testing::Arbitrary;
using testing::CapturedCall;
using testing::ExpectSameStub;
using testing::ToHex;

constexpr uint32_t kObjrefSignature = 0x574F454D;  // "MEOW"

uint32_t LittleEndian32(const std::vector<uint8_t>& bytes) {
  return bytes.size() < 4 ? 0
                          : bytes[0] | bytes[1] << 8 | bytes[2] << 16 |
                                static_cast<uint32_t>(bytes[3]) << 24;
}

class CapturedStubs : public ::testing::Test {
 protected:
  void SetUp() override {
    calls_ = testing::LoadCapturedCalls();
    if (calls_.empty()) GTEST_SKIP() << "no " << testing::kWmidcomVectorDir;
  }

  std::vector<CapturedCall> Calls(const std::string& iface, int opnum) const {
    std::vector<CapturedCall> found;
    for (const auto& call : calls_) {
      if (call.iface == iface && call.opnum == opnum) found.push_back(call);
    }
    EXPECT_FALSE(found.empty()) << "no capture of " << iface << " opnum " << opnum;
    return found;
  }

  std::vector<CapturedCall> calls_;
};

TEST_F(CapturedStubs, NtlmLoginRequest) {
  for (const auto& call : Calls("IWbemLevel1Login", login_op::kNtlmLogin)) {
    SCOPED_TRACE("line " + std::to_string(call.line));
    NtlmLoginRequest request;
    ASSERT_TRUE(Decode(call.request, &request).ok());
    EXPECT_EQ(request.orpc.version.major, 5);
    EXPECT_EQ(request.orpc.version.minor, 7);
    EXPECT_EQ(request.network_resource, u"//./root/cimv2");
    EXPECT_FALSE(request.preferred_locale.has_value());
    EXPECT_EQ(request.flags, 0);
    EXPECT_FALSE(request.context.has_value());
    // 32: the namespace's referent; 78-79: filler before the NULL locale.
    ExpectSameStub(call.request, Encode(request), Arbitrary{{32}, {78, 79}});
  }
}

TEST_F(CapturedStubs, NtlmLoginResponse) {
  for (const auto& call : Calls("IWbemLevel1Login", login_op::kNtlmLogin)) {
    SCOPED_TRACE("line " + std::to_string(call.line));
    NtlmLoginResponse response;
    ASSERT_TRUE(Decode(call.response, &response).ok());
    EXPECT_EQ(response.hresult, kWbemSNoError);
    ASSERT_TRUE(response.services.has_value());
    EXPECT_EQ(response.services->data.size(), 128u);
    EXPECT_EQ(LittleEndian32(response.services->data), kObjrefSignature);
    EXPECT_EQ(ToHex(Encode(response)), ToHex(call.response));
  }
}

TEST_F(CapturedStubs, ExecQueryRequest) {
  const std::set<std::u16string> queries = {u"SELECT Name FROM Win32_Service",
                                            u"SELECT * FROM Fake_Big",
                                            u"SELECT Name, State FROM Win32_Service"};
  std::set<std::u16string> seen;
  for (const auto& call : Calls("IWbemServices", services_op::kExecQuery)) {
    SCOPED_TRACE("line " + std::to_string(call.line));
    ExecQueryRequest request;
    ASSERT_TRUE(Decode(call.request, &request).ok());
    EXPECT_EQ(request.query_language, u"WQL");
    ASSERT_TRUE(request.query.has_value());
    EXPECT_TRUE(queries.count(*request.query)) << ToHex(call.request);
    seen.insert(*request.query);
    EXPECT_EQ(request.flags, 0);
    EXPECT_FALSE(request.context.has_value());

    // impacket counts a terminating NUL in both BSTRs (Windows does not);
    // the decoder drops it, so put it back to compare bytes.
    ExecQueryRequest as_impacket = request;
    as_impacket.query_language->push_back(u'\0');
    as_impacket.query->push_back(u'\0');
    Arbitrary arbitrary{{32, 56}, {}};
    size_t query_end = 72 + 2 * as_impacket.query->size();
    for (size_t at = query_end; at % 4 != 0; ++at) arbitrary.filler.push_back(at);
    ExpectSameStub(call.request, Encode(as_impacket), arbitrary);
  }
  EXPECT_EQ(seen, queries);
}

TEST_F(CapturedStubs, ExecQueryResponse) {
  for (const auto& call : Calls("IWbemServices", services_op::kExecQuery)) {
    SCOPED_TRACE("line " + std::to_string(call.line));
    ExecQueryResponse response;
    ASSERT_TRUE(Decode(call.response, &response).ok());
    EXPECT_EQ(response.hresult, kWbemSNoError);
    ASSERT_TRUE(response.enumerator.has_value());
    EXPECT_EQ(LittleEndian32(response.enumerator->data), kObjrefSignature);
    EXPECT_EQ(ToHex(Encode(response)), ToHex(call.response));
  }
}

TEST_F(CapturedStubs, GetObjectRequestIgnoresImpacketsTrailingBytes) {
  for (const auto& call : Calls("IWbemServices", services_op::kGetObject)) {
    SCOPED_TRACE("line " + std::to_string(call.line));
    GetObjectRequest request;
    ASSERT_TRUE(Decode(call.request, &request).ok());
    EXPECT_EQ(request.object_path, u"Win32_Service");
    EXPECT_EQ(request.flags, 0);
    EXPECT_FALSE(request.context.has_value());
    // Per the IDL: ppObject points to a NULL interface pointer, ppCallResult
    // is NULL, and 12 bytes remain that the server ignores.
    EXPECT_EQ(request.object, InOutInterfacePtr::Requested());
    EXPECT_EQ(request.call_result, InOutInterfacePtr::NotRequested());
    // 32: the path's referent; 74-75: filler; 84: ppObject's referent.
    ExpectSameStub(call.request, Encode(request), Arbitrary{{32, 84}, {74, 75}, 12});
  }
}

TEST_F(CapturedStubs, GetObjectResponse) {
  for (const auto& call : Calls("IWbemServices", services_op::kGetObject)) {
    SCOPED_TRACE("line " + std::to_string(call.line));
    GetObjectResponse response;
    ASSERT_TRUE(Decode(call.response, &response).ok());
    EXPECT_EQ(response.hresult, kWbemSNoError);
    EXPECT_TRUE(response.object.requested);
    ASSERT_TRUE(response.object.value.has_value());
    EXPECT_EQ(response.object.value->data.size(), 0x1FFu);
    EXPECT_EQ(LittleEndian32(response.object.value->data), kObjrefSignature);
    EXPECT_FALSE(response.call_result.requested);
    EXPECT_EQ(ToHex(Encode(response)), ToHex(call.response));
  }
}

TEST_F(CapturedStubs, NextRequest) {
  for (const auto& call : Calls("IEnumWbemClassObject", enum_op::kNext)) {
    SCOPED_TRACE("line " + std::to_string(call.line));
    NextRequest request;
    ASSERT_TRUE(Decode(call.request, &request).ok());
    EXPECT_EQ(request.timeout, kWbemInfinite);
    EXPECT_EQ(request.count, 1u);
    ExpectSameStub(call.request, Encode(request), Arbitrary{});
  }
}

TEST_F(CapturedStubs, NextResponseOneObjectThenFalseAtTheEnd) {
  int with_object = 0, at_end = 0;
  for (const auto& call : Calls("IEnumWbemClassObject", enum_op::kNext)) {
    SCOPED_TRACE("line " + std::to_string(call.line));
    NextResponse response;
    ASSERT_TRUE(Decode(call.response, &response).ok()) << Decode(call.response, &response).ToString();
    EXPECT_EQ(response.max_count, 1u);
    if (response.objects.empty()) {
      EXPECT_EQ(response.hresult, kWbemSFalse);
      ++at_end;
    } else {
      ASSERT_EQ(response.objects.size(), 1u);
      EXPECT_EQ(response.hresult, kWbemSNoError);
      EXPECT_EQ(LittleEndian32(response.objects[0].data), kObjrefSignature);
      ++with_object;
    }
    EXPECT_EQ(ToHex(Encode(response)), ToHex(call.response));
  }
  EXPECT_EQ(with_object, 8);  // 3 + 2 + 3 rows in the three queries
  EXPECT_EQ(at_end, 3);       // one WBEM_S_FALSE per query
}

TEST_F(CapturedStubs, LargeNextResponseKeepsTheWholeObject) {
  for (const auto& call : Calls("IEnumWbemClassObject", enum_op::kNext)) {
    if (call.response.size() < 15000) continue;
    NextResponse response;
    ASSERT_TRUE(Decode(call.response, &response).ok());
    ASSERT_EQ(response.objects.size(), 1u);
    // 8 ORPCTHAT + 12 array counts + 4 referent + 8 MInterfacePointer
    // header + data + filler + 4 puReturned + 4 HRESULT.
    EXPECT_EQ(response.objects[0].data.size(), 0x3BB9u);
  }
}

}  // namespace
}  // namespace cimulate::wmi
