// Enumerate / Pull / Release: paging, modes, filters, context life cycle and
// the client's MaxEnvelopeSize.
#include "engine_test_util.h"

namespace cimulate::fake {
namespace {

using namespace testing;
using wsman::MessageKind;

class EnumerationTest : public ::testing::Test {
 protected:
  wsman::Message Enumerate(wsman::EnumerateBody body, const std::string& uri = kServiceUri) {
    wsman::Message req = NewRequest(MessageKind::kEnumerate, uri);
    req.body = std::move(body);
    return Decode(Send(engine_, req));
  }

  EngineReply PullReply(const std::string& context, std::optional<uint32_t> max = std::nullopt,
                        std::optional<uint32_t> envelope = 512000) {
    wsman::Message req = NewRequest(MessageKind::kPull);
    req.headers.max_envelope_size = envelope;
    req.body = wsman::PullBody{context, max, std::nullopt};
    return Send(engine_, req);
  }

  wsman::PullResponseBody Pull(const std::string& context, std::optional<uint32_t> max = std::nullopt) {
    wsman::Message m = Decode(PullReply(context, max));
    EXPECT_EQ(m.kind, MessageKind::kPullResponse);
    auto* b = std::get_if<wsman::PullResponseBody>(&m.body);
    return b ? std::move(*b) : wsman::PullResponseBody{};
  }

  // Every Name a full enumeration delivers, pulling `max` at a time.
  std::vector<std::string> Drain(wsman::EnumerateBody body, uint32_t max, const std::string& uri = kServiceUri) {
    std::vector<std::string> names;
    wsman::Message m = Enumerate(std::move(body), uri);
    auto* e = std::get_if<wsman::EnumerateResponseBody>(&m.body);
    if (e == nullptr) {
      ADD_FAILURE() << "no EnumerateResponse";
      return names;
    }
    for (const auto& item : e->items) names.push_back(StringProp(item.instance.get(), "Name"));
    std::optional<std::string> context = e->end_of_sequence ? std::nullopt : std::optional(e->context);
    for (int guard = 0; context && guard < 100; ++guard) {
      wsman::PullResponseBody p = Pull(*context, max);
      for (const auto& item : p.items) names.push_back(StringProp(item.instance.get(), "Name"));
      EXPECT_EQ(p.end_of_sequence, !p.context.has_value());
      context = p.context;
    }
    return names;
  }

