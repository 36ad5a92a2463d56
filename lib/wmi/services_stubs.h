// IWbemServices stubs (MS-WMI 3.1.4.3) for the synchronous calls cimulate
// uses: OpenNamespace, GetObject, PutInstance, DeleteInstance,
// CreateInstanceEnum, ExecQuery and ExecMethod. The other opnums are in
// wmi_ids.h; a server answers them with an error HRESULT.
//
// Objects (IWbemClassObject) travel by value as MInterfacePointer bytes;
// BSTRs are optional because the wire allows a NULL BSTR, which a server
// rejects with WBEM_E_INVALID_PARAMETER rather than a decode error.

#ifndef CIMULATE_WMI_SERVICES_STUBS_H_
#define CIMULATE_WMI_SERVICES_STUBS_H_

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "wmi/stub_codec.h"

namespace cimulate::wmi {

using Bstr = std::optional<std::u16string>;

// lFlags bits (MS-WMI 2.2.3 WBEM_GENERIC_FLAG_TYPE and 2.2.4).
inline constexpr int32_t kWbemFlagReturnImmediately = 0x10;
inline constexpr int32_t kWbemFlagForwardOnly = 0x20;
inline constexpr int32_t kWbemFlagUseAmendedQualifiers = 0x20000;
inline constexpr int32_t kWbemFlagCreateOrUpdate = 0x00;
inline constexpr int32_t kWbemFlagUpdateOnly = 0x01;
inline constexpr int32_t kWbemFlagCreateOnly = 0x02;

// OpenNamespace (opnum 3).
struct OpenNamespaceRequest {
  OrpcThis orpc;
  Bstr name;
  int32_t flags = 0;
  InterfacePtr context;
  InOutInterfacePtr working_namespace = InOutInterfacePtr::Requested();
  InOutInterfacePtr call_result;
  friend bool operator==(const OpenNamespaceRequest&, const OpenNamespaceRequest&) = default;
};
struct OpenNamespaceResponse {
  OrpcThat orpc;
  InOutInterfacePtr working_namespace;  // IWbemServices
  InOutInterfacePtr call_result;        // IWbemCallResult
  HResult hresult = kWbemSNoError;
  friend bool operator==(const OpenNamespaceResponse&, const OpenNamespaceResponse&) = default;
};

// GetObject (opnum 6): a class or an instance by object path. The caller
// asks for the object with object.requested and normally no call result.
struct GetObjectRequest {
  OrpcThis orpc;
  Bstr object_path;
  int32_t flags = 0;
  InterfacePtr context;
  InOutInterfacePtr object = InOutInterfacePtr::Requested();
  InOutInterfacePtr call_result;
  friend bool operator==(const GetObjectRequest&, const GetObjectRequest&) = default;
};
struct GetObjectResponse {
  OrpcThat orpc;
  InOutInterfacePtr object;  // IWbemClassObject
  InOutInterfacePtr call_result;
  HResult hresult = kWbemSNoError;
  friend bool operator==(const GetObjectResponse&, const GetObjectResponse&) = default;
};

// PutInstance (opnum 14): creates or updates the instance in `instance`.
struct PutInstanceRequest {
  OrpcThis orpc;
  InterfacePtr instance;  // IWbemClassObject
  int32_t flags = 0;
  InterfacePtr context;
  InOutInterfacePtr call_result;
  friend bool operator==(const PutInstanceRequest&, const PutInstanceRequest&) = default;
};
struct PutInstanceResponse {
  OrpcThat orpc;
  InOutInterfacePtr call_result;
  HResult hresult = kWbemSNoError;
  friend bool operator==(const PutInstanceResponse&, const PutInstanceResponse&) = default;
};

// DeleteInstance (opnum 16).
struct DeleteInstanceRequest {
  OrpcThis orpc;
  Bstr object_path;
  int32_t flags = 0;
  InterfacePtr context;
  InOutInterfacePtr call_result;
  friend bool operator==(const DeleteInstanceRequest&, const DeleteInstanceRequest&) = default;
};
struct DeleteInstanceResponse {
  OrpcThat orpc;
  InOutInterfacePtr call_result;
  HResult hresult = kWbemSNoError;
  friend bool operator==(const DeleteInstanceResponse&, const DeleteInstanceResponse&) = default;
};

// CreateInstanceEnum (opnum 18): an enumerator over a class's instances.
struct CreateInstanceEnumRequest {
  OrpcThis orpc;
  Bstr class_name;  // strFilter / strSuperClass
  int32_t flags = 0;
  InterfacePtr context;
  friend bool operator==(const CreateInstanceEnumRequest&,
                         const CreateInstanceEnumRequest&) = default;
};
struct CreateInstanceEnumResponse {
  OrpcThat orpc;
  InterfacePtr enumerator;  // IEnumWbemClassObject
  HResult hresult = kWbemSNoError;
  friend bool operator==(const CreateInstanceEnumResponse&,
                         const CreateInstanceEnumResponse&) = default;
};

// ExecQuery (opnum 20): query_language is "WQL".
struct ExecQueryRequest {
  OrpcThis orpc;
  Bstr query_language;
  Bstr query;
  int32_t flags = 0;
  InterfacePtr context;
  friend bool operator==(const ExecQueryRequest&, const ExecQueryRequest&) = default;
};
struct ExecQueryResponse {
  OrpcThat orpc;
  InterfacePtr enumerator;  // IEnumWbemClassObject
  HResult hresult = kWbemSNoError;
  friend bool operator==(const ExecQueryResponse&, const ExecQueryResponse&) = default;
};

// ExecMethod (opnum 24): in_params and the reply's out_params are instances
// of the method's parameter classes (MS-WMIO).
struct ExecMethodRequest {
  OrpcThis orpc;
  Bstr object_path;
  Bstr method_name;
  int32_t flags = 0;
  InterfacePtr context;
  InterfacePtr in_params;
  InOutInterfacePtr out_params = InOutInterfacePtr::Requested();
  InOutInterfacePtr call_result;
  friend bool operator==(const ExecMethodRequest&, const ExecMethodRequest&) = default;
};
struct ExecMethodResponse {
  OrpcThat orpc;
  InOutInterfacePtr out_params;
  InOutInterfacePtr call_result;
  HResult hresult = kWbemSNoError;
  friend bool operator==(const ExecMethodResponse&, const ExecMethodResponse&) = default;
};

std::vector<uint8_t> Encode(const OpenNamespaceRequest& value);
std::vector<uint8_t> Encode(const OpenNamespaceResponse& value);
std::vector<uint8_t> Encode(const GetObjectRequest& value);
std::vector<uint8_t> Encode(const GetObjectResponse& value);
std::vector<uint8_t> Encode(const PutInstanceRequest& value);
std::vector<uint8_t> Encode(const PutInstanceResponse& value);
std::vector<uint8_t> Encode(const DeleteInstanceRequest& value);
std::vector<uint8_t> Encode(const DeleteInstanceResponse& value);
std::vector<uint8_t> Encode(const CreateInstanceEnumRequest& value);
std::vector<uint8_t> Encode(const CreateInstanceEnumResponse& value);
std::vector<uint8_t> Encode(const ExecQueryRequest& value);
std::vector<uint8_t> Encode(const ExecQueryResponse& value);
std::vector<uint8_t> Encode(const ExecMethodRequest& value);
std::vector<uint8_t> Encode(const ExecMethodResponse& value);

Status Decode(std::span<const uint8_t> stub, OpenNamespaceRequest* value);
Status Decode(std::span<const uint8_t> stub, OpenNamespaceResponse* value);
Status Decode(std::span<const uint8_t> stub, GetObjectRequest* value);
Status Decode(std::span<const uint8_t> stub, GetObjectResponse* value);
Status Decode(std::span<const uint8_t> stub, PutInstanceRequest* value);
Status Decode(std::span<const uint8_t> stub, PutInstanceResponse* value);
Status Decode(std::span<const uint8_t> stub, DeleteInstanceRequest* value);
Status Decode(std::span<const uint8_t> stub, DeleteInstanceResponse* value);
Status Decode(std::span<const uint8_t> stub, CreateInstanceEnumRequest* value);
Status Decode(std::span<const uint8_t> stub, CreateInstanceEnumResponse* value);
Status Decode(std::span<const uint8_t> stub, ExecQueryRequest* value);
Status Decode(std::span<const uint8_t> stub, ExecQueryResponse* value);
Status Decode(std::span<const uint8_t> stub, ExecMethodRequest* value);
Status Decode(std::span<const uint8_t> stub, ExecMethodResponse* value);

}  // namespace cimulate::wmi

#endif  // CIMULATE_WMI_SERVICES_STUBS_H_
