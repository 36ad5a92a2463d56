// Every single-result operation through the MI C ABI against the fake engine.
#include <gtest/gtest.h>

#include "winrm_harness.h"
#include "wsman/namespaces.h"
#include "wsman/resource_uri.h"

namespace cimulate::winrm::testing {
namespace {

using wsman::MessageKind;

const std::string kServiceUri = wsman::WmiResourceUri("root/cimv2", "Win32_Service");

TEST(WinrmOperationsTest, NewSessionSendsNothing) {
  Harness h;
  h.Open("server01");
  EXPECT_EQ(h.hub().SentCount(), 0u);
  ASSERT_EQ(h.hub().configs().size(), 1u);  // the transport exists, unused
  EXPECT_EQ(h.hub().configs()[0].host, "server01");
  EXPECT_EQ(h.hub().configs()[0].user, "alice");
}

TEST(WinrmOperationsTest, TestConnectionSendsIdentify) {
  Harness h;
  MI_Session* session = h.Open();
  MI_Operation op = MI_OPERATION_NULL;
  MI_Session_TestConnection(session, 0, nullptr, &op);
  Outcome out = Drain(&op);
  EXPECT_EQ(out.result, MI_RESULT_OK) << out.message;
  ASSERT_EQ(h.hub().SentKinds(), std::vector<MessageKind>{MessageKind::kIdentify});
  EXPECT_EQ(h.hub().Sent()[0]->authorization, "Basic YWxpY2U6cHc=");
}

TEST(WinrmOperationsTest, GetInstanceReturnsTypedInstanceAndSendsKeys) {
  Harness h;
  MI_Session* session = h.Open();
  core::InstancePtr key = MakeInstance("Win32_Service", {{"Name", "WinRM"}});
  MI_Operation op = MI_OPERATION_NULL;
  MI_Session_GetInstance(session, 0, nullptr, "root\\cimv2", key.get(), nullptr, &op);
  Outcome out = Drain(&op);
  ASSERT_EQ(out.result, MI_RESULT_OK) << out.message;
  ASSERT_EQ(out.instances.size(), 1u);
  const MI_Instance* service = out.instances[0].get();
  EXPECT_EQ(ClassName(service), "Win32_Service");
  EXPECT_EQ(Text(service, "State"), "Running");
  EXPECT_EQ(TypeOf(service, "ProcessId"), MI_UINT32);
  EXPECT_EQ(Uint32(service, "ProcessId"), 1234u);
  const MI_Char* ns = nullptr;
  ASSERT_EQ(MI_Instance_GetNameSpace(service, &ns), MI_RESULT_OK);
  EXPECT_STREQ(ns, "root/cimv2");

  auto sent = h.hub().Sent();
  ASSERT_EQ(sent.size(), 1u);
  const wsman::Headers& headers = sent[0]->message.headers;
  EXPECT_EQ(sent[0]->message.kind, MessageKind::kGet);
  EXPECT_EQ(headers.resource_uri, kServiceUri);
  ASSERT_EQ(headers.selectors.size(), 1u);
  EXPECT_EQ(headers.selectors[0].name, "Name");
  EXPECT_EQ(headers.selectors[0].value, "WinRM");
  EXPECT_EQ(headers.to, "http://server01:5985/wsman");
  EXPECT_EQ(headers.reply_to, wsman::uri::kAnonymous);
  ASSERT_TRUE(headers.message_id);
  EXPECT_EQ(headers.message_id->rfind("uuid:", 0), 0u);
  EXPECT_EQ(headers.max_envelope_size, 512000u);
  EXPECT_EQ(headers.operation_timeout_ms, 60000u);
}

TEST(WinrmOperationsTest, KeylessInstanceSendsEveryProperty) {
  Harness h;
  MI_Session* session = h.Open();
  core::InstancePtr key = MakeInstance("Win32_Service", {{"Name", "Spooler"}}, /*first_is_key=*/false);
  MI_Operation op = MI_OPERATION_NULL;
  MI_Session_GetInstance(session, 0, nullptr, "root/cimv2", key.get(), nullptr, &op);
  Outcome out = Drain(&op);
  ASSERT_EQ(out.result, MI_RESULT_OK) << out.message;
  EXPECT_EQ(Text(out.instances[0].get(), "State"), "Stopped");
}

TEST(WinrmOperationsTest, GetOfAMissingInstanceCarriesTheServersError) {
  Harness h;
  MI_Session* session = h.Open();
  core::InstancePtr key = MakeInstance("Win32_Service", {{"Name", "NoSuch"}});
  MI_Operation op = MI_OPERATION_NULL;
  MI_Session_GetInstance(session, 0, nullptr, "root/cimv2", key.get(), nullptr, &op);
  Outcome out = Drain(&op);
  EXPECT_EQ(out.result, MI_RESULT_NOT_FOUND);
  ASSERT_TRUE(out.error);
  EXPECT_EQ(ClassName(out.error.get()), "MSFT_WmiError");
  EXPECT_EQ(Uint32(out.error.get(), "CIMStatusCode"), static_cast<MI_Uint32>(MI_RESULT_NOT_FOUND));
  EXPECT_TRUE(out.instances.empty());
}

TEST(WinrmOperationsTest, ModifyInstanceSendsPutWithTheBody) {
  Harness h;
  MI_Session* session = h.Open();
  core::InstancePtr changed = MakeInstance("Win32_Service", {{"Name", "Spooler"}, {"State", "Paused"}});
  MI_Operation op = MI_OPERATION_NULL;
  MI_Session_ModifyInstance(session, 0, nullptr, "root/cimv2", changed.get(), nullptr, &op);
  Outcome out = Drain(&op);
  ASSERT_EQ(out.result, MI_RESULT_OK) << out.message;
  ASSERT_EQ(out.instances.size(), 1u);
  EXPECT_EQ(Text(out.instances[0].get(), "State"), "Paused");
  EXPECT_EQ(h.hub().Sent()[0]->message.kind, MessageKind::kPut);

  core::InstancePtr key = MakeInstance("Win32_Service", {{"Name", "Spooler"}});
  MI_Session_GetInstance(session, 0, nullptr, "root/cimv2", key.get(), nullptr, &op);
  out = Drain(&op);
  EXPECT_EQ(Text(out.instances[0].get(), "State"), "Paused");
}

TEST(WinrmOperationsTest, CreateReturnsTheKeysAndDeleteRemoves) {
  Harness h;
  MI_Session* session = h.Open();
  core::InstancePtr fresh = MakeInstance("Win32_Service", {{"Name", "NewSvc"}, {"State", "Stopped"}});
  MI_Operation op = MI_OPERATION_NULL;
  MI_Session_CreateInstance(session, 0, nullptr, "root/cimv2", fresh.get(), nullptr, &op);
  Outcome out = Drain(&op);
  ASSERT_EQ(out.result, MI_RESULT_OK) << out.message;
  ASSERT_EQ(out.instances.size(), 1u);
  EXPECT_EQ(ClassName(out.instances[0].get()), "Win32_Service");
  EXPECT_EQ(Text(out.instances[0].get(), "Name"), "NewSvc");
  EXPECT_FALSE(h.hub().Sent()[0]->idempotent);  // Create is never repeated

  MI_Session_CreateInstance(session, 0, nullptr, "root/cimv2", fresh.get(), nullptr, &op);
  out = Drain(&op);
  EXPECT_EQ(out.result, MI_RESULT_ALREADY_EXISTS);

  core::InstancePtr key = MakeInstance("Win32_Service", {{"Name", "NewSvc"}});
  MI_Session_DeleteInstance(session, 0, nullptr, "root/cimv2", key.get(), nullptr, &op);
  out = Drain(&op);
  EXPECT_EQ(out.result, MI_RESULT_OK) << out.message;
  EXPECT_TRUE(out.instances.empty());
  EXPECT_EQ(h.hub().Sent().back()->message.kind, MessageKind::kDelete);

  MI_Session_GetInstance(session, 0, nullptr, "root/cimv2", key.get(), nullptr, &op);
  EXPECT_EQ(Drain(&op).result, MI_RESULT_NOT_FOUND);
}

TEST(WinrmOperationsTest, InvokeInstanceMethodReturnsOutParameters) {
  Harness h;
  MI_Session* session = h.Open();
  core::InstancePtr target = MakeInstance("Win32_Service", {{"Name", "WinRM"}});
  MI_Operation op = MI_OPERATION_NULL;
  MI_Session_Invoke(session, 0, nullptr, "root/cimv2", "Win32_Service", "StopService", target.get(), nullptr,
                    nullptr, &op);
  Outcome out = Drain(&op);
  ASSERT_EQ(out.result, MI_RESULT_OK) << out.message;
  ASSERT_EQ(out.instances.size(), 1u);
  EXPECT_EQ(Uint32(out.instances[0].get(), "ReturnValue"), 0u);
  EXPECT_EQ(TypeOf(out.instances[0].get(), "Code"), MI_SINT32);
  EXPECT_EQ(Text(out.instances[0].get(), "Code"), "7");
  const auto& sent = h.hub().Sent()[0]->message;
  EXPECT_EQ(sent.headers.action, kServiceUri + "/StopService");
  ASSERT_EQ(sent.headers.selectors.size(), 1u);
  EXPECT_FALSE(h.hub().Sent()[0]->idempotent);
}

TEST(WinrmOperationsTest, InvokeStaticMethodSendsInParameters) {
  Harness h;
  MI_Session* session = h.Open();
  core::InstancePtr in = MakeInstance("__parameters", {{"Name", "svc"}}, false);
  MI_Operation op = MI_OPERATION_NULL;
  MI_Session_Invoke(session, 0, nullptr, "root/cimv2", "Win32_Service", "Create", nullptr, in.get(), nullptr, &op);
  Outcome out = Drain(&op);
  ASSERT_EQ(out.result, MI_RESULT_OK) << out.message;
  EXPECT_EQ(Uint32(out.instances[0].get(), "ReturnValue"), 0u);
  const auto& sent = h.hub().Sent()[0]->message;
  EXPECT_TRUE(sent.headers.selectors.empty());
  const auto* body = std::get_if<wsman::InvokeBody>(&sent.body);
  ASSERT_NE(body, nullptr);
  EXPECT_EQ(body->method, "Create");
  EXPECT_EQ(Text(body->parameters.get(), "Name"), "svc");
}

TEST(WinrmOperationsTest, ClassOperationsAndSubscribeAreNotSupported) {
  Harness h;
  MI_Session* session = h.Open();
  MI_Operation op = MI_OPERATION_NULL;
  MI_Session_GetClass(session, 0, nullptr, "root/cimv2", "Win32_Service", nullptr, &op);
  const MI_Class* cls = nullptr;
  MI_Boolean more = MI_TRUE;
  MI_Result result = MI_RESULT_OK;
  const MI_Char* message = nullptr;
  const MI_Instance* details = nullptr;
  ASSERT_EQ(MI_Operation_GetClass(&op, &cls, &more, &result, &message, &details), MI_RESULT_OK);
  EXPECT_EQ(result, MI_RESULT_NOT_SUPPORTED);
  ASSERT_NE(details, nullptr);
  EXPECT_NE(Text(details, "Message").find("not supported"), std::string::npos);
  MI_Operation_Close(&op);
  EXPECT_EQ(h.hub().SentCount(), 0u);
}

TEST(WinrmOperationsTest, WrongPasswordIsAccessDenied) {
  Harness h;
  MI_Session* session = h.Open("server01", [](MI_DestinationOptions* options) {
    MI_UserCredentials credentials{};
    credentials.authenticationType = MI_AUTH_TYPE_BASIC;
    credentials.credentials.usernamePassword.username = "alice";
    credentials.credentials.usernamePassword.password = "wrong-secret";
    MI_DestinationOptions_AddDestinationCredentials(options, &credentials);
  });
  MI_Operation op = MI_OPERATION_NULL;
  MI_Session_TestConnection(session, 0, nullptr, &op);
  Outcome out = Drain(&op);
  EXPECT_EQ(out.result, MI_RESULT_ACCESS_DENIED);
  ASSERT_TRUE(out.error);
  EXPECT_EQ(Uint32(out.error.get(), "CIMStatusCode"), static_cast<MI_Uint32>(MI_RESULT_ACCESS_DENIED));
  EXPECT_NE(Text(out.error.get(), "Message").find("server01"), std::string::npos);
  EXPECT_EQ(Text(out.error.get(), "Message").find("wrong-secret"), std::string::npos);
}

}  // namespace
}  // namespace cimulate::winrm::testing