  Engine engine_{LoadScenario(kBaseEndpoint)};
};

wsman::EnumerateBody Wql(const std::string& query) {
  wsman::EnumerateBody b;
  b.filter = wsman::Filter{wsman::dialect::kWql, query, {}, std::nullopt};
  return b;
}

const std::vector<std::string> kAll = {"WinRM", "Spooler", "W32Time"};

TEST_F(EnumerationTest, UnoptimizedReturnsAContextThenPullsOneByDefault) {
  wsman::Message m = Enumerate({});
  const auto& e = std::get<wsman::EnumerateResponseBody>(m.body);
  EXPECT_TRUE(e.items.empty());
  EXPECT_FALSE(e.end_of_sequence);
  ASSERT_TRUE(e.context.starts_with("uuid:"));
  wsman::PullResponseBody p1 = Pull(e.context);
  ASSERT_EQ(p1.items.size(), 1u);
  EXPECT_EQ(p1.context, e.context);
  EXPECT_FALSE(p1.end_of_sequence);
  wsman::PullResponseBody p2 = Pull(e.context, 5);
  EXPECT_EQ(p2.items.size(), 2u);
  EXPECT_TRUE(p2.end_of_sequence);
  EXPECT_FALSE(p2.context.has_value());  // the last PullResponse carries no context
  // The context is gone once the sequence ended.
  wsman::Fault f = FaultOf(PullReply(e.context));
  EXPECT_EQ(Subcode(f), "InvalidEnumerationContext");
  EXPECT_EQ(f.code.local, "Receiver");
  EXPECT_EQ(wsman::MapFaultToResult(f).result, MI_RESULT_INVALID_ENUMERATION_CONTEXT);
}

TEST_F(EnumerationTest, DeliversEveryInstanceInDataOrder) {
  EXPECT_EQ(Drain({}, 1), kAll);
  EXPECT_EQ(Drain({}, 2), kAll);
  wsman::EnumerateBody optimized;
  optimized.optimize = true;
  optimized.max_elements = 2;
  EXPECT_EQ(Drain(optimized, 1), kAll);
  optimized.max_elements = 10;
  wsman::Message m = Enumerate(optimized);
  const auto& e = std::get<wsman::EnumerateResponseBody>(m.body);
  EXPECT_EQ(e.items.size(), 3u);
  EXPECT_TRUE(e.end_of_sequence);
  EXPECT_TRUE(e.context.empty());
  // Subclass instances come with an enumeration of the base class.
  EXPECT_EQ(Drain({}, 5, wsman::WmiResourceUri("root/cimv2", "CIM_Service")), kAll);
}

TEST_F(EnumerationTest, EprAndObjectAndEprModes) {
  wsman::EnumerateBody b;
  b.optimize = true;
  b.max_elements = 1;
  b.mode = wsman::EnumerationMode::kEprs;
  wsman::Message m = Enumerate(b);
  const auto& e = std::get<wsman::EnumerateResponseBody>(m.body);
  ASSERT_EQ(e.items.size(), 1u);
  EXPECT_FALSE(e.items[0].instance);
  ASSERT_TRUE(e.items[0].epr.has_value());
  EXPECT_EQ(e.items[0].epr->resource_uri, kServiceUri);
  ASSERT_EQ(e.items[0].epr->selectors.size(), 1u);
  EXPECT_EQ(e.items[0].epr->selectors[0].value, "WinRM");

  b.mode = wsman::EnumerationMode::kObjectsAndEprs;
  b.max_elements = 3;
  m = Enumerate(b);
  const auto& both = std::get<wsman::EnumerateResponseBody>(m.body);
  ASSERT_EQ(both.items.size(), 3u);
  EXPECT_EQ(StringProp(both.items[2].instance.get(), "Name"), "W32Time");
  ASSERT_TRUE(both.items[2].epr.has_value());
  EXPECT_EQ(both.items[2].epr->selectors[0].value, "W32Time");

  // The DMTF form puts __cimnamespace in each EPR.
  wsman::Message req = NewRequest(MessageKind::kEnumerate, wsman::DmtfResourceUri("Win32_Service"),
                                  {{"__cimnamespace", "root/cimv2", nullptr}});
  b.mode = wsman::EnumerationMode::kEprs;
  b.max_elements = 1;
  req.body = b;
  m = Decode(Send(engine_, req));
  const auto& dmtf = std::get<wsman::EnumerateResponseBody>(m.body);
  ASSERT_EQ(dmtf.items.size(), 1u);
  EXPECT_NE(wsman::FindSelector(dmtf.items[0].epr->selectors, "__cimnamespace"), nullptr);
}

TEST_F(EnumerationTest, WqlFilterAndProjection) {
  std::string all = wsman::QueryResourceUri("root/cimv2");
  EXPECT_EQ(Drain(Wql("SELECT * FROM Win32_Service WHERE State = 'Running'"), 5, all),
            (std::vector<std::string>{"WinRM", "W32Time"}));
  EXPECT_EQ(Drain(Wql("SELECT * FROM Win32_Service WHERE Started = FALSE"), 5, all),
            (std::vector<std::string>{"Spooler"}));
  EXPECT_EQ(Drain(Wql("select * from win32_service where ProcessId > 80 and ProcessId < 1000"), 5, all),
            (std::vector<std::string>{"W32Time"}));
  EXPECT_TRUE(Drain(Wql("SELECT * FROM Win32_Service WHERE State = 'Paused'"), 5, all).empty());
  EXPECT_EQ(Drain(Wql("SELECT * FROM CIM_Service"), 5, all), kAll);

  wsman::EnumerateBody projected = Wql("SELECT State FROM Win32_Service WHERE Name = 'WinRM'");
  projected.optimize = true;
  wsman::Message m = Enumerate(projected, all);
  const auto& e = std::get<wsman::EnumerateResponseBody>(m.body);
  ASSERT_EQ(e.items.size(), 1u);
  EXPECT_EQ(StringProp(e.items[0].instance.get(), "State"), "Running");
  EXPECT_EQ(StringProp(e.items[0].instance.get(), "Name"), "WinRM");  // keys stay
  EXPECT_EQ(StringProp(e.items[0].instance.get(), "ProcessId"), "<missing>");
}

TEST_F(EnumerationTest, BadFiltersFault) {
  std::string all = wsman::QueryResourceUri("root/cimv2");
  wsman::EnumerateBody bad = Wql("SELECT * FROM Win32_Service WHERE");
  wsman::Message req = NewRequest(MessageKind::kEnumerate, all);
  req.body = bad;
  wsman::Fault f = FaultOf(Send(engine_, req));
  EXPECT_EQ(Subcode(f), "CannotProcessFilter");
  EXPECT_EQ(wsman::MapFaultToResult(f).result, MI_RESULT_INVALID_QUERY);

  req.body = Wql("SELECT * FROM Win32_Service WHERE Colour = 'red'");
  EXPECT_EQ(Subcode(FaultOf(Send(engine_, req))), "CannotProcessFilter");
  req.body = Wql("SELECT * FROM Win32_Nope");
  EXPECT_EQ(wsman::MapFaultToResult(FaultOf(Send(engine_, req))).result, MI_RESULT_INVALID_CLASS);

  wsman::EnumerateBody cql;
  cql.filter = wsman::Filter{wsman::dialect::kCql, "SELECT * FROM X", {}, std::nullopt};
  req.body = cql;
  f = FaultOf(Send(engine_, req));
  EXPECT_EQ(Subcode(f), "FilterDialectRequestedUnavailable");
  EXPECT_EQ(wsman::MapFaultToResult(f).result, MI_RESULT_QUERY_LANGUAGE_NOT_SUPPORTED);
}

TEST_F(EnumerationTest, SelectorFilter) {
  wsman::EnumerateBody b;
  b.filter = wsman::Filter{wsman::dialect::kSelector, "", {{"Name", "spooler", nullptr}}, std::nullopt};
  EXPECT_EQ(Drain(b, 5), (std::vector<std::string>{"Spooler"}));
}

TEST_F(EnumerationTest, ReleaseEndsTheContext) {
  wsman::Message m = Enumerate({});
  std::string context = std::get<wsman::EnumerateResponseBody>(m.body).context;
  wsman::Message release = NewRequest(MessageKind::kRelease);
  release.body = wsman::ReleaseBody{context};
  EXPECT_EQ(Decode(Send(engine_, release)).kind, MessageKind::kReleaseResponse);
  EXPECT_EQ(Subcode(FaultOf(Send(engine_, release))), "InvalidEnumerationContext");
  EXPECT_EQ(Subcode(FaultOf(PullReply(context))), "InvalidEnumerationContext");
  EXPECT_EQ(Subcode(FaultOf(PullReply("uuid:never-issued"))), "InvalidEnumerationContext");
}

TEST_F(EnumerationTest, BatchesShrinkToFitMaxEnvelopeSizeAndOneTooBigItemFaults) {
  wsman::Message m = Enumerate({});
  std::string context = std::get<wsman::EnumerateResponseBody>(m.body).context;
  // Room for the envelope and about one instance, not three.
  EngineReply reply = PullReply(context, 3, 1700);
  wsman::Message pulled = Decode(reply);
  ASSERT_EQ(pulled.kind, MessageKind::kPullResponse) << reply.body;
  const auto& first = std::get<wsman::PullResponseBody>(pulled.body);
  EXPECT_GE(first.items.size(), 1u);
  EXPECT_LT(first.items.size(), 3u);
  EXPECT_LE(reply.body.size(), 1700u);
  EXPECT_TRUE(first.context.has_value());

  wsman::Fault f = FaultOf(PullReply(context, 3, 500));
  EXPECT_EQ(Subcode(f), "EncodingLimit");
  EXPECT_EQ(f.fault_detail, std::string(wsman::uri::kFaultDetailPrefix) + "MaxEnvelopeSizeExceeded");
}

TEST_F(EnumerationTest, BoundedNumberOfOpenContexts) {
  EngineOptions options;
  options.max_enumerations = 2;
  Engine engine(LoadScenario(kBaseEndpoint), options);
  std::vector<std::string> contexts;
  for (int i = 0; i < 3; ++i) {
    wsman::Message req = NewRequest(MessageKind::kEnumerate);
    req.body = wsman::EnumerateBody{};
    contexts.push_back(std::get<wsman::EnumerateResponseBody>(Decode(Send(engine, req)).body).context);
  }
  auto pull = [&](const std::string& c) {
    wsman::Message req = NewRequest(MessageKind::kPull);
    req.body = wsman::PullBody{c, 1, std::nullopt};
    return Decode(Send(engine, req)).kind;
  };
  EXPECT_EQ(pull(contexts[0]), MessageKind::kFault);  // the oldest was dropped
  EXPECT_EQ(pull(contexts[2]), MessageKind::kPullResponse);
}

}  // namespace
}  // namespace cimulate::fake
