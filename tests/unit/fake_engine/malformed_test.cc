// Bad input gets the fault Windows would send, never a crash: broken XML,
// SOAP 1.1, DTDs, oversize requests, a Body that does not fit the Action.
#include "engine_test_util.h"

namespace cimulate::fake {
namespace {

using namespace testing;

class MalformedTest : public ::testing::Test {
 protected:
  wsman::Fault Reject(const std::string& body) {
    EngineReply reply = engine_.Handle(Post(body));
    wsman::Fault f = FaultOf(reply);
    EXPECT_EQ(reply.note.action, "(undecodable)");
    return f;
  }
  Engine engine_{LoadScenario(kBaseEndpoint)};
};

TEST_F(MalformedTest, BrokenXmlIsSchemaValidationError) {
  for (const char* body : {"", "not xml", "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\">",
                           "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\"><s:Header/></s:Envelope>",
                           "<s:Envelope><s:Body/></s:Envelope>"}) {
    wsman::Fault f = Reject(body);
    EXPECT_EQ(Subcode(f), "SchemaValidationError") << body;
    EXPECT_EQ(f.code.local, "Sender");
    EXPECT_EQ(f.wsman_fault->code, 2150858817u);
  }
}

TEST_F(MalformedTest, Soap11IsVersionMismatch) {
  wsman::Fault f = Reject(
      R"(<e:Envelope xmlns:e="http://schemas.xmlsoap.org/soap/envelope/"><e:Header/><e:Body/></e:Envelope>)");
  EXPECT_EQ(f.code.local, "VersionMismatch");
  EXPECT_TRUE(f.subcode.empty());
}

TEST_F(MalformedTest, DoctypeAndEntitiesAreRefused) {
  wsman::Fault f = Reject(R"(<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]>)"
                          R"(<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope"><s:Body>&b;</s:Body></s:Envelope>)");
  EXPECT_EQ(Subcode(f), "SchemaValidationError");
}

TEST_F(MalformedTest, OversizeRequestsAreEncodingLimit) {
  EngineOptions options;
  options.max_request_bytes = 1000;
  Engine small(LoadScenario(kBaseEndpoint), options);
  std::string body = Encode(NewRequest(wsman::MessageKind::kGet, kServiceUri, {{"Name", std::string(2000, 'x'), nullptr}}));
  wsman::Fault f = FaultOf(small.Handle(Post(body)));
  EXPECT_EQ(Subcode(f), "EncodingLimit");
  EXPECT_EQ(f.fault_detail, std::string(wsman::uri::kFaultDetailPrefix) + "ServiceEnvelopeLimit");

  std::string deep = R"(<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope"><s:Body>)";
  for (int i = 0; i < 200; ++i) deep += "<x>";
  for (int i = 0; i < 200; ++i) deep += "</x>";
  EXPECT_EQ(Subcode(Reject(deep + "</s:Body></s:Envelope>")), "EncodingLimit");
}

TEST_F(MalformedTest, BodyThatDoesNotFitTheActionFaults) {
  wsman::Message pull = NewRequest(wsman::MessageKind::kOther);
  pull.headers.action = wsman::action::kPull;
  pull.raw_body = "<x:Nothing xmlns:x=\"urn:x\"/>";
  EXPECT_EQ(Subcode(Reject(Encode(pull))), "SchemaValidationError");
}

TEST_F(MalformedTest, ShellRequestsWithoutAShellOrCommand) {
  wsman::Message receive = NewRequest(wsman::MessageKind::kOther, kShellUri, {{"ShellId", "NOPE", nullptr}});
  receive.headers.action = "http://schemas.microsoft.com/wbem/wsman/1/windows/shell/Receive";
  EXPECT_EQ(Subcode(FaultOf(Send(engine_, receive))), "InvalidSelectors");
  wsman::Message command = NewRequest(wsman::MessageKind::kOther, kShellUri, {{"ShellId", "NOPE", nullptr}});
  command.headers.action = "http://schemas.microsoft.com/wbem/wsman/1/windows/shell/Command";
  EXPECT_EQ(Subcode(FaultOf(Send(engine_, command))), "InvalidSelectors");
}

TEST_F(MalformedTest, GarbageBytesNeverCrash) {
  std::string valid = Encode(NewRequest(wsman::MessageKind::kGet, kServiceUri, {{"Name", "WinRM", nullptr}}));
  // Every truncation of a valid request is answered (200 or a fault).
  for (size_t n = 0; n < valid.size(); n += 7) {
    EngineReply r = engine_.Handle(Post(valid.substr(0, n)));
    EXPECT_TRUE(r.http_status == 200 || r.http_status == 500) << n;
  }
}

}  // namespace
}  // namespace cimulate::fake
