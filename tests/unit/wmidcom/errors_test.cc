// The error table: WBEM HRESULTs, RPC faults and transport failures -> MI results.
#include "wmidcom/errors.h"

#include <gtest/gtest.h>

#include <string>

namespace cimulate::wmidcom {
namespace {

std::string Text(const MI_Instance* instance, const char* name) {
  MI_Value v;
  MI_Type type;
  MI_Uint32 flags = 0;
  if (instance == nullptr || MI_Instance_GetElement(instance, name, &v, &type, &flags, nullptr) != MI_RESULT_OK ||
      (flags & MI_FLAG_NULL)) {
    return "<none>";
  }
  if (type == MI_STRING) return v.string;
  if (type == MI_UINT32) return std::to_string(v.uint32);
  if (type == MI_UINT16) return std::to_string(v.uint16);
  return "<other>";
}

TEST(WmidcomErrorsTest, WbemCodesMapToTheirMiResults) {
  EXPECT_EQ(MapHresult(0x80041002).result, MI_RESULT_NOT_FOUND);
  EXPECT_EQ(MapHresult(0x80041010).result, MI_RESULT_INVALID_CLASS);
  EXPECT_EQ(MapHresult(0x8004100E).result, MI_RESULT_INVALID_NAMESPACE);
  EXPECT_EQ(MapHresult(0x80041003).result, MI_RESULT_ACCESS_DENIED);
  EXPECT_EQ(MapHresult(0x80041017).result, MI_RESULT_INVALID_QUERY);
  EXPECT_EQ(MapHresult(0x80041018).result, MI_RESULT_QUERY_LANGUAGE_NOT_SUPPORTED);
  EXPECT_EQ(MapHresult(0x8004102E).result, MI_RESULT_METHOD_NOT_FOUND);
  EXPECT_EQ(MapHresult(0x80041019).result, MI_RESULT_ALREADY_EXISTS);
  EXPECT_STREQ(MapHresult(0x80041010).name, "WBEM_E_INVALID_CLASS");
  HresultMapping unknown = MapHresult(0x8004DEAD);
  EXPECT_EQ(unknown.result, MI_RESULT_FAILED);
  EXPECT_EQ(unknown.name, nullptr);
}

TEST(WmidcomErrorsTest, HresultFailureCarriesTheCodeInTheExtendedError) {
  Outcome o = FromCallStatus(CallStatus::Hresult(0x80041010), "127.0.0.1:135");
  ASSERT_EQ(o.result, MI_RESULT_INVALID_CLASS);
  ASSERT_NE(o.error, nullptr);
  const MI_Char* cls = nullptr;
  ASSERT_EQ(MI_Instance_GetClassName(o.error.get(), &cls), MI_RESULT_OK);
  EXPECT_STREQ(cls, "MSFT_WmiError");
  EXPECT_EQ(Text(o.error.get(), "error_Code"), std::to_string(0x80041010u));
  EXPECT_EQ(Text(o.error.get(), "error_Type"), "HRESULT");
  EXPECT_EQ(Text(o.error.get(), "CIMStatusCode"), std::to_string(MI_RESULT_INVALID_CLASS));
  EXPECT_NE(Text(o.error.get(), "Message").find("WBEM_E_INVALID_CLASS"), std::string::npos);
  EXPECT_NE(Text(o.error.get(), "Message").find("127.0.0.1:135"), std::string::npos);
}

TEST(WmidcomErrorsTest, RefusedLogonAndRpcAccessDeniedAreAccessDenied) {
  EXPECT_EQ(FromCallStatus(CallStatus::Failed(CallFailure::kAccessDenied, "bind_nak"), "h:135").result,
            MI_RESULT_ACCESS_DENIED);
  EXPECT_EQ(FromCallStatus(CallStatus::Failed(CallFailure::kRpcFault, "", kRpcAccessDenied), "h:135").result,
            MI_RESULT_ACCESS_DENIED);
  EXPECT_EQ(FromCallStatus(CallStatus::Failed(CallFailure::kRpcFault, "", 0x1c010002), "h:135").result,
            MI_RESULT_FAILED);
}

TEST(WmidcomErrorsTest, UnreachableAndTimeoutUseTheWinrmCodes) {
  Outcome refused = FromCallStatus(CallStatus::Failed(CallFailure::kConnectFailed, "refused"), "h:135");
  EXPECT_EQ(refused.result, MI_RESULT_FAILED);
  EXPECT_EQ(Text(refused.error.get(), "error_Code"), std::to_string(kCannotConnect));
  EXPECT_EQ(Text(refused.error.get(), "error_Category"), std::to_string(MI_ERRORCATEGORY_CONNECTION_ERROR));
  Outcome timed_out = FromCallStatus(CallStatus::Failed(CallFailure::kTimedOut, ""), "h:135");
  EXPECT_EQ(timed_out.result, MI_RESULT_FAILED);
  EXPECT_EQ(Text(timed_out.error.get(), "error_Code"), std::to_string(kOperationTimedOut));
  EXPECT_EQ(Text(timed_out.error.get(), "ProbableCause"), std::to_string(kProbableCauseTimeout));
}

TEST(WmidcomErrorsTest, CancelledPostsNothing) {
  Outcome o = FromCallStatus(CallStatus::Cancelled(), "h:135");
  EXPECT_TRUE(o.cancelled);
  EXPECT_EQ(o.error, nullptr);
}

}  // namespace
}  // namespace cimulate::wmidcom
