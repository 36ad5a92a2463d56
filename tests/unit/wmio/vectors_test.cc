// Decodes the objects inside the real Next and GetObject responses of
// shared/vectors/wmidcom/stub_vectors.jsonl.  pObjectData is found through
// the fixed framing: MInterfacePointer {ulCntData, conformant max, OBJREF}
// with OBJREF = "MEOW", flags 4 (custom), IID, CLSID, cbExtension, size,
// then the EncodingUnit.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "../support/wmidcom_captures.h"
#include "wmio/codec.h"

namespace cimulate::wmio {
namespace {

using cimulate::testing::CapturedCall;

uint32_t U32(const std::vector<uint8_t>& b, size_t at) {
  return b[at] | b[at + 1] << 8 | b[at + 2] << 16 | static_cast<uint32_t>(b[at + 3]) << 24;
}

// The EncodingUnits of every OBJREF_CUSTOM in a response stub.
std::vector<std::vector<uint8_t>> ObjectData(const std::vector<uint8_t>& stub) {
  static const uint8_t kIidWbemClassObject[4] = {0x81, 0xa6, 0x12, 0xdc};  // DC12A681-...
  std::vector<std::vector<uint8_t>> units;
  for (size_t at = 8; at + 48 <= stub.size(); ++at) {
    if (U32(stub, at) != 0x574f454d || U32(stub, at + 4) != 4) continue;  // "MEOW", OBJREF_CUSTOM
    if (!std::equal(kIidWbemClassObject, kIidWbemClassObject + 4, stub.begin() + static_cast<long>(at) + 8)) continue;
    uint32_t objref_size = U32(stub, at - 4);  // conformant max of abData
    EXPECT_EQ(U32(stub, at - 8), objref_size);  // ulCntData
    size_t data = at + 48;
    EXPECT_LE(at + objref_size, stub.size());
    units.emplace_back(stub.begin() + static_cast<long>(data), stub.begin() + static_cast<long>(at + objref_size));
  }
  return units;
}

class WireVectors : public ::testing::Test {
 protected:
  void SetUp() override {
    responses_ = cimulate::testing::LoadCapturedCalls();
    if (responses_.empty()) GTEST_SKIP() << "no " << cimulate::testing::kWmidcomVectorDir;
  }
  std::vector<uint8_t> Unit(int line) {
    auto units = ObjectData(responses_.at(static_cast<size_t>(line - 1)).response);
    EXPECT_EQ(units.size(), 1u) << "line " << line;
    return units.empty() ? std::vector<uint8_t>{} : units[0];
  }
  std::vector<CapturedCall> responses_;
};

TEST_F(WireVectors, GetObjectWin32ServiceClass) {
  ASSERT_EQ(responses_.at(10).iface, "IWbemServices");
  Object object;
  Status status = DecodeEncodingUnit(Unit(11), &object);
  ASSERT_TRUE(status.ok()) << status.ToString();
  ASSERT_TRUE(object.is_class());
  EXPECT_EQ(object.cls->name, "Win32_Service");
  EXPECT_EQ(object.decoration, (Decoration{"FAKEWMI", "ROOT\\cimv2"}));
  const Property* name = object.cls->FindProperty("Name");
  ASSERT_NE(name, nullptr);
  EXPECT_EQ(name->type, CimType::kString);
  ASSERT_NE(FindQualifier(name->qualifiers, "key"), nullptr);
  // Re-encoding the decoded class decodes to the same model.
  std::vector<uint8_t> again;
  ASSERT_TRUE(EncodeEncodingUnit(object, &again).ok());
  Object reparsed;
  ASSERT_TRUE(DecodeEncodingUnit(again, &reparsed).ok());
  EXPECT_TRUE(reparsed == object);
}

TEST_F(WireVectors, EveryNextInstanceDecodes) {
  int instances = 0;
  for (const CapturedCall& r : responses_) {
    if (r.iface != "IEnumWbemClassObject" || r.opnum != 4) continue;
    for (const auto& unit : ObjectData(r.response)) {
      Object object;
      Status status = DecodeEncodingUnit(unit, &object);
      ASSERT_TRUE(status.ok()) << "line " << r.line << ": " << status.ToString();
      ASSERT_TRUE(object.is_instance());
      EXPECT_FALSE(object.instance->class_name().empty());
      ++instances;
    }
  }
  EXPECT_EQ(instances, 8);
}

TEST_F(WireVectors, ServiceInstanceValues) {
  Object object;
  ASSERT_TRUE(DecodeEncodingUnit(Unit(24), &object).ok());
  const Instance& i = *object.instance;
  EXPECT_EQ(i.class_name(), "Win32_Service");
  ASSERT_NE(i.Get("Name"), nullptr);
  EXPECT_FALSE(i.Get("Name")->as_string().empty());
  ASSERT_NE(i.Get("State"), nullptr);
  EXPECT_EQ(i.Get("State")->type(), CimType::kString);
}

TEST_F(WireVectors, BigInstanceHas151Properties) {
  Object object;
  Status status = DecodeEncodingUnit(Unit(14), &object);
  ASSERT_TRUE(status.ok()) << status.ToString();
  EXPECT_EQ(object.instance->class_name(), "Fake_Big");
  EXPECT_EQ(object.cls->properties.size(), 151u);
}

}  // namespace
}  // namespace cimulate::wmio
