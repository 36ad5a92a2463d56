// Bad input gets a clear error that names the call, never a crash: every
// truncation of valid stubs, corrupt Next arrays, trailing reply bytes and
// random mutations.

#include <gtest/gtest.h>

#include <functional>
#include <random>
#include <string>

#include "wmi/enum_stubs.h"
#include "wmi/level1_login_stubs.h"
#include "wmi/services_stubs.h"
#include "wmi_test_util.h"

namespace cimulate::wmi {
namespace {

using dcerpc::ErrorCode;
using testing::Hex;

MInterfacePointer Object(size_t size) {
  MInterfacePointer object;
  object.data.assign(size, 0x5A);
  return object;
}

// A decoder under test: decodes `stub` into a fresh value of its type.
using DecodeFn = std::function<Status(std::span<const uint8_t>)>;

template <typename T>
DecodeFn DecoderOf() {
  return [](std::span<const uint8_t> stub) {
    T value;
    return Decode(stub, &value);
  };
}

struct Sample {
  std::string name;
  std::vector<uint8_t> stub;
  DecodeFn decode;
};

template <typename T>
Sample SampleOf(std::string name, const T& value) {
  return {std::move(name), Encode(value), DecoderOf<T>()};
}

std::vector<Sample> Samples() {
  auto requested = InOutInterfacePtr::Requested();
  return {
      SampleOf("NTLMLogin request", NtlmLoginRequest{{}, u"//./root/cimv2", u"en", 0, Object(3)}),
      SampleOf("NTLMLogin response", NtlmLoginResponse{{}, Object(40), kWbemSNoError}),
      SampleOf("EstablishPosition request", EstablishPositionRequest{{}, u"x", 2}),
      SampleOf("OpenNamespace request",
               OpenNamespaceRequest{{}, u"sub", 0, std::nullopt, requested, requested}),
      SampleOf("GetObject request",
               GetObjectRequest{{}, u"Win32_Service", 0, std::nullopt, requested, requested}),
      SampleOf("GetObject response",
               GetObjectResponse{{}, InOutInterfacePtr::Requested(Object(30)), requested, 0}),
      SampleOf("PutInstance request", PutInstanceRequest{{}, Object(12), 0, std::nullopt, requested}),
      SampleOf("DeleteInstance request",
               DeleteInstanceRequest{{}, u"A.k=1", 0, std::nullopt, requested}),
      SampleOf("CreateInstanceEnum request", CreateInstanceEnumRequest{{}, u"A", 0, std::nullopt}),
      SampleOf("ExecQuery request", ExecQueryRequest{{}, u"WQL", u"SELECT * FROM A", 0, {}}),
      SampleOf("ExecQuery response", ExecQueryResponse{{}, Object(20), kWbemSNoError}),
      SampleOf("ExecMethod request",
               ExecMethodRequest{{}, u"P", u"M", 0, std::nullopt, Object(9), requested, requested}),
      SampleOf("ExecMethod response", ExecMethodResponse{{}, InOutInterfacePtr::Requested(Object(9)),
                                                         requested, kWbemSNoError}),
      SampleOf("Next request", NextRequest{{}, -1, 3}),
      SampleOf("Next response", NextResponse{{}, 3, {Object(5), Object(6)}, kWbemSFalse}),
      SampleOf("NextAsync request", NextAsyncRequest{{}, 1, Object(4)}),
      SampleOf("Clone response", CloneResponse{{}, Object(8), 0}),
      SampleOf("Skip request", SkipRequest{{}, 10, 2}),
  };
}

TEST(Malformed, EveryTruncationFailsWithTheCallsName) {
  for (const Sample& sample : Samples()) {
    ASSERT_TRUE(sample.decode(sample.stub).ok()) << sample.name;
    std::string call = sample.name.substr(0, sample.name.find(' '));
    for (size_t size = 0; size < sample.stub.size(); ++size) {
      Status status = sample.decode(std::span(sample.stub).first(size));
      ASSERT_FALSE(status.ok()) << sample.name << " cut to " << size << " bytes";
      EXPECT_NE(status.message().find(call), std::string::npos) << status.ToString();
    }
  }
}

TEST(Malformed, RandomMutationsNeverCrashAndWhatDecodesReencodes) {
  std::mt19937 random(1234);  // fixed seed: the same inputs on every run
  for (const Sample& sample : Samples()) {
    int failures = 0;
    for (int round = 0; round < 300; ++round) {
      std::vector<uint8_t> stub = sample.stub;
      int flips = 1 + static_cast<int>(random() % 4);
      for (int i = 0; i < flips; ++i) {
        stub[random() % stub.size()] = static_cast<uint8_t>(random());
      }
      if (!sample.decode(stub).ok()) ++failures;
    }
    // Counts, referents and lengths sit everywhere in these stubs, so many
    // mutations must be caught; none may crash or hang (sanitizers watch).
    EXPECT_GT(failures, 0) << sample.name;
  }
}

TEST(Malformed, ResponseWithTrailingBytes) {
  std::vector<uint8_t> stub = Encode(ExecQueryResponse{{}, std::nullopt, kWbemSNoError});
  stub.push_back(0);
  ExecQueryResponse response;
  Status status = Decode(stub, &response);
  EXPECT_EQ(status.code(), ErrorCode::kMalformed);
  EXPECT_EQ(status.message(), "ExecQuery response: 1 bytes after the HRESULT");
}

TEST(Malformed, RequestWithTrailingBytesIsAccepted) {
  std::vector<uint8_t> stub = Encode(NextRequest{{}, -1, 1});
  stub.insert(stub.end(), {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12});
  NextRequest request;
  ASSERT_TRUE(Decode(stub, &request).ok());
  EXPECT_EQ(request.count, 1u);
}

// ORPCTHAT {0, NULL} followed by the Next-specific tail.
std::vector<uint8_t> NextReply(std::string_view tail_hex) {
  return Hex(std::string("0000000000000000") + std::string(tail_hex));
}

Status DecodeNext(const std::vector<uint8_t>& stub, NextResponse* response) {
  return Decode(stub, response);
}

TEST(Malformed, NextReturnedCountMustMatchTheArray) {
  NextResponse response;
  // max 1, offset 0, actual 0, puReturned 1, S_OK.
  Status status = DecodeNext(NextReply("01000000" "00000000" "00000000" "01000000" "00000000"),
                             &response);
  EXPECT_EQ(status.code(), ErrorCode::kMalformed);
  EXPECT_NE(status.message().find("puReturned 1 but 0 objects"), std::string::npos)
      << status.ToString();
}

TEST(Malformed, NextArrayOffsetMustBeZero) {
  NextResponse response;
  Status status = DecodeNext(NextReply("02000000" "01000000" "00000000" "00000000" "01000000"),
                             &response);
  EXPECT_EQ(status.code(), ErrorCode::kMalformed);
  EXPECT_NE(status.message().find("offset 1"), std::string::npos) << status.ToString();
}

TEST(Malformed, NextNullElementIsRejected) {
  NextResponse response;
  // max 1, offset 0, actual 1, NULL referent, puReturned 1, S_OK.
  Status status = DecodeNext(
      NextReply("01000000" "00000000" "01000000" "00000000" "01000000" "00000000"), &response);
  EXPECT_EQ(status.code(), ErrorCode::kMalformed);
  EXPECT_NE(status.message().find("apObjects[0] is NULL"), std::string::npos)
      << status.ToString();
}

TEST(Malformed, NextHugeCountsFailBeforeAllocating) {
  NextResponse response;
  // max and actual 0x7fffffff with only a few bytes behind them.
  Status status = DecodeNext(NextReply("ffffff7f" "00000000" "ffffff7f" "00000000"), &response);
  EXPECT_FALSE(status.ok());
  EXPECT_NE(status.message().find("Next response"), std::string::npos) << status.ToString();
  // actual above max.
  status = DecodeNext(NextReply("01000000" "00000000" "02000000" "04000200" "08000200"),
                      &response);
  EXPECT_FALSE(status.ok());
}

TEST(Malformed, BstrLengthsThatDisagree) {
  // ExecQuery request whose first BSTR says cBytes 8 but clSize 3.
  std::vector<uint8_t> stub = Hex(
      "050007000000000000000000" "00000000000000000000000000000000" "00000000"
      "04000200" "03000000" "08000000" "03000000" "570051004c00" "0000"
      "00000000" "00000000" "00000000");
  ExecQueryRequest request;
  Status status = Decode(stub, &request);
  EXPECT_FALSE(status.ok());
  EXPECT_EQ(status.message().rfind("ExecQuery request: ", 0), 0u) << status.ToString();
}

TEST(Malformed, EmptyStub) {
  NtlmLoginRequest request;
  Status status = Decode(std::span<const uint8_t>(), &request);
  EXPECT_EQ(status.code(), ErrorCode::kTruncated);
  EXPECT_EQ(status.message().rfind("NTLMLogin request: ", 0), 0u) << status.ToString();
}

}  // namespace
}  // namespace cimulate::wmi
