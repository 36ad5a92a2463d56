#include "wmi/services_stubs.h"

namespace cimulate::wmi {
namespace {

void WriteBstr(NdrWriter& out, const Bstr& text) {
  out.Bstr(text ? std::optional<std::u16string_view>(*text) : std::nullopt);
}

// The reply shape shared by PutInstance and DeleteInstance.
template <typename Response>
std::vector<uint8_t> EncodeCallResultOnly(const Response& value) {
  NdrWriter out;
  dcom::WriteOrpcThat(out, value.orpc);
  WriteInOutInterfacePtr(out, value.call_result);
  out.U32(value.hresult);
  return out.Finish();
}

template <typename Response>
Status DecodeCallResultOnly(std::span<const uint8_t> stub, Response* value,
                            std::string_view call) {
  NdrReader in(stub);
  *value = {};
  dcom::ReadOrpcThat(in, &value->orpc);
  ReadInOutInterfacePtr(in, &value->call_result);
  ReadHResult(in, &value->hresult);
  return FinishResponse(in, call);
}

// The reply shape shared by CreateInstanceEnum and ExecQuery.
template <typename Response>
std::vector<uint8_t> EncodeEnumerator(const Response& value) {
  NdrWriter out;
  dcom::WriteOrpcThat(out, value.orpc);
  WriteInterfacePtr(out, value.enumerator);
  out.U32(value.hresult);
  return out.Finish();
}

template <typename Response>
Status DecodeEnumerator(std::span<const uint8_t> stub, Response* value, std::string_view call) {
  NdrReader in(stub);
  *value = {};
  dcom::ReadOrpcThat(in, &value->orpc);
  ReadInterfacePtr(in, &value->enumerator);
  ReadHResult(in, &value->hresult);
  return FinishResponse(in, call);
}

}  // namespace

// OpenNamespace

std::vector<uint8_t> Encode(const OpenNamespaceRequest& value) {
  NdrWriter out;
  dcom::WriteOrpcThis(out, value.orpc);
  WriteBstr(out, value.name);
  out.I32(value.flags);
  WriteInterfacePtr(out, value.context);
  WriteInOutInterfacePtr(out, value.working_namespace);
  WriteInOutInterfacePtr(out, value.call_result);
  return out.Finish();
}

Status Decode(std::span<const uint8_t> stub, OpenNamespaceRequest* value) {
  NdrReader in(stub);
  *value = {};
  dcom::ReadOrpcThis(in, &value->orpc);
  in.Bstr(&value->name);
  in.I32(&value->flags);
  ReadInterfacePtr(in, &value->context);
  ReadInOutInterfacePtr(in, &value->working_namespace);
  ReadInOutInterfacePtr(in, &value->call_result);
  return FinishRequest(in, "OpenNamespace");
}

std::vector<uint8_t> Encode(const OpenNamespaceResponse& value) {
  NdrWriter out;
  dcom::WriteOrpcThat(out, value.orpc);
  WriteInOutInterfacePtr(out, value.working_namespace);
  WriteInOutInterfacePtr(out, value.call_result);
  out.U32(value.hresult);
  return out.Finish();
}

Status Decode(std::span<const uint8_t> stub, OpenNamespaceResponse* value) {
  NdrReader in(stub);
  *value = {};
  dcom::ReadOrpcThat(in, &value->orpc);
  ReadInOutInterfacePtr(in, &value->working_namespace);
  ReadInOutInterfacePtr(in, &value->call_result);
  ReadHResult(in, &value->hresult);
  return FinishResponse(in, "OpenNamespace");
}

// GetObject

std::vector<uint8_t> Encode(const GetObjectRequest& value) {
  NdrWriter out;
  dcom::WriteOrpcThis(out, value.orpc);
  WriteBstr(out, value.object_path);
  out.I32(value.flags);
  WriteInterfacePtr(out, value.context);
  WriteInOutInterfacePtr(out, value.object);
  WriteInOutInterfacePtr(out, value.call_result);
  return out.Finish();
}

Status Decode(std::span<const uint8_t> stub, GetObjectRequest* value) {
  NdrReader in(stub);
  *value = {};
  dcom::ReadOrpcThis(in, &value->orpc);
  in.Bstr(&value->object_path);
  in.I32(&value->flags);
  ReadInterfacePtr(in, &value->context);
  ReadInOutInterfacePtr(in, &value->object);
  ReadInOutInterfacePtr(in, &value->call_result);
  return FinishRequest(in, "GetObject");
}

std::vector<uint8_t> Encode(const GetObjectResponse& value) {
  NdrWriter out;
  dcom::WriteOrpcThat(out, value.orpc);
  WriteInOutInterfacePtr(out, value.object);
  WriteInOutInterfacePtr(out, value.call_result);
  out.U32(value.hresult);
  return out.Finish();
}

Status Decode(std::span<const uint8_t> stub, GetObjectResponse* value) {
  NdrReader in(stub);
  *value = {};
  dcom::ReadOrpcThat(in, &value->orpc);
  ReadInOutInterfacePtr(in, &value->object);
  ReadInOutInterfacePtr(in, &value->call_result);
  ReadHResult(in, &value->hresult);
  return FinishResponse(in, "GetObject");
}

// PutInstance

std::vector<uint8_t> Encode(const PutInstanceRequest& value) {
  NdrWriter out;
  dcom::WriteOrpcThis(out, value.orpc);
  WriteInterfacePtr(out, value.instance);
  out.I32(value.flags);
  WriteInterfacePtr(out, value.context);
  WriteInOutInterfacePtr(out, value.call_result);
  return out.Finish();
}

Status Decode(std::span<const uint8_t> stub, PutInstanceRequest* value) {
  NdrReader in(stub);
  *value = {};
  dcom::ReadOrpcThis(in, &value->orpc);
  ReadInterfacePtr(in, &value->instance);
  in.I32(&value->flags);
  ReadInterfacePtr(in, &value->context);
  ReadInOutInterfacePtr(in, &value->call_result);
  return FinishRequest(in, "PutInstance");
}

std::vector<uint8_t> Encode(const PutInstanceResponse& value) {
  return EncodeCallResultOnly(value);
}

Status Decode(std::span<const uint8_t> stub, PutInstanceResponse* value) {
  return DecodeCallResultOnly(stub, value, "PutInstance");
}

// DeleteInstance

std::vector<uint8_t> Encode(const DeleteInstanceRequest& value) {
  NdrWriter out;
  dcom::WriteOrpcThis(out, value.orpc);
  WriteBstr(out, value.object_path);
  out.I32(value.flags);
  WriteInterfacePtr(out, value.context);
  WriteInOutInterfacePtr(out, value.call_result);
  return out.Finish();
}

Status Decode(std::span<const uint8_t> stub, DeleteInstanceRequest* value) {
  NdrReader in(stub);
  *value = {};
  dcom::ReadOrpcThis(in, &value->orpc);
  in.Bstr(&value->object_path);
  in.I32(&value->flags);
  ReadInterfacePtr(in, &value->context);
  ReadInOutInterfacePtr(in, &value->call_result);
  return FinishRequest(in, "DeleteInstance");
}

std::vector<uint8_t> Encode(const DeleteInstanceResponse& value) {
  return EncodeCallResultOnly(value);
}

Status Decode(std::span<const uint8_t> stub, DeleteInstanceResponse* value) {
  return DecodeCallResultOnly(stub, value, "DeleteInstance");
}

// CreateInstanceEnum

std::vector<uint8_t> Encode(const CreateInstanceEnumRequest& value) {
  NdrWriter out;
  dcom::WriteOrpcThis(out, value.orpc);
  WriteBstr(out, value.class_name);
  out.I32(value.flags);
  WriteInterfacePtr(out, value.context);
  return out.Finish();
}

Status Decode(std::span<const uint8_t> stub, CreateInstanceEnumRequest* value) {
  NdrReader in(stub);
  *value = {};
  dcom::ReadOrpcThis(in, &value->orpc);
  in.Bstr(&value->class_name);
  in.I32(&value->flags);
  ReadInterfacePtr(in, &value->context);
  return FinishRequest(in, "CreateInstanceEnum");
}

std::vector<uint8_t> Encode(const CreateInstanceEnumResponse& value) {
  return EncodeEnumerator(value);
}

Status Decode(std::span<const uint8_t> stub, CreateInstanceEnumResponse* value) {
  return DecodeEnumerator(stub, value, "CreateInstanceEnum");
}

// ExecQuery

std::vector<uint8_t> Encode(const ExecQueryRequest& value) {
  NdrWriter out;
  dcom::WriteOrpcThis(out, value.orpc);
  WriteBstr(out, value.query_language);
  WriteBstr(out, value.query);
  out.I32(value.flags);
  WriteInterfacePtr(out, value.context);
  return out.Finish();
}

Status Decode(std::span<const uint8_t> stub, ExecQueryRequest* value) {
  NdrReader in(stub);
  *value = {};
  dcom::ReadOrpcThis(in, &value->orpc);
  in.Bstr(&value->query_language);
  in.Bstr(&value->query);
  in.I32(&value->flags);
  ReadInterfacePtr(in, &value->context);
  return FinishRequest(in, "ExecQuery");
}

std::vector<uint8_t> Encode(const ExecQueryResponse& value) { return EncodeEnumerator(value); }

Status Decode(std::span<const uint8_t> stub, ExecQueryResponse* value) {
  return DecodeEnumerator(stub, value, "ExecQuery");
}

// ExecMethod

std::vector<uint8_t> Encode(const ExecMethodRequest& value) {
  NdrWriter out;
  dcom::WriteOrpcThis(out, value.orpc);
  WriteBstr(out, value.object_path);
  WriteBstr(out, value.method_name);
  out.I32(value.flags);
  WriteInterfacePtr(out, value.context);
  WriteInterfacePtr(out, value.in_params);
  WriteInOutInterfacePtr(out, value.out_params);
  WriteInOutInterfacePtr(out, value.call_result);
  return out.Finish();
}

Status Decode(std::span<const uint8_t> stub, ExecMethodRequest* value) {
  NdrReader in(stub);
  *value = {};
  dcom::ReadOrpcThis(in, &value->orpc);
  in.Bstr(&value->object_path);
  in.Bstr(&value->method_name);
  in.I32(&value->flags);
  ReadInterfacePtr(in, &value->context);
  ReadInterfacePtr(in, &value->in_params);
  ReadInOutInterfacePtr(in, &value->out_params);
  ReadInOutInterfacePtr(in, &value->call_result);
  return FinishRequest(in, "ExecMethod");
}

std::vector<uint8_t> Encode(const ExecMethodResponse& value) {
  NdrWriter out;
  dcom::WriteOrpcThat(out, value.orpc);
  WriteInOutInterfacePtr(out, value.out_params);
  WriteInOutInterfacePtr(out, value.call_result);
  out.U32(value.hresult);
  return out.Finish();
}

Status Decode(std::span<const uint8_t> stub, ExecMethodResponse* value) {
  NdrReader in(stub);
  *value = {};
  dcom::ReadOrpcThat(in, &value->orpc);
  ReadInOutInterfacePtr(in, &value->out_params);
  ReadInOutInterfacePtr(in, &value->call_result);
  ReadHResult(in, &value->hresult);
  return FinishResponse(in, "ExecMethod");
}

}  // namespace cimulate::wmi
