// Hostile and broken input returns a Status naming what and where; it never
// crashes or throws.

#include <string>

#include <gtest/gtest.h>

#include "wsman/codec.h"

namespace cimulate::wsman {
namespace {

constexpr char kEnvelopeOpen[] =
    R"(<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope" xmlns:a="http://schemas.xmlsoap.org/ws/2004/08/addressing">)";

Status Decode(const std::string& xml, const DecodeOptions& options = {}) {
  Message m;
  return DecodeMessage(xml, &m, options);
}

TEST(Malformed, NotXml) {
  Status s = Decode("this is not xml");
  EXPECT_EQ(s.code(), ErrorCode::kNotXml);
  EXPECT_EQ(Decode("").code(), ErrorCode::kNotXml);
  s = Decode(std::string(kEnvelopeOpen) + "<s:Body></s:Envelope>");
  EXPECT_EQ(s.code(), ErrorCode::kNotXml);
  EXPECT_NE(s.message().find("offset"), std::string::npos) << s.message();
}

TEST(Malformed, Soap11EnvelopeIsAVersionMismatch) {
  Status s = Decode(
      R"(<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body/></soap:Envelope>)");
  EXPECT_EQ(s.code(), ErrorCode::kVersionMismatch);
  EXPECT_NE(s.message().find("http://schemas.xmlsoap.org/soap/envelope/"), std::string::npos);
  EXPECT_EQ(Decode("<Envelope><Body/></Envelope>").code(), ErrorCode::kVersionMismatch);
  EXPECT_EQ(Decode("<html/>").code(), ErrorCode::kVersionMismatch);
}

TEST(Malformed, DoctypeAndEntitiesRejected) {
  const std::string billion_laughs =
      R"(<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>)"
      R"(<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope"><s:Body>&lol2;</s:Body></s:Envelope>)";
  Status s = Decode(billion_laughs);
  EXPECT_EQ(s.code(), ErrorCode::kForbidden);
  EXPECT_NE(s.message().find("DOCTYPE"), std::string::npos);
  const std::string external =
      R"(<!DOCTYPE x SYSTEM "file:///etc/passwd"><s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope"><s:Body/></s:Envelope>)";
  EXPECT_EQ(Decode(external).code(), ErrorCode::kForbidden);
  // An undeclared entity reference is never expanded: it stays literal text.
  Message m;
  ASSERT_TRUE(DecodeMessage(std::string(kEnvelopeOpen) + "<s:Header><a:To>&xxe;</a:To></s:Header><s:Body/></s:Envelope>",
                            &m)
                  .ok());
  EXPECT_EQ(m.headers.to, "&xxe;");
}

TEST(Malformed, OversizeRejectedBeforeParsing) {
  DecodeOptions options;
  options.limits.max_bytes = 1024;
  std::string big = std::string(kEnvelopeOpen) + "<s:Body>" + std::string(2000, ' ') + "</s:Body></s:Envelope>";
  Status s = Decode(big, options);
  EXPECT_EQ(s.code(), ErrorCode::kLimitExceeded);
  EXPECT_NE(s.message().find("1024"), std::string::npos);
  // The default is 512 KiB.
  std::string huge = std::string(kEnvelopeOpen) + "<s:Body>" + std::string(512 * 1024, ' ') + "</s:Body></s:Envelope>";
  EXPECT_EQ(Decode(huge).code(), ErrorCode::kLimitExceeded);
}

TEST(Malformed, DeepNestingRejected) {
  std::string xml = std::string(kEnvelopeOpen) + "<s:Body>";
  for (int i = 0; i < 100000; ++i) xml += "<d>";
  for (int i = 0; i < 100000; ++i) xml += "</d>";
  xml += "</s:Body></s:Envelope>";
  DecodeOptions options;
  options.limits.max_bytes = 4 * 1024 * 1024;
  Status s = Decode(xml, options);
  EXPECT_EQ(s.code(), ErrorCode::kLimitExceeded);
  EXPECT_NE(s.message().find("deeper than 64"), std::string::npos) << s.message();
}

TEST(Malformed, MissingBody) {
  Status s = Decode(std::string(kEnvelopeOpen) + "<s:Header/></s:Envelope>");
  EXPECT_EQ(s.code(), ErrorCode::kMalformed);
  EXPECT_NE(s.message().find("Body"), std::string::npos);
  // A Body in another namespace is not the SOAP Body.
  EXPECT_EQ(Decode(std::string(kEnvelopeOpen) + "<a:Body/></s:Envelope>").code(), ErrorCode::kMalformed);
}

