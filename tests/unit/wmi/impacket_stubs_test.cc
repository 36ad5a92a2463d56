// Decodes the request stubs impacket 0.10 builds for the calls the captures
// lack (impacket_stubs.txt, printed by gen_impacket_stubs.py), checks the
// fields and re-encodes them. Only referent IDs, alignment filler and the
// bytes impacket adds after the last IDL parameter are normalised (see
// wmi_test_util.h).

#include <gtest/gtest.h>

#include <map>
#include <string>

#include "wmi/enum_stubs.h"
#include "wmi/level1_login_stubs.h"
#include "wmi/services_stubs.h"
#include "wmi_test_util.h"

namespace cimulate::wmi {
namespace {

using testing::Arbitrary;
using testing::ExpectSameStub;

// The opaque OBJREF bytes gen_impacket_stubs.py passes as an object.
std::vector<uint8_t> TestObject() {
  std::vector<uint8_t> bytes = {'M', 'E', 'O', 'W'};
  for (uint8_t i = 0; i < 20; ++i) bytes.push_back(i);
  return bytes;
}

class ImpacketStubs : public ::testing::Test {
 protected:
  void SetUp() override { stubs_ = testing::LoadImpacketStubs(); }

  const std::vector<uint8_t>& Stub(const std::string& name) {
    static const std::vector<uint8_t> kEmpty;
    auto at = stubs_.find(name);
    if (at == stubs_.end()) {
      ADD_FAILURE() << "impacket_stubs.txt has no " << name;
      return kEmpty;
    }
    return at->second;
  }

  // impacket's fixed causality ID, 'C' x 16, survives decoding.
  static void ExpectImpacketOrpcThis(const OrpcThis& orpc) {
    EXPECT_EQ(orpc.version, dcom::ComVersion{});
    EXPECT_EQ(orpc.cid.data1, 0x43434343u);
    EXPECT_TRUE(orpc.extensions.empty());
  }

  std::map<std::string, std::vector<uint8_t>> stubs_;
};

TEST_F(ImpacketStubs, EstablishPosition) {
  EstablishPositionRequest request;
  ASSERT_TRUE(Decode(Stub("EstablishPosition"), &request).ok());
  ExpectImpacketOrpcThis(request.orpc);
  EXPECT_FALSE(request.reserved1.has_value());
  EXPECT_EQ(request.reserved2, 0u);
  ExpectSameStub(Stub("EstablishPosition"), Encode(request), Arbitrary{});
}

TEST_F(ImpacketStubs, OpenNamespace) {
  OpenNamespaceRequest request;
  ASSERT_TRUE(Decode(Stub("OpenNamespace"), &request).ok());
  ExpectImpacketOrpcThis(request.orpc);
  EXPECT_EQ(request.name, u"subspace");
  EXPECT_EQ(request.flags, 0);
  EXPECT_FALSE(request.context.has_value());
  EXPECT_EQ(request.working_namespace, InOutInterfacePtr::Requested());
  EXPECT_EQ(request.call_result, InOutInterfacePtr::NotRequested());
  // Like GetObject: impacket follows each [in, out, unique] pointer with an
  // empty MInterfacePointer, which per the IDL leaves 12 bytes over.
  ExpectSameStub(Stub("OpenNamespace"), Encode(request), Arbitrary{{32, 72}, {}, 12});
}

TEST_F(ImpacketStubs, CreateInstanceEnum) {
  CreateInstanceEnumRequest request;
  ASSERT_TRUE(Decode(Stub("CreateInstanceEnum"), &request).ok());
  ExpectImpacketOrpcThis(request.orpc);
  EXPECT_EQ(request.class_name, u"Win32_Service");
  EXPECT_EQ(request.flags, kWbemFlagReturnImmediately | kWbemFlagForwardOnly);
  EXPECT_FALSE(request.context.has_value());
  request.class_name->push_back(u'\0');  // impacket counts the NUL
  ExpectSameStub(Stub("CreateInstanceEnum"), Encode(request), Arbitrary{{32}});
}

TEST_F(ImpacketStubs, DeleteInstance) {
  DeleteInstanceRequest request;
  ASSERT_TRUE(Decode(Stub("DeleteInstance"), &request).ok());
  ExpectImpacketOrpcThis(request.orpc);
  EXPECT_EQ(request.object_path, u"Fake_Thing.Name=\"a\"");
  EXPECT_EQ(request.flags, 0);
  EXPECT_EQ(request.call_result, InOutInterfacePtr::Requested());
  request.object_path->push_back(u'\0');
  ExpectSameStub(Stub("DeleteInstance"), Encode(request), Arbitrary{{32, 96}, {}, 4});
}

TEST_F(ImpacketStubs, PutInstance) {
  PutInstanceRequest request;
  ASSERT_TRUE(Decode(Stub("PutInstance"), &request).ok());
  ExpectImpacketOrpcThis(request.orpc);
  ASSERT_TRUE(request.instance.has_value());
  EXPECT_EQ(request.instance->data, TestObject());
  EXPECT_EQ(request.flags, kWbemFlagCreateOnly);
  EXPECT_FALSE(request.context.has_value());
  EXPECT_EQ(request.call_result, InOutInterfacePtr::Requested());
  ExpectSameStub(Stub("PutInstance"), Encode(request), Arbitrary{{32, 76}, {}, 4});
}

TEST_F(ImpacketStubs, ExecMethod) {
  ExecMethodRequest request;
  ASSERT_TRUE(Decode(Stub("ExecMethod"), &request).ok());
  ExpectImpacketOrpcThis(request.orpc);
  EXPECT_EQ(request.object_path, u"Win32_Process");
  EXPECT_EQ(request.method_name, u"Create");
  EXPECT_EQ(request.flags, 0);
  EXPECT_FALSE(request.context.has_value());
  ASSERT_TRUE(request.in_params.has_value());
  EXPECT_EQ(request.in_params->data, TestObject());
  EXPECT_EQ(request.out_params, InOutInterfacePtr::Requested());
  EXPECT_EQ(request.call_result, InOutInterfacePtr::NotRequested());
  request.object_path->push_back(u'\0');
  request.method_name->push_back(u'\0');
  // Referents of the two BSTRs, pInParams and ppOutParams; 106-107 filler.
  ExpectSameStub(Stub("ExecMethod"), Encode(request), Arbitrary{{32, 76, 116, 152}, {106, 107}});
}

TEST_F(ImpacketStubs, ResetCloneSkip) {
  ResetRequest reset;
  ASSERT_TRUE(Decode(Stub("Reset"), &reset).ok());
  ExpectImpacketOrpcThis(reset.orpc);
  ExpectSameStub(Stub("Reset"), Encode(reset), Arbitrary{});

  CloneRequest clone;
  ASSERT_TRUE(Decode(Stub("Clone"), &clone).ok());
  ExpectSameStub(Stub("Clone"), Encode(clone), Arbitrary{});

  SkipRequest skip;
  ASSERT_TRUE(Decode(Stub("Skip"), &skip).ok());
  EXPECT_EQ(skip.timeout, 5000);
  EXPECT_EQ(skip.count, 7u);
  ExpectSameStub(Stub("Skip"), Encode(skip), Arbitrary{});
}

}  // namespace
}  // namespace cimulate::wmi
