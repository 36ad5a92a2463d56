// The library's exported symbols: MI_Application_InitializeV1 and mi_clientFT_V1.
// Everything else is reached through the function tables they hand out.
#include <cstring>

#include "MI.h"
#include "api/entry.h"
#include "core/application.h"
#include "core/error.h"
#include "core/operation.h"
#include "core/options.h"
#include "core/protocol.h"
#include "core/session.h"
#include "winrm/winrm_protocol.h"
#include "wmidcom/wmidcom_protocol.h"

namespace cimulate {
namespace {

MI_ErrorCategory MI_CALL MapErrorToCategory(const MI_Char* error_type, MI_Uint32 error) {
  return core::CategoryForError(error_type, error);
}

MI_Result MI_CALL CimErrorFromErrorCode(MI_Uint32 error, const MI_Char* error_type, const MI_Char* message,
                                        MI_Instance** cim_error) {
  if (cim_error == nullptr) return MI_RESULT_INVALID_PARAMETER;
  *cim_error = nullptr;
  core::ErrorInfo info;
  bool is_mi = error_type == nullptr || std::strcmp(error_type, MI_RESULT_TYPE_MI) == 0;
  info.result = is_mi ? static_cast<MI_Result>(error) : MI_RESULT_FAILED;
  info.native_code = error;
  info.native_type = error_type ? error_type : MI_RESULT_TYPE_MI;
  info.message = message ? message : "";
  core::InstancePtr instance = core::BuildError(info);
  if (instance == nullptr) return MI_RESULT_SERVER_LIMITS_EXCEEDED;
  *cim_error = instance.release();
  return MI_RESULT_OK;
}

MI_Result MI_CALL HostedProviderClose(MI_HostedProvider*) { return MI_RESULT_INVALID_PARAMETER; }
MI_Result MI_CALL HostedProviderGetApplication(MI_HostedProvider*, MI_Application* application) {
  if (application) std::memset(application, 0, sizeof(*application));
  return MI_RESULT_INVALID_PARAMETER;
}

// MI_Application_NewSerializer/NewDeserializer are not supported, so no serializer
// handle is ever valid; the tables answer every call with INVALID_PARAMETER.
MI_Result MI_CALL SerializerClose(MI_Serializer*) { return MI_RESULT_INVALID_PARAMETER; }
MI_Result MI_CALL SerializeClass(MI_Serializer*, MI_Uint32, const MI_Class*, MI_Uint8*, MI_Uint32, MI_Uint32*) {
  return MI_RESULT_INVALID_PARAMETER;
}
MI_Result MI_CALL SerializeInstance(MI_Serializer*, MI_Uint32, const MI_Instance*, MI_Uint8*, MI_Uint32, MI_Uint32*) {
  return MI_RESULT_INVALID_PARAMETER;
}
MI_Result MI_CALL DeserializerClose(MI_Deserializer*) { return MI_RESULT_INVALID_PARAMETER; }
MI_Result MI_CALL DeserializeClass(MI_Deserializer*, MI_Uint32, MI_Uint8*, MI_Uint32, MI_Class*, const MI_Char*,
                                   const MI_Char*, MI_Deserializer_ClassObjectNeeded, void*, MI_Uint32*, MI_Class** out,
                                   MI_Instance** error) {
  if (out) *out = nullptr;
  if (error) *error = nullptr;
  return MI_RESULT_INVALID_PARAMETER;
}
MI_Result MI_CALL DeserializeClassName(MI_Deserializer*, MI_Uint8*, MI_Uint32, MI_Char*, MI_Uint32*,
                                       MI_Instance** error) {
  if (error) *error = nullptr;
  return MI_RESULT_INVALID_PARAMETER;
}
MI_Result MI_CALL DeserializeInstance(MI_Deserializer*, MI_Uint32, MI_Uint8*, MI_Uint32, MI_Class**, MI_Uint32,
                                      MI_Deserializer_ClassObjectNeeded, void*, MI_Uint32*, MI_Instance** out,
                                      MI_Instance** error) {
  if (out) *out = nullptr;
  if (error) *error = nullptr;
  return MI_RESULT_INVALID_PARAMETER;
}

const MI_UtilitiesFT kUtilitiesFT = {MapErrorToCategory, CimErrorFromErrorCode};
const MI_HostedProviderFT kHostedProviderFT = {HostedProviderClose, HostedProviderGetApplication};
const MI_SerializerFT kSerializerFT = {SerializerClose, SerializeClass, SerializeInstance};
const MI_DeserializerFT kDeserializerFT = {DeserializerClose,    DeserializeClass,    DeserializeClassName,
                                           DeserializeClassName, DeserializeInstance, DeserializeClassName};

const MI_ClientFT_V1 kClientFT = {
    &core::kApplicationFT,
    &core::kSessionFT,
    &core::kOperationFT,
    &kHostedProviderFT,
    &kSerializerFT,
    &kDeserializerFT,
    &core::kSubscriptionDeliveryOptionsFT,
    &core::kDestinationOptionsFT,
    &core::kOperationOptionsFT,
    &kUtilitiesFT,
};

}  // namespace

std::shared_ptr<core::ProtocolRegistry> DefaultProtocolRegistry() {
  auto registry = std::make_shared<core::ProtocolRegistry>();
  registry->Register(winrm::NewWinrmProtocol());
  registry->Register(wmidcom::NewWmidcomProtocol());
  return registry;
}

}  // namespace cimulate

extern "C" {

MI_EXPORT const MI_ClientFT_V1* mi_clientFT_V1 = &cimulate::kClientFT;

MI_EXPORT MI_Result MI_MAIN_CALL MI_Application_InitializeV1(MI_Uint32 flags, const MI_Char* application_id,
                                                             MI_Instance** extended_error,
                                                             MI_Application* application) {
  return cimulate::core::InitializeApplication(flags, application_id, extended_error, application,
                                               cimulate::DefaultProtocolRegistry());
}

}  // extern "C"
