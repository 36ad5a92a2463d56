// Every stub survives Encode then Decode, including error replies (NULL out
// pointers and an HRESULT), and a few layouts are checked to the byte.

#include <gtest/gtest.h>

#include "wmi/enum_stubs.h"
#include "wmi/level1_login_stubs.h"
#include "wmi/services_stubs.h"
#include "wmi_test_util.h"

namespace cimulate::wmi {
namespace {

using testing::Hex;
using testing::ToHex;

MInterfacePointer Object(uint8_t tag, size_t size) {
  MInterfacePointer object;
  object.data.assign(size, tag);
  return object;
}

OrpcThis SomeOrpcThis() {
  OrpcThis orpc;
  orpc.cid = *dcerpc::Guid::Parse("0a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9");
  return orpc;
}

template <typename T>
void ExpectRoundTrip(const T& value) {
  std::vector<uint8_t> stub = Encode(value);
  T decoded;
  Status status = Decode(stub, &decoded);
  ASSERT_TRUE(status.ok()) << status.ToString() << "\n" << ToHex(stub);
  EXPECT_TRUE(decoded == value) << ToHex(stub);
}

TEST(RoundTrip, Level1Login) {
  ExpectRoundTrip(EstablishPositionRequest{SomeOrpcThis(), u"en-US", 1});
  ExpectRoundTrip(EstablishPositionResponse{{}, 42, kWbemSNoError});
  ExpectRoundTrip(NtlmLoginRequest{SomeOrpcThis(), u"//./root/cimv2", u"MS_409", 0, std::nullopt});
  ExpectRoundTrip(NtlmLoginRequest{SomeOrpcThis(), u"root", std::nullopt, 0x40, Object(7, 9)});
  ExpectRoundTrip(NtlmLoginResponse{{}, Object(1, 128), kWbemSNoError});
  ExpectRoundTrip(NtlmLoginResponse{{}, std::nullopt, kWbemEInvalidNamespace});
}

TEST(RoundTrip, Services) {
  auto requested = InOutInterfacePtr::Requested();
  auto with_object = InOutInterfacePtr::Requested(Object(3, 33));
  auto none = InOutInterfacePtr::NotRequested();

  ExpectRoundTrip(OpenNamespaceRequest{SomeOrpcThis(), u"sub", 0, std::nullopt, requested, none});
  ExpectRoundTrip(OpenNamespaceResponse{{}, with_object, none, kWbemSNoError});
  ExpectRoundTrip(GetObjectRequest{SomeOrpcThis(), u"Win32_Service", 0, std::nullopt, requested,
                                   requested});
  ExpectRoundTrip(GetObjectResponse{{}, with_object, requested, kWbemSNoError});
  ExpectRoundTrip(GetObjectResponse{{}, requested, none, kWbemENotFound});
  ExpectRoundTrip(PutInstanceRequest{SomeOrpcThis(), Object(2, 17), kWbemFlagUpdateOnly,
                                     std::nullopt, none});
  ExpectRoundTrip(PutInstanceResponse{{}, none, kWbemEAccessDenied});
  ExpectRoundTrip(DeleteInstanceRequest{SomeOrpcThis(), u"A.K=1", 0, std::nullopt, requested});
  ExpectRoundTrip(DeleteInstanceResponse{{}, with_object, kWbemSNoError});
  ExpectRoundTrip(CreateInstanceEnumRequest{SomeOrpcThis(), u"Win32_Service", 0x30, std::nullopt});
  ExpectRoundTrip(CreateInstanceEnumResponse{{}, Object(4, 100), kWbemSNoError});
  ExpectRoundTrip(ExecQueryRequest{SomeOrpcThis(), u"WQL", u"SELECT * FROM A", 0, Object(9, 5)});
  ExpectRoundTrip(ExecQueryRequest{SomeOrpcThis(), std::nullopt, u"", 0, std::nullopt});
  ExpectRoundTrip(ExecQueryResponse{{}, std::nullopt, kWbemEInvalidQuery});
  ExpectRoundTrip(ExecMethodRequest{SomeOrpcThis(), u"Win32_Process", u"Create", 0, std::nullopt,
                                    Object(5, 40), requested, none});
  ExpectRoundTrip(ExecMethodRequest{SomeOrpcThis(), u"A=@", u"M", 0, std::nullopt, std::nullopt,
                                    none, none});
  ExpectRoundTrip(ExecMethodResponse{{}, InOutInterfacePtr::Requested(Object(6, 51)), none,
                                     kWbemSNoError});
  ExpectRoundTrip(ExecMethodResponse{{}, requested, none, kWbemEInvalidMethod});
}

TEST(RoundTrip, Enumerator) {
  ExpectRoundTrip(ResetRequest{SomeOrpcThis()});
  ExpectRoundTrip(HResultResponse{{}, kWbemSNoError});
  ExpectRoundTrip(NextRequest{SomeOrpcThis(), 5000, 10});
  ExpectRoundTrip(NextResponse{{}, 5, {Object(1, 10), Object(2, 11), Object(3, 12)}, kWbemSFalse});
  ExpectRoundTrip(NextResponse{{}, 1, {}, kWbemSFalse});
  ExpectRoundTrip(NextResponse{{}, 0, {}, kWbemEFailed});
  ExpectRoundTrip(NextAsyncRequest{SomeOrpcThis(), 3, Object(8, 20)});
  ExpectRoundTrip(CloneRequest{SomeOrpcThis()});
  ExpectRoundTrip(CloneResponse{{}, Object(1, 64), kWbemSNoError});
  ExpectRoundTrip(CloneResponse{{}, std::nullopt, kWbemENotSupported});
  ExpectRoundTrip(SkipRequest{SomeOrpcThis(), -1, 4});
}

TEST(Layout, ErrorReplyIsNullPointersAndTheHResult) {
  // ORPCTHAT {flags 0, extensions NULL}, ppEnum NULL, HRESULT.
  EXPECT_EQ(ToHex(Encode(ExecQueryResponse{{}, std::nullopt, kWbemEInvalidClass})),
            "00000000" "00000000" "00000000" "10100480");
  // ppObject requested but NULL, ppCallResult not requested.
  EXPECT_EQ(ToHex(Encode(GetObjectResponse{{}, InOutInterfacePtr::Requested(),
                                           InOutInterfacePtr::NotRequested(),
                                           kWbemENotFound})),
            "00000000" "00000000" "04000200" "00000000" "00000000" "02100480");
}

TEST(Layout, NextArrayCarriesUCountAsMaxCountAndPointeesAfterTheReferents) {
  NextResponse response{{}, 4, {Object(0xAA, 2), Object(0xBB, 1)}, kWbemSFalse};
  EXPECT_EQ(ToHex(Encode(response)),
            "00000000" "00000000"                // ORPCTHAT
            "04000000" "00000000" "02000000"     // max_count = uCount, offset, actual
            "04000200" "08000200"                // referents of both elements
            "02000000" "02000000" "aaaa" "0000"  // first MInterfacePointer + filler
            "01000000" "01000000" "bb" "000000"  // second MInterfacePointer + filler
            "02000000"                           // puReturned
            "01000000");                         // WBEM_S_FALSE
}

TEST(Layout, NextMaxCountIsAtLeastTheObjectCount) {
  NextResponse response{{}, 0, {Object(1, 4)}, kWbemSNoError};
  NextResponse decoded;
  ASSERT_TRUE(Decode(Encode(response), &decoded).ok());
  EXPECT_EQ(decoded.max_count, 1u);
}

TEST(Layout, NtlmLoginRequestAsWindowsSendsIt) {
  // BSTRs and LPWSTRs carry their own lengths; the namespace's terminator
  // is part of the LPWSTR's counts.
  NtlmLoginRequest request{{}, u"ab", std::nullopt, 0, std::nullopt};
  EXPECT_EQ(ToHex(Encode(request)),
            "05000700" "00000000" "00000000" "00000000000000000000000000000000" "00000000"
            "04000200" "03000000" "00000000" "03000000" "610062000000" "0000"
            "00000000" "00000000" "00000000");
}

}  // namespace
}  // namespace cimulate::wmi
