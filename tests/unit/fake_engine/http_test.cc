// Routing, content type and authentication: what happens before a request
// reaches WS-Management.
#include "engine_test_util.h"

namespace cimulate::fake {
namespace {

using namespace testing;

const char kIdentify[] =
    R"(<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope" xmlns:wsmid="http://schemas.dmtf.org/wbem/wsman/identity/1/wsmanidentity.xsd"><s:Header/><s:Body><wsmid:Identify/></s:Body></s:Envelope>)";

class HttpTest : public ::testing::Test {
 protected:
  Engine engine_{LoadScenario(kBaseEndpoint)};
};

TEST_F(HttpTest, RoutesOnlyPostToWsmanCaseInsensitively) {
  for (const char* path : {"/wsman", "/WSMAN", "/wsman/", "/WsMan?x=1"}) {
    EngineRequest r = Post(kIdentify);
    r.path = path;
    EXPECT_EQ(engine_.Handle(r).http_status, 200) << path;
  }
  for (const char* path : {"/", "/wsman2", "/wsman/x", "/admin"}) {
    EngineRequest r = Post(kIdentify);
    r.path = path;
    EngineReply reply = engine_.Handle(r);
    EXPECT_EQ(reply.http_status, 404) << path;
    EXPECT_TRUE(reply.body.empty());
  }
  EngineRequest get = Post(kIdentify);
  get.method = "GET";
  EngineReply reply = engine_.Handle(get);
  EXPECT_EQ(reply.http_status, 405);
  ASSERT_NE(reply.headers.Find("allow"), nullptr);
  EXPECT_EQ(*reply.headers.Find("Allow"), "POST");
}

TEST_F(HttpTest, RefusesOtherContentTypes) {
  EngineRequest r = Post(kIdentify);
  r.headers.Set("Content-Type", "text/xml");
  EXPECT_EQ(engine_.Handle(r).http_status, 415);
  r.headers.Set("content-type", "Application/SOAP+XML; charset=utf-8");
  EXPECT_EQ(engine_.Handle(r).http_status, 200);
}

TEST_F(HttpTest, BasicAuthAgainstAccounts) {
  EXPECT_EQ(engine_.Handle(Post(kIdentify, "alice", "pw")).http_status, 200);
  EXPECT_EQ(engine_.Handle(Post(kIdentify, "ALICE", "pw")).http_status, 200);
  EXPECT_EQ(engine_.Handle(Post(kIdentify, "CONTOSO\\bob", "secret")).http_status, 200);
  EXPECT_EQ(engine_.Handle(Post(kIdentify, "bob@contoso", "secret")).http_status, 200);
  EngineReply reply = engine_.Handle(Post(kIdentify, "FABRIKAM\\bob", "secret"));
  EXPECT_EQ(reply.http_status, 401);
  reply = engine_.Handle(Post(kIdentify, "alice", "wrong"));
  EXPECT_EQ(reply.http_status, 401);
  ASSERT_NE(reply.headers.Find("WWW-Authenticate"), nullptr);
  EXPECT_EQ(*reply.headers.Find("WWW-Authenticate"), "Basic realm=\"WSMAN\"");
  EXPECT_NE(reply.note.outcome.find("wrong password"), std::string::npos) << reply.note.outcome;
  EXPECT_EQ(reply.note.outcome.find("pw"), std::string::npos);  // never the credentials
  EXPECT_EQ(engine_.Handle(Post(kIdentify, "")).http_status, 401);
  EngineRequest garbage = Post(kIdentify, "");
  garbage.headers.Add("Authorization", "Basic !!!");
  EXPECT_EQ(engine_.Handle(garbage).http_status, 401);
  EngineRequest negotiate = Post(kIdentify, "");
  negotiate.headers.Add("Authorization", "Negotiate TlRMTVNTUAABAAAA");
  EXPECT_EQ(engine_.Handle(negotiate).http_status, 401);
}

TEST_F(HttpTest, TransportIdentityIsTrusted) {
  EngineRequest r = Post(kIdentify, "");
  r.authenticated_user = "alice";
  EngineReply reply = engine_.Handle(r);
  EXPECT_EQ(reply.http_status, 200);
  EXPECT_EQ(reply.note.user, "alice");
}

TEST_F(HttpTest, WsmanIdentifyHeaderAllowsOnlyIdentifyAndHidesTheOsVersion) {
  EngineRequest r = Post(kIdentify, "");
  r.headers.Add("WSMANIDENTIFY", "unauthenticated");
  EngineReply reply = engine_.Handle(r);
  ASSERT_EQ(reply.http_status, 200) << reply.body;
  wsman::Message m = Decode(reply);
  ASSERT_EQ(m.kind, wsman::MessageKind::kIdentifyResponse);
  const auto& body = std::get<wsman::IdentifyResponseBody>(m.body);
  EXPECT_EQ(body.product_vendor, "Microsoft Corporation");
  EXPECT_EQ(body.product_version, "OS: 0.0.0 SP: 0.0 Stack: 3.0");
  EXPECT_EQ(body.protocol_version, wsman::ns::kWsman);

  // GLPI checks xmlns:wsmid on the IdentifyResponse element itself.
  EXPECT_NE(reply.body.find("<wsmid:IdentifyResponse xmlns:wsmid="), std::string::npos);

  wsman::Message authed = Decode(engine_.Handle(Post(kIdentify)));
  EXPECT_EQ(std::get<wsman::IdentifyResponseBody>(authed.body).product_version, "OS: 10.0.17763 SP: 0.0 Stack: 3.0");

  EngineRequest get = Post(Encode(NewRequest(wsman::MessageKind::kGet, kServiceUri, {{"Name", "WinRM", nullptr}})), "");
  get.headers.Add("WSMANIDENTIFY", "unauthenticated");
  EXPECT_EQ(engine_.Handle(get).http_status, 401);
  // With bad credentials the header does not help either.
  EngineRequest bad = Post(kIdentify, "alice", "wrong");
  bad.headers.Add("WSMANIDENTIFY", "unauthenticated");
  EXPECT_EQ(engine_.Handle(bad).http_status, 401);
}

TEST(HttpAuthSwitches, AllowUnencryptedAndBasicAndAnonymous) {
  Engine strict(LoadScenario(R"(
  auth:
    allow_unencrypted: false
    accounts: [{user: alice, password: pw}]
)"));
  EngineRequest r = Post(kIdentify);
  EngineReply reply = strict.Handle(r);
  EXPECT_EQ(reply.http_status, 401);
  EXPECT_NE(reply.note.outcome.find("allow_unencrypted"), std::string::npos);
  r.listener = "winrm_https";
  EXPECT_EQ(strict.Handle(r).http_status, 200);

  Engine no_basic(LoadScenario(R"(
  auth:
    basic: false
    accounts: [{user: alice, password: pw}]
)"));
  reply = no_basic.Handle(Post(kIdentify));
  EXPECT_EQ(reply.http_status, 401);
  EXPECT_EQ(*reply.headers.Find("WWW-Authenticate"), "Negotiate");

  Engine anonymous(LoadScenario(R"(
  auth:
    anonymous: true
    accounts: [{user: alice, password: pw}]
)"));
  EXPECT_EQ(anonymous.Handle(Post(kIdentify, "")).http_status, 200);
  EXPECT_EQ(anonymous.Handle(Post(kIdentify, "alice", "wrong")).http_status, 401);
}

}  // namespace
}  // namespace cimulate::fake
