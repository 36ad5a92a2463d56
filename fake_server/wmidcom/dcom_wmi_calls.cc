// DcomServer: the IWbemServices and IEnumWbemClassObject calls.
#include <cstdio>

#include "dcom/objref.h"
#include "wmi/enum_stubs.h"
#include "wmi/services_stubs.h"
#include "wmi/wmi_ids.h"
#include "wmidcom/dcom_server.h"
#include "wmidcom/enumerator.h"
#include "wmi/wbem_status.h"
#include "wmidcom/wmio_mapping.h"
#include "wmio/codec.h"

namespace cimulate::fake::wmidcom {
namespace {

constexpr std::uint32_t kNcaOpRangeError = 0x1C010002;
constexpr std::uint32_t kNcaFaultNdr = 0x000006F7;
constexpr std::int32_t kWbemFlagShallow = 0x1;

std::string HexOf(std::uint32_t value) {
  char text[16];
  std::snprintf(text, sizeof(text), "0x%08X", value);
  return text;
}

std::string NarrowText(const std::optional<std::u16string>& text) {
  std::string out;
  if (!text) return out;
  for (char16_t c : *text) out.push_back(c < 0x80 ? static_cast<char>(c) : '?');
  return out;
}

const char* ServicesMethodName(std::uint16_t opnum) {
  switch (opnum) {
    case wmi::services_op::kGetObject: return "GetObject";
    case wmi::services_op::kDeleteInstance: return "DeleteInstance";
    case wmi::services_op::kPutInstance: return "PutInstance";
    case wmi::services_op::kCreateInstanceEnum: return "CreateInstanceEnum";
    case wmi::services_op::kExecQuery: return "ExecQuery";
    default: return nullptr;
  }
}

WmiStore::PutMode PutModeOf(std::int32_t flags) {
  if ((flags & wmi::kWbemFlagCreateOnly) != 0) return WmiStore::PutMode::kCreateOnly;
  if ((flags & wmi::kWbemFlagUpdateOnly) != 0) return WmiStore::PutMode::kUpdateOnly;
  return WmiStore::PutMode::kCreateOrUpdate;
}

// PutInstance's object as a scenario instance; returns the class name for
// the journal and the fault book, and sets *error when the object is unusable.
std::string PutInstanceText(const scenario::DataSet& data, const std::string& name_space,
                            const wmi::PutInstanceRequest& put, scenario::InstanceValue* value, std::string* error) {
  dcom::ObjRef ref;
  wmio::Object object;
  if (!put.instance || !dcom::DecodeObjRef(put.instance->data, &ref).ok() ||
      !wmio::DecodeEncodingUnit(ref.object_data, &object).ok() || !object.is_instance()) {
    *error = "not an MS-WMIO instance";
    return "";
  }
  InstanceFromWmio(data, name_space, *object.instance, value, error);
  return object.instance->class_name();
}

// A stall longer than a Next's lTimeout (WBEM_INFINITE is -1) ends in a timeout reply.
bool TimesOutFirst(std::int32_t timeout_ms, const PduAction& action) {
  return action.kind == PduAction::Kind::kStall && timeout_ms >= 0 &&
         (action.ms == 0 || static_cast<std::uint32_t>(timeout_ms) < action.ms);
}

}  // namespace

DcomReply DcomServer::ServicesCall(const DcomCall& call, const ServicesObject& services, const std::string& user) {
  const rpc::CallContext& ctx = *call.rpc;
  const char* method = ServicesMethodName(ctx.opnum);
  CallFacts facts{"IWbemServices", method ? method : "opnum " + std::to_string(ctx.opnum), services.name_space, "",
                  user};
  if (method == nullptr) {
    Record(call, facts, "fault nca_s_op_rng_error");
    return DcomReply{rpc::CallReply::Fault(kNcaOpRangeError), {}};
  }
  // Decode first, so the fault book sees the query or path.
  wmi::GetObjectRequest get;
  wmi::DeleteInstanceRequest del;
  wmi::CreateInstanceEnumRequest cie;
  wmi::ExecQueryRequest query;
  wmi::PutInstanceRequest put;
  scenario::InstanceValue put_value;
  std::string put_error;
  bool decoded = false;
  switch (ctx.opnum) {
    case wmi::services_op::kGetObject: decoded = wmi::Decode(ctx.stub, &get).ok(); facts.text = NarrowText(get.object_path); break;
    case wmi::services_op::kDeleteInstance: decoded = wmi::Decode(ctx.stub, &del).ok(); facts.text = NarrowText(del.object_path); break;
    case wmi::services_op::kCreateInstanceEnum: decoded = wmi::Decode(ctx.stub, &cie).ok(); facts.text = NarrowText(cie.class_name); break;
    case wmi::services_op::kExecQuery: decoded = wmi::Decode(ctx.stub, &query).ok(); facts.text = NarrowText(query.query); break;
    case wmi::services_op::kPutInstance:
      decoded = wmi::Decode(ctx.stub, &put).ok();
      if (decoded) facts.text = PutInstanceText(data_, services.name_space, put, &put_value, &put_error);
      break;
  }
  if (!decoded) {
    Record(call, facts, "fault nca_s_fault_ndr");
    return DcomReply{rpc::CallReply::Fault(kNcaFaultNdr), {}};
  }
  DcomReply out;
  std::optional<std::uint32_t> scripted;
  if (Faulted(facts, &out, &scripted)) {
    Record(call, facts, out.reply.fault ? "fault " + HexOf(*out.reply.fault) : "transport " + out.action.detail);
    return out;
  }
  const std::string& ns = services.name_space;
  std::vector<std::uint8_t> stub;
  std::uint32_t hresult = wmi::kWbemSNoError;
  if (ctx.opnum == wmi::services_op::kGetObject) {
    wmi::GetObjectResponse response;
    WmiObject object;
    hresult = scripted ? *scripted : store_.GetObject(ns, facts.text, &object);
    std::string error;
    if (hresult == wmi::kWbemSNoError) {
      std::vector<std::uint8_t> pointer = ObjectPointer(object, &error);
      if (pointer.empty()) hresult = wmi::kWbemEFailed;
      else response.object = wmi::InOutInterfacePtr::Requested(dcom::MInterfacePointer{std::move(pointer)});
    }
    if (hresult != wmi::kWbemSNoError) response.object = wmi::InOutInterfacePtr::Requested();
    response.hresult = hresult;
    stub = wmi::Encode(response);
  } else if (ctx.opnum == wmi::services_op::kPutInstance) {
    wmi::PutInstanceResponse response;
    if (scripted) hresult = *scripted;
    else if (!put_error.empty()) hresult = wmi::kWbemEInvalidParameter;
    else hresult = store_.PutInstance(put_value, PutModeOf(put.flags));
    response.hresult = hresult;
    stub = wmi::Encode(response);
  } else if (ctx.opnum == wmi::services_op::kDeleteInstance) {
    wmi::DeleteInstanceResponse response;
    hresult = scripted ? *scripted : store_.DeleteInstance(ns, facts.text);
    response.hresult = hresult;
    stub = wmi::Encode(response);
  } else {
    std::vector<WmiObject> objects;
    if (scripted) {
      hresult = *scripted;
    } else if (ctx.opnum == wmi::services_op::kExecQuery) {
      hresult = store_.ExecQuery(ns, NarrowText(query.query_language), facts.text, &objects);
    } else {
      hresult = store_.CreateInstanceEnum(ns, facts.text, (cie.flags & kWbemFlagShallow) != 0, &objects);
    }
    wmi::InterfacePtr enumerator;
    if (hresult == wmi::kWbemSNoError) {
      auto e = std::make_shared<EnumObject>(ns, std::make_unique<Enumerator>(std::move(objects)));
      enumerator = dcom::MInterfacePointer{Export(wmi::kIidIEnumWbemClassObject, e, *call.connection)};
    }
    if (ctx.opnum == wmi::services_op::kExecQuery) {
      stub = wmi::Encode(wmi::ExecQueryResponse{{}, enumerator, hresult});
    } else {
      stub = wmi::Encode(wmi::CreateInstanceEnumResponse{{}, enumerator, hresult});
    }
  }
  Record(call, facts, HexOf(hresult));
  return DcomReply{rpc::CallReply::Stub(std::move(stub)), {}};
}

DcomReply DcomServer::EnumCall(const DcomCall& call, EnumObject& enumerator, const std::string& user) {
  const rpc::CallContext& ctx = *call.rpc;
  CallFacts facts{"IEnumWbemClassObject", "", enumerator.name_space, "", user};
  switch (ctx.opnum) {
    case wmi::enum_op::kReset: facts.method = "Reset"; break;
    case wmi::enum_op::kNext: facts.method = "Next"; break;
    case wmi::enum_op::kClone: facts.method = "Clone"; break;
    case wmi::enum_op::kSkip: facts.method = "Skip"; break;
    default:
      facts.method = "opnum " + std::to_string(ctx.opnum);
      Record(call, facts, "fault nca_s_op_rng_error");
      return DcomReply{rpc::CallReply::Fault(kNcaOpRangeError), {}};
  }
  wmi::NextRequest next;
  wmi::SkipRequest skip;
  bool decoded = true;
  if (ctx.opnum == wmi::enum_op::kNext) decoded = wmi::Decode(ctx.stub, &next).ok();
  if (ctx.opnum == wmi::enum_op::kSkip) decoded = wmi::Decode(ctx.stub, &skip).ok();
  if (!decoded) {
    Record(call, facts, "fault nca_s_fault_ndr");
    return DcomReply{rpc::CallReply::Fault(kNcaFaultNdr), {}};
  }
  DcomReply out;
  std::optional<std::uint32_t> scripted;
  if (Faulted(facts, &out, &scripted)) {
    if (ctx.opnum == wmi::enum_op::kNext && TimesOutFirst(next.timeout, out.action)) {
      // The objects are "not ready" for longer than the client will wait:
      // after lTimeout it gets none and WBEM_S_TIMEDOUT, as Windows answers.
      out.action = PduAction{PduAction::Kind::kDelay, static_cast<std::uint32_t>(next.timeout), 0, out.action.detail};
      out.reply = rpc::CallReply::Stub(wmi::Encode(wmi::NextResponse{{}, next.count, {}, wmi::kWbemSTimedOut}));
      Record(call, facts, HexOf(wmi::kWbemSTimedOut) + " after " + std::to_string(next.timeout) + " ms");
      return out;
    }
    Record(call, facts, out.reply.fault ? "fault " + HexOf(*out.reply.fault) : "transport " + out.action.detail);
    return out;
  }
  std::vector<std::uint8_t> stub;
  std::uint32_t hresult = scripted.value_or(wmi::kWbemSNoError);
  Enumerator& e = *enumerator.enumerator;
  if (ctx.opnum == wmi::enum_op::kReset) {
    if (!scripted) e.Reset();
    stub = wmi::Encode(wmi::HResultResponse{{}, hresult});
  } else if (ctx.opnum == wmi::enum_op::kSkip) {
    if (!scripted) hresult = e.Skip(skip.count);
    stub = wmi::Encode(wmi::HResultResponse{{}, hresult});
  } else if (ctx.opnum == wmi::enum_op::kClone) {
    wmi::InterfacePtr clone;
    if (!scripted) {
      auto c = std::make_shared<EnumObject>(enumerator.name_space, e.Clone());
      clone = dcom::MInterfacePointer{Export(wmi::kIidIEnumWbemClassObject, c, *call.connection)};
    }
    stub = wmi::Encode(wmi::CloneResponse{{}, clone, hresult});
  } else {
    wmi::NextResponse response;
    response.max_count = next.count;
    // Bounded: a client asking for 2^32 objects gets what there is, in replies the stub layer can hold.
    std::uint32_t count = std::min<std::uint32_t>(next.count, wmi::kMaxNextObjects);
    facts.text = "count " + std::to_string(next.count);
    std::vector<WmiObject> objects;
    if (!scripted) hresult = e.Next(count, &objects);
    for (const WmiObject& object : objects) {
      std::string error;
      std::vector<std::uint8_t> pointer = ObjectPointer(object, &error);
      if (pointer.empty()) {
        hresult = wmi::kWbemEFailed;
        break;
      }
      response.objects.push_back(dcom::MInterfacePointer{std::move(pointer)});
    }
    if (hresult != wmi::kWbemSNoError && hresult != wmi::kWbemSFalse) response.objects.clear();
    response.hresult = hresult;
    stub = wmi::Encode(response);
  }
  Record(call, facts, HexOf(hresult));
  return DcomReply{rpc::CallReply::Stub(std::move(stub)), {}};
}

}  // namespace cimulate::fake::wmidcom
