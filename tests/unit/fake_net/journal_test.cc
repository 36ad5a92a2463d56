#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

#include "journal/journal.h"
#include "journal/json_writer.h"
#include "journal/redact.h"

namespace cimulate::fake {
namespace {

ConnectionEvent Accept(const std::string& listener, std::uint64_t id) {
  ConnectionEvent e;
  e.kind = ConnectionEventKind::kAccept;
  e.listener = listener;
  e.peer = "127.0.0.1:5000";
  e.connection_id = id;
  return e;
}

TEST(JournalTest, CountsAcceptsPerListenerAndKeepsRequestOrder) {
  Journal j;
  j.Record(Accept("winrm_http", j.NewConnectionId()));
  j.Record(Accept("winrm_http", j.NewConnectionId()));
  j.Record(Accept("winrm_https", j.NewConnectionId()));
  EXPECT_EQ(j.ConnectionsAccepted("winrm_http"), 2u);
  EXPECT_EQ(j.ConnectionsAccepted("winrm_https"), 1u);
  EXPECT_EQ(j.ConnectionsAccepted("admin"), 0u);
  for (int i = 1; i <= 3; ++i) {
    RequestRecord r;
    r.connection_id = 1;
    r.sequence = static_cast<std::uint64_t>(i);
    r.note.action = "Get" + std::to_string(i);
    j.Record(r);
  }
  const auto requests = j.RequestsOn(1);
  ASSERT_EQ(requests.size(), 3u);
  EXPECT_EQ(requests[0].note.action, "Get1");
  EXPECT_EQ(requests[2].sequence, 3u);
  EXPECT_TRUE(j.RequestsOn(2).empty());
}

TEST(JournalTest, TimeIsMonotonicAndIdsAreNotReusedAfterClear) {
  Journal j;
  const auto id = j.NewConnectionId();
  j.Record(Accept("a", id));
  std::this_thread::sleep_for(std::chrono::milliseconds(2));
  j.Record(Accept("a", id));
  const auto events = j.Events();
  ASSERT_EQ(events.size(), 2u);
  EXPECT_GT(events[1].time_us, events[0].time_us);
  EXPECT_GE(events[1].time_us - events[0].time_us, 2000);
  j.Clear();
  EXPECT_TRUE(j.Events().empty());
  EXPECT_EQ(j.ConnectionsAccepted("a"), 0u);
  EXPECT_GT(j.NewConnectionId(), id);
}

TEST(JournalTest, BoundedWithDropCountsAndAcceptCountsSurviveEviction) {
  JournalLimits limits;
  limits.max_events = 3;
  limits.max_requests = 2;
  Journal j(limits);
  for (int i = 0; i < 5; ++i) j.Record(Accept("winrm_http", j.NewConnectionId()));
  for (int i = 0; i < 4; ++i) {
    RequestRecord r;
    r.sequence = static_cast<std::uint64_t>(i + 1);
    j.Record(r);
  }
  EXPECT_EQ(j.Events().size(), 3u);
  EXPECT_EQ(j.dropped_events(), 2u);
  EXPECT_EQ(j.Events().front().connection_id, 3u);  // the oldest went first
  EXPECT_EQ(j.Requests().size(), 2u);
  EXPECT_EQ(j.dropped_requests(), 2u);
  EXPECT_EQ(j.Requests().front().sequence, 3u);
  EXPECT_EQ(j.ConnectionsAccepted("winrm_http"), 5u);
  const std::string json = j.ToJson();
  EXPECT_NE(json.find("\"dropped_events\":2"), std::string::npos) << json;
}

TEST(JournalTest, BodyIsCutToTheLimit) {
  JournalLimits limits;
  limits.max_body_bytes = 10;
  Journal j(limits);
  RequestRecord r;
  r.body = std::string(100, 'b');
  j.Record(r);
  EXPECT_EQ(j.Requests()[0].body.size(), 10u);
  EXPECT_TRUE(j.Requests()[0].body_truncated);
}

TEST(JournalTest, CredentialsNeverReachTheJournalOrItsJson) {
  Journal j;
  // "alice:S3cret!pass" in base64.
  const std::string basic = "Basic YWxpY2U6UzNjcmV0IXBhc3M=";
  RequestRecord r;
  r.method = "POST";
  r.headers = {{"authorization", basic}, {"Proxy-Authorization", "Negotiate TlRMTVNTUAABAAAA"},
               {"Content-Type", "application/soap+xml"}};
  r.note.user = "alice";
  j.Record(r);
  const auto kept = j.Requests()[0].headers;
  EXPECT_EQ(kept[0].second, "Basic [redacted]");
  EXPECT_EQ(kept[1].second, "Negotiate [redacted]");
  EXPECT_EQ(kept[2].second, "application/soap+xml");
  const std::string json = j.ToJson();
  EXPECT_EQ(json.find("YWxpY2U6UzNjcmV0IXBhc3M="), std::string::npos);
  EXPECT_EQ(json.find("S3cret"), std::string::npos);
  EXPECT_EQ(json.find("TlRMTVNTUAABAAAA"), std::string::npos);
  EXPECT_NE(json.find("\"user\":\"alice\""), std::string::npos);
}

TEST(JournalTest, RedactCredentialKeepsOnlyTheScheme) {
  EXPECT_EQ(RedactCredential("Basic abc"), "Basic [redacted]");
  EXPECT_EQ(RedactCredential("abc"), "[redacted]");
  EXPECT_EQ(RedactCredential(""), "[redacted]");
  EXPECT_TRUE(IsCredentialHeader("AUTHORIZATION"));
  EXPECT_FALSE(IsCredentialHeader("Content-Type"));
}

TEST(JsonWriterTest, EscapesControlCharactersQuotesAndInvalidUtf8) {
  std::string out;
  AppendJsonString(&out, std::string("a\"b\\c\n\x01\x7f", 8));
  EXPECT_EQ(out, "\"a\\\"b\\\\c\\n\\u0001\\u007f\"");
  out.clear();
  AppendJsonString(&out, "caf\xC3\xA9 \xFF \xC0\xAF \xED\xA0\x80");  // é kept; bad byte, overlong, surrogate replaced
  EXPECT_EQ(out, "\"caf\xC3\xA9 \\ufffd \\ufffd\\ufffd \\ufffd\\ufffd\\ufffd\"");
  JsonWriter w;
  w.BeginObject().Key("a").BeginArray().Int(-1).Uint(2).Bool(true).Null().EndArray().Key("b").String("x").EndObject();
  EXPECT_EQ(w.str(), "{\"a\":[-1,2,true,null],\"b\":\"x\"}");
}

TEST(JournalTest, ConcurrentRecordersLoseNothing) {
  Journal j;
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&j] {
      for (int i = 0; i < 200; ++i) j.Record(Accept("winrm_http", j.NewConnectionId()));
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(j.ConnectionsAccepted("winrm_http"), 800u);
  EXPECT_EQ(j.CountEvents(ConnectionEventKind::kAccept, "winrm_http"), 800u);
}

}  // namespace
}  // namespace cimulate::fake
