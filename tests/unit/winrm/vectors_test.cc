// Recorded answers (shared/vectors/wsman) through the handler's response
// reading: OMI's server byte-exact, and the prototype answers Dell wsl saw.
#include <gtest/gtest.h>

#include <fstream>
#include <optional>
#include <sstream>

#include "winrm/response.h"
#include "winrm_harness.h"

namespace cimulate::winrm::testing {
namespace {

using wsman::MessageKind;

std::optional<std::string> ReadVector(const std::string& relative) {
  std::ifstream in(std::string(CIMULATE_SOURCE_DIR) + "/../shared/vectors/wsman/" + relative, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// A whole HTTP response as captured: status line, headers, body.
std::optional<HttpResponse> ReadHttp(const std::string& relative) {
  auto bytes = ReadVector(relative);
  if (!bytes) return std::nullopt;
  HttpResponse r;
  size_t end = bytes->find("\r\n\r\n");
  if (end == std::string::npos || bytes->compare(0, 9, "HTTP/1.1 ") != 0) return std::nullopt;
  r.status = std::stoi(bytes->substr(9, 3));
  r.body = bytes->substr(end + 4);
  return r;
}

std::optional<HttpResponse> Body(const std::string& relative, int status) {
  auto bytes = ReadVector(relative);
  if (!bytes) return std::nullopt;
  HttpResponse r;
  r.status = status;
  r.body = *bytes;
  return r;
}

#define LOAD_OR_SKIP(var, expr)                                 \
  auto var = (expr);                                            \
  if (!var) GTEST_SKIP() << "shared/vectors/wsman not present"; \
  static_assert(true)

winrm::Outcome Read(const HttpResponse& response, MessageKind expected, wsman::Message* out) {
  return ReadResponse(response, expected, "vector-host", 512 * 1024, out);
}

TEST(WinrmVectorsTest, OmiOptimizedEnumerateResponse) {
  LOAD_OR_SKIP(response, ReadHttp("omi/omicli_trace/conn0.s2c.http"));
  wsman::Message m;
  winrm::Outcome out = Read(*response, MessageKind::kEnumerateResponse, &m);
  ASSERT_TRUE(out.ok()) << Text(out.error.get(), "Message");
  const auto& body = std::get<wsman::EnumerateResponseBody>(m.body);
  ASSERT_EQ(body.items.size(), 1u);
  EXPECT_EQ(ClassName(body.items[0].instance.get()), "OMI_Identify");
}

TEST(WinrmVectorsTest, OmiFaultsCarryOmiError) {
  struct Case {
    const char* file;
    MI_Result result;
  };
  for (Case c : {Case{"omi/omicli_trace/conn1.s2c.http", MI_RESULT_INVALID_CLASS},
                 Case{"omi/omicli_trace/conn2.s2c.http", MI_RESULT_INVALID_NAMESPACE}}) {
    LOAD_OR_SKIP(response, ReadHttp(c.file));
    EXPECT_EQ(response->status, 500);
    wsman::Message m;
    winrm::Outcome out = Read(*response, MessageKind::kEnumerateResponse, &m);
    EXPECT_EQ(out.result, c.result) << c.file;
    ASSERT_TRUE(out.error) << c.file;
    EXPECT_EQ(ClassName(out.error.get()), "OMI_Error");
    EXPECT_EQ(Uint32(out.error.get(), "CIMStatusCode"), static_cast<MI_Uint32>(c.result));
  }
}

// omiserver answers the Windows-shaped requests of enum_* with an empty
// w:InternalError fault and no detail: FAILED with an error built here.
TEST(WinrmVectorsTest, OmiEmptyInternalErrorFaults) {
  for (const char* file : {"omi/enum_identify.resp.xml", "omi/enum_badclass.resp.xml", "omi/enum_badns.resp.xml"}) {
    LOAD_OR_SKIP(response, Body(file, 500));
    wsman::Message m;
    winrm::Outcome out = Read(*response, MessageKind::kEnumerateResponse, &m);
    EXPECT_EQ(out.result, MI_RESULT_FAILED) << file;
    ASSERT_TRUE(out.error) << file;
    EXPECT_EQ(ClassName(out.error.get()), "MSFT_WmiError");
    EXPECT_NE(Text(out.error.get(), "Message").find("vector-host"), std::string::npos);
    EXPECT_EQ(Text(out.error.get(), "error_WindowsErrorMessage"), "WS-Management fault InternalError");
  }
}

TEST(WinrmVectorsTest, WslTranscriptAnswers) {
  LOAD_OR_SKIP(identify, Body("wsl/transcript/01-Identify.response.xml", 200));
  wsman::Message m;
  EXPECT_TRUE(Read(*identify, MessageKind::kIdentifyResponse, &m).ok());

  LOAD_OR_SKIP(enumerate, Body("wsl/transcript/06-Enumerate.response.xml", 200));
  ASSERT_TRUE(Read(*enumerate, MessageKind::kEnumerateResponse, &m).ok());
  const auto& items = std::get<wsman::EnumerateResponseBody>(m.body).items;
  ASSERT_EQ(items.size(), 2u);
  EXPECT_TRUE(items[0].instance && items[0].epr);

  LOAD_OR_SKIP(pull, Body("wsl/transcript/07-Pull.response.xml", 200));
  ASSERT_TRUE(Read(*pull, MessageKind::kPullResponse, &m).ok());
  EXPECT_TRUE(std::get<wsman::PullResponseBody>(m.body).end_of_sequence);

  LOAD_OR_SKIP(get, Body("wsl/transcript/08-Get.response.xml", 200));
  ASSERT_TRUE(Read(*get, MessageKind::kGetResponse, &m).ok());
  const auto& instance = std::get<wsman::InstanceBody>(m.body).instance;
  EXPECT_EQ(ClassName(instance.get()), "Win32_Service");
  EXPECT_EQ(Text(instance.get(), "Name"), "WinRM");

  LOAD_OR_SKIP(fault, Body("wsl/transcript/09-Get.response.xml", 500));
  winrm::Outcome out = Read(*fault, MessageKind::kGetResponse, &m);
  EXPECT_NE(out.result, MI_RESULT_OK);
  ASSERT_TRUE(out.error);
  EXPECT_EQ(ClassName(out.error.get()), "MSFT_WmiError");
  EXPECT_EQ(Uint32(out.error.get(), "CIMStatusCode"), static_cast<MI_Uint32>(out.result));

  LOAD_OR_SKIP(reboot, Body("wsl/transcript/13-Reboot.response.xml", 200));
  ASSERT_TRUE(Read(*reboot, MessageKind::kInvokeResponse, &m).ok());
  EXPECT_NE(Text(std::get<wsman::InvokeBody>(m.body).parameters.get(), "ReturnValue"), "<missing>");
}

TEST(WinrmVectorsTest, WrongKindsAndStatusesAreFailures) {
  LOAD_OR_SKIP(get, Body("wsl/transcript/08-Get.response.xml", 200));
  wsman::Message m;
  winrm::Outcome out = Read(*get, MessageKind::kPullResponse, &m);
  EXPECT_EQ(out.result, MI_RESULT_FAILED);
  EXPECT_NE(Text(out.error.get(), "Message").find("vector-host"), std::string::npos);
  HttpResponse garbage{200, {}, "<<not xml"};
  EXPECT_EQ(Read(garbage, MessageKind::kGetResponse, &m).result, MI_RESULT_FAILED);
  HttpResponse unavailable{503, {}, "busy"};
  out = Read(unavailable, MessageKind::kGetResponse, &m);
  EXPECT_EQ(out.result, MI_RESULT_FAILED);
  EXPECT_NE(Text(out.error.get(), "Message").find("503"), std::string::npos);
  HttpResponse denied{401, {}, ""};
  EXPECT_EQ(Read(denied, MessageKind::kGetResponse, &m).result, MI_RESULT_ACCESS_DENIED);
  HttpResponse bare500{500, {}, "Internal error"};
  EXPECT_EQ(Read(bare500, MessageKind::kGetResponse, &m).result, MI_RESULT_FAILED);
}

}  // namespace
}  // namespace cimulate::winrm::testing
