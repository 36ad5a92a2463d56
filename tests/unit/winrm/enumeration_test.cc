// EnumerateInstances, QueryInstances, Associator/ReferenceInstances: batches,
// keys only, filters, streaming and cancel with Release.
#include <gtest/gtest.h>

#include <atomic>
#include <condition_variable>
#include <mutex>

#include "winrm_harness.h"
#include "wsman/namespaces.h"
#include "wsman/resource_uri.h"

namespace cimulate::winrm::testing {
namespace {

using wsman::MessageKind;

std::vector<std::string> Names(const Outcome& out) {
  std::vector<std::string> names;
  for (const auto& i : out.instances) names.push_back(Text(i.get(), "Name"));
  return names;
}

// The Name key of the reference property `name`, "?" when it is not one.
std::string RefKey(const MI_Instance* instance, const char* name) {
  MI_Value v;
  MI_Type type;
  if (MI_Instance_GetElement(instance, name, &v, &type, nullptr, nullptr) != MI_RESULT_OK || type != MI_REFERENCE) {
    return "?";
  }
  return Text(v.reference, "Name");
}

size_t Count(const std::vector<MessageKind>& kinds, MessageKind kind) {
  return static_cast<size_t>(std::count(kinds.begin(), kinds.end(), kind));
}

TEST(WinrmEnumerationTest, EnumeratesEveryInstanceInBatches) {
  Harness h;
  MI_Session* session = h.Open("server01", [](MI_DestinationOptions* options) {
    MI_DestinationOptions_SetNumber(options, "__MI_DESTINATIONOPTIONS_MAX_ELEMENTS", 2);
  });
  MI_Operation op = MI_OPERATION_NULL;
  MI_Session_EnumerateInstances(session, 0, nullptr, "root/cimv2", "Win32_Service", MI_FALSE, nullptr, &op);
  Outcome out = Drain(&op);
  ASSERT_EQ(out.result, MI_RESULT_OK) << out.message;
  EXPECT_EQ(Names(out), (std::vector<std::string>{"WinRM", "Spooler", "W32Time", "Dhcp", "Dnscache"}));
  // Five items two at a time: 2 in the EnumerateResponse, then 2 and 1 by Pull.
  auto kinds = h.hub().SentKinds();
  EXPECT_EQ(kinds, (std::vector<MessageKind>{MessageKind::kEnumerate, MessageKind::kPull, MessageKind::kPull}));
  auto sent = h.hub().Sent();
  const auto& enumerate = std::get<wsman::EnumerateBody>(sent[0]->message.body);
  EXPECT_TRUE(enumerate.optimize);
  EXPECT_EQ(enumerate.max_elements, 2u);
  EXPECT_EQ(enumerate.mode, wsman::EnumerationMode::kObjects);
  const auto& pull = std::get<wsman::PullBody>(sent[1]->message.body);
  EXPECT_EQ(pull.max_elements, 2u);
  EXPECT_FALSE(pull.context.empty());
}

TEST(WinrmEnumerationTest, KeysOnlyUsesEnumerateEpr) {
  Harness h;
  MI_Session* session = h.Open();
  MI_Operation op = MI_OPERATION_NULL;
  MI_Session_EnumerateInstances(session, 0, nullptr, "root/cimv2", "Win32_Service", MI_TRUE, nullptr, &op);
  Outcome out = Drain(&op);
  ASSERT_EQ(out.result, MI_RESULT_OK) << out.message;
  ASSERT_EQ(out.instances.size(), 5u);
  EXPECT_EQ(Text(out.instances[0].get(), "Name"), "WinRM");
  EXPECT_EQ(Text(out.instances[0].get(), "State"), "<missing>");  // keys only
  auto sent = h.hub().Sent();
  EXPECT_EQ(std::get<wsman::EnumerateBody>(sent[0]->message.body).mode, wsman::EnumerationMode::kEprs);
}

TEST(WinrmEnumerationTest, WqlQueryGoesToTheStarUri) {
  Harness h;
  MI_Session* session = h.Open();
  MI_Operation op = MI_OPERATION_NULL;
  MI_Session_QueryInstances(session, 0, nullptr, "root\\cimv2", "WQL",
                            "SELECT * FROM Win32_Service WHERE State = 'Running' AND ProcessId > 100", nullptr, &op);
  Outcome out = Drain(&op);
  ASSERT_EQ(out.result, MI_RESULT_OK) << out.message;
  EXPECT_EQ(Names(out), std::vector<std::string>{"WinRM"});
  auto sent = h.hub().Sent();
  EXPECT_EQ(sent[0]->message.headers.resource_uri, wsman::QueryResourceUri("root/cimv2"));
  const auto& body = std::get<wsman::EnumerateBody>(sent[0]->message.body);
  ASSERT_TRUE(body.filter);
  EXPECT_EQ(body.filter->dialect, wsman::dialect::kWql);
}

TEST(WinrmEnumerationTest, QueryErrorsAreResults) {
  Harness h;
  MI_Session* session = h.Open();
  MI_Operation op = MI_OPERATION_NULL;
  MI_Session_QueryInstances(session, 0, nullptr, "root/cimv2", "WQL", "SELECT FROM WHERE", nullptr, &op);
  EXPECT_EQ(Drain(&op).result, MI_RESULT_INVALID_QUERY);
  MI_Session_QueryInstances(session, 0, nullptr, "root/cimv2", "CQL", "SELECT * FROM CIM_Service", nullptr, &op);
  EXPECT_EQ(Drain(&op).result, MI_RESULT_QUERY_LANGUAGE_NOT_SUPPORTED);  // the fake has no CQL
  EXPECT_EQ(std::get<wsman::EnumerateBody>(h.hub().Sent().back()->message.body).filter->dialect, wsman::dialect::kCql);
  size_t before = h.hub().SentCount();
  MI_Session_QueryInstances(session, 0, nullptr, "root/cimv2", "XPath", "//x", nullptr, &op);
  EXPECT_EQ(Drain(&op).result, MI_RESULT_QUERY_LANGUAGE_NOT_SUPPORTED);
  EXPECT_EQ(h.hub().SentCount(), before);  // refused without a request
}

// The associations are the scenario's Win32_DependentService instances:
// WinRM -> Spooler, WinRM -> W32Time, Dhcp -> WinRM.
TEST(WinrmEnumerationTest, AssociatorsAndReferencesSendTheAssociationFilter) {
  Harness h;
  MI_Session* session = h.Open();
  core::InstancePtr source = MakeInstance("Win32_Service", {{"Name", "WinRM"}});
  MI_Operation op = MI_OPERATION_NULL;
  MI_Session_AssociatorInstances(session, 0, nullptr, "root/cimv2", source.get(), "Win32_DependentService",
                                 "Win32_Service", "Antecedent", "Dependent", MI_FALSE, nullptr, &op);
  Outcome out = Drain(&op);
  ASSERT_EQ(out.result, MI_RESULT_OK) << out.message;
  EXPECT_EQ(Names(out), (std::vector<std::string>{"Spooler", "W32Time"}));
  auto sent = h.hub().Sent();
  const auto& body = std::get<wsman::EnumerateBody>(sent[0]->message.body);
  ASSERT_TRUE(body.filter && body.filter->association);
  const wsman::AssociationFilter& filter = *body.filter->association;
  EXPECT_FALSE(filter.association_instances);
  EXPECT_EQ(filter.association_class_name, "Win32_DependentService");
  EXPECT_EQ(filter.result_class_name, "Win32_Service");
  EXPECT_EQ(filter.role, "Antecedent");
  EXPECT_EQ(filter.result_role, "Dependent");
  EXPECT_EQ(filter.object.resource_uri, wsman::WmiResourceUri("root/cimv2", "Win32_Service"));
  ASSERT_EQ(filter.object.selectors.size(), 1u);
  EXPECT_EQ(filter.object.selectors[0].value, "WinRM");

  MI_Session_ReferenceInstances(session, 0, nullptr, "root/cimv2", source.get(), nullptr, nullptr, MI_FALSE, nullptr,
                                &op);
  out = Drain(&op);
  ASSERT_EQ(out.result, MI_RESULT_OK) << out.message << h.hub().Sent().back()->body;
  const auto& refs = std::get<wsman::EnumerateBody>(h.hub().Sent().back()->message.body);
  ASSERT_TRUE(refs.filter && refs.filter->association);
  EXPECT_TRUE(refs.filter->association->association_instances);
  std::vector<std::string> ends;
  for (const auto& i : out.instances) {
    EXPECT_EQ(ClassName(i.get()), "Win32_DependentService");
    ends.push_back(RefKey(i.get(), "Antecedent") + ">" + RefKey(i.get(), "Dependent"));
  }
  EXPECT_EQ(ends, (std::vector<std::string>{"WinRM>Spooler", "WinRM>W32Time", "Dhcp>WinRM"}));
}

TEST(WinrmEnumerationTest, AssociatorsWithoutFiltersReachEveryOtherEnd) {
  Harness h;
  MI_Session* session = h.Open();
  core::InstancePtr source = MakeInstance("Win32_Service", {{"Name", "WinRM"}});
  MI_Operation op = MI_OPERATION_NULL;
  MI_Session_AssociatorInstances(session, 0, nullptr, "root/cimv2", source.get(), nullptr, nullptr, nullptr, nullptr,
                                 MI_FALSE, nullptr, &op);
  Outcome out = Drain(&op);
  ASSERT_EQ(out.result, MI_RESULT_OK) << out.message;
  EXPECT_EQ(Names(out), (std::vector<std::string>{"Spooler", "W32Time", "Dhcp"}));

  MI_Session_ReferenceInstances(session, 0, nullptr, "root/cimv2", source.get(), "Win32_DependentService",
                                "Dependent", MI_FALSE, nullptr, &op);
  out = Drain(&op);
  ASSERT_EQ(out.result, MI_RESULT_OK) << out.message;
  ASSERT_EQ(out.instances.size(), 1u);
  EXPECT_EQ(RefKey(out.instances[0].get(), "Antecedent"), "Dhcp");

  core::InstancePtr missing = MakeInstance("Win32_Service", {{"Name", "NoSuch"}});
  MI_Session_AssociatorInstances(session, 0, nullptr, "root/cimv2", missing.get(), nullptr, nullptr, nullptr, nullptr,
                                 MI_FALSE, nullptr, &op);
  EXPECT_EQ(Drain(&op).result, MI_RESULT_NOT_FOUND);
}

// Async results: the handler posts each item as its batch arrives; the
// callback sees the first before the server has been asked for the last.
struct Streamed {
  std::mutex mu;
  std::condition_variable cv;
  std::vector<size_t> sent_when_posted;
  bool done = false;
  MI_Result result = MI_RESULT_OK;
  EngineHub* hub = nullptr;
  bool cancel_on_first = false;
};

void MI_CALL OnInstance(MI_Operation* operation, void* context, const MI_Instance* instance, MI_Boolean more,
                        MI_Result result, const MI_Char*, const MI_Instance*, MI_Result (*)(MI_Operation*)) {
  auto* s = static_cast<Streamed*>(context);
  if (instance != nullptr) {
    std::lock_guard<std::mutex> lock(s->mu);
    s->sent_when_posted.push_back(s->hub->SentCount());
  }
  if (instance != nullptr && s->cancel_on_first) MI_Operation_Cancel(operation, MI_REASON_NONE);
  if (!more) {
    std::lock_guard<std::mutex> lock(s->mu);
    s->done = true;
    s->result = result;
    s->cv.notify_all();
  }
}

TEST(WinrmEnumerationTest, ResultsStreamAsEachBatchArrives) {
  Harness h;
  MI_Session* session = h.Open("server01", [](MI_DestinationOptions* options) {
    MI_DestinationOptions_SetNumber(options, "__MI_DESTINATIONOPTIONS_MAX_ELEMENTS", 1);
  });
  Streamed s;
  s.hub = &h.hub();
  MI_OperationCallbacks callbacks = MI_OPERATIONCALLBACKS_NULL;
  callbacks.callbackContext = &s;
  callbacks.instanceResult = OnInstance;
  MI_Operation op = MI_OPERATION_NULL;
  MI_Session_EnumerateInstances(session, 0, nullptr, "root/cimv2", "Win32_Service", MI_FALSE, &callbacks, &op);
  {
    std::unique_lock<std::mutex> lock(s.mu);
    ASSERT_TRUE(s.cv.wait_for(lock, std::chrono::seconds(10), [&] { return s.done; }));
  }
  MI_Operation_Close(&op);
  EXPECT_EQ(s.result, MI_RESULT_OK);
  // One item per exchange: the nth instance is posted after n requests.
  EXPECT_EQ(s.sent_when_posted, (std::vector<size_t>{1, 2, 3, 4, 5}));
}

TEST(WinrmEnumerationTest, CancelAfterTheFirstItemReleasesTheContext) {
  Harness h;
  MI_Session* session = h.Open("server01", [](MI_DestinationOptions* options) {
    MI_DestinationOptions_SetNumber(options, "__MI_DESTINATIONOPTIONS_MAX_ELEMENTS", 1);
  });
  Streamed s;
  s.hub = &h.hub();
  s.cancel_on_first = true;
  MI_OperationCallbacks callbacks = MI_OPERATIONCALLBACKS_NULL;
  callbacks.callbackContext = &s;
  callbacks.instanceResult = OnInstance;
  MI_Operation op = MI_OPERATION_NULL;
  MI_Session_EnumerateInstances(session, 0, nullptr, "root/cimv2", "Win32_Service", MI_FALSE, &callbacks, &op);
  {
    std::unique_lock<std::mutex> lock(s.mu);
    ASSERT_TRUE(s.cv.wait_for(lock, std::chrono::seconds(10), [&] { return s.done; }));
  }
  MI_Operation_Close(&op);
  EXPECT_EQ(s.result, MI_RESULT_FAILED);  // the core's cancellation result
  auto sent = h.hub().Sent();
  ASSERT_EQ(sent.back()->message.kind, MessageKind::kRelease);
  const auto& enumerate = sent[0]->message;
  EXPECT_EQ(enumerate.kind, MessageKind::kEnumerate);
  EXPECT_EQ(Count(h.hub().SentKinds(), MessageKind::kPull), 0u);
  EXPECT_FALSE(std::get<wsman::ReleaseBody>(sent.back()->message.body).context.empty());
}

TEST(WinrmEnumerationTest, CancelDuringAHangingPullAbandonsItAndReleases) {
  Harness h;
  MI_Session* session = h.Open();
  std::mutex mu;
  std::condition_variable cv;
  bool pulling = false;
  h.hub().before_engine = [&](const SentRequest& r) {
    if (r.message.kind != MessageKind::kPull) return;
    std::lock_guard<std::mutex> lock(mu);
    pulling = true;
    cv.notify_all();
  };
  MI_Operation op = MI_OPERATION_NULL;
  MI_Session_EnumerateInstances(session, 0, nullptr, "root/cimv2", "Win32_Slow", MI_FALSE, nullptr, &op);
  // The first item arrives with the EnumerateResponse; the Pull hangs.
  const MI_Instance* instance = nullptr;
  MI_Boolean more = MI_FALSE;
  MI_Result result = MI_RESULT_OK;
  ASSERT_EQ(MI_Operation_GetInstance(&op, &instance, &more, &result, nullptr, nullptr), MI_RESULT_OK);
  ASSERT_TRUE(more);
  EXPECT_EQ(Text(instance, "Name"), "a");
  {
    std::unique_lock<std::mutex> lock(mu);
    ASSERT_TRUE(cv.wait_for(lock, std::chrono::seconds(10), [&] { return pulling; }));
  }
  auto start = std::chrono::steady_clock::now();
  ASSERT_EQ(MI_Operation_Cancel(&op, MI_REASON_NONE), MI_RESULT_OK);
  Outcome out = Drain(&op);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
  EXPECT_EQ(out.result, MI_RESULT_FAILED);
  ASSERT_TRUE(out.error);
  EXPECT_EQ(Uint32(out.error.get(), "error_Category"), static_cast<MI_Uint32>(MI_ERRORCATEGORY_OPERATION_STOPPED));
  auto kinds = h.hub().SentKinds();
  EXPECT_EQ(kinds, (std::vector<MessageKind>{MessageKind::kEnumerate, MessageKind::kPull, MessageKind::kRelease}));
}

}  // namespace
}  // namespace cimulate::winrm::testing