TEST(Malformed, BadHeaderValuesSayWhere) {
  std::string xml = std::string(kEnvelopeOpen) +
                    R"(<s:Header><w:MaxEnvelopeSize xmlns:w="http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd">lots</w:MaxEnvelopeSize></s:Header><s:Body/></s:Envelope>)";
  Status s = Decode(xml);
  EXPECT_EQ(s.code(), ErrorCode::kMalformed);
  EXPECT_NE(s.message().find("Envelope/Header/MaxEnvelopeSize"), std::string::npos) << s.message();
  xml = std::string(kEnvelopeOpen) +
        R"(<s:Header><w:OperationTimeout xmlns:w="http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd">60s</w:OperationTimeout></s:Header><s:Body/></s:Envelope>)";
  EXPECT_EQ(Decode(xml).code(), ErrorCode::kMalformed);
}

TEST(Malformed, BadBodies) {
  const std::string pull_without_context =
      std::string(kEnvelopeOpen) +
      R"(<s:Header><a:Action>http://schemas.xmlsoap.org/ws/2004/09/enumeration/Pull</a:Action></s:Header>)"
      R"(<s:Body><n:Pull xmlns:n="http://schemas.xmlsoap.org/ws/2004/09/enumeration"/></s:Body></s:Envelope>)";
  EXPECT_EQ(Decode(pull_without_context).code(), ErrorCode::kMalformed);
  const std::string bad_mode =
      std::string(kEnvelopeOpen) +
      R"(<s:Header><a:Action>http://schemas.xmlsoap.org/ws/2004/09/enumeration/Enumerate</a:Action></s:Header>)"
      R"(<s:Body><n:Enumerate xmlns:n="http://schemas.xmlsoap.org/ws/2004/09/enumeration" xmlns:w="http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd">)"
      R"(<w:EnumerationMode>Everything</w:EnumerationMode></n:Enumerate></s:Body></s:Envelope>)";
  Status s = Decode(bad_mode);
  EXPECT_EQ(s.code(), ErrorCode::kMalformed);
  EXPECT_NE(s.message().find("Everything"), std::string::npos);
  const std::string bad_typed_value =
      std::string(kEnvelopeOpen) +
      R"(<s:Header><a:Action>http://schemas.xmlsoap.org/ws/2004/09/transfer/GetResponse</a:Action></s:Header>)"
      R"(<s:Body><p:C xmlns:p="urn:c" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:cim="http://schemas.dmtf.org/wbem/wscim/1/common">)"
      R"(<p:N xsi:type="cim:cimUnsignedByte">300</p:N></p:C></s:Body></s:Envelope>)";
  s = Decode(bad_typed_value);
  EXPECT_EQ(s.code(), ErrorCode::kMalformed);
  EXPECT_NE(s.message().find("uint8"), std::string::npos) << s.message();
  EXPECT_NE(s.message().find("C/N"), std::string::npos) << s.message();
  const std::string fault_action_without_fault =
      std::string(kEnvelopeOpen) +
      R"(<s:Header><a:Action>http://schemas.dmtf.org/wbem/wsman/1/wsman/fault</a:Action></s:Header><s:Body/></s:Envelope>)";
  EXPECT_EQ(Decode(fault_action_without_fault).code(), ErrorCode::kMalformed);
}

TEST(Malformed, FuzzEntryPointSurvivesTruncations) {
  const std::string good =
      std::string(kEnvelopeOpen) +
      R"(<s:Header><a:Action>http://schemas.xmlsoap.org/ws/2004/09/transfer/GetResponse</a:Action></s:Header>)"
      R"(<s:Body><p:C xmlns:p="urn:c"><p:A>1</p:A><p:A>2</p:A><p:E><q:X xmlns:q="urn:q">y</q:X></p:E></p:C></s:Body></s:Envelope>)";
  EXPECT_TRUE(FuzzDecode(reinterpret_cast<const uint8_t*>(good.data()), good.size()).ok());
  for (size_t n = 0; n < good.size(); n += 7) {
    (void)FuzzDecode(reinterpret_cast<const uint8_t*>(good.data()), n);
  }
  const uint8_t junk[] = {0xFF, 0xFE, 0x00, 0x3C, 0x00, 0x00, 0xEF, 0xBB, 0xBF};
  EXPECT_FALSE(FuzzDecode(junk, sizeof junk).ok());
  EXPECT_FALSE(FuzzDecode(nullptr, 0).ok());
}

}  // namespace
}  // namespace cimulate::wsman
