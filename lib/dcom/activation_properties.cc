#include "dcom/activation_properties.h"

#include <string>

#include "dcom/activation_blob.h"
#include "dcom/guids.h"

namespace cimulate::dcom {

using dcerpc::ErrorCode;

// Every pointee below runs after the callback that wrote its pointer has
// returned (NDR defers it), so pointee lambdas capture by value only.

namespace {

// MAX_REQUESTED_INTERFACES and MAX_REQUESTED_PROTSEQS (MS-DCOM 2.2.28.1).
constexpr uint32_t kMaxRequestedInterfaces = 0x8000;
constexpr uint32_t kMaxRequestedProtseqs = 0x8000;

bool ReadCountedArrayHeader(NdrReader& in, uint32_t expected, size_t element_size,
                            const char* what) {
  uint32_t max_count = 0;
  if (!in.MaxCount(&max_count, element_size)) return false;
  if (max_count != expected) {
    return in.Fail(ErrorCode::kMalformed, std::string(what) + " array size differs from its count");
  }
  return true;
}

void WriteGuidArray(NdrWriter& out, const std::vector<Guid>* guids) {
  out.Pointer(PointerKind::kUnique, true, [guids](NdrWriter& a) {
    a.MaxCount(static_cast<uint32_t>(guids->size()));
    for (const Guid& guid : *guids) a.WriteGuid(guid);
  });
}

bool ReadGuidArray(NdrReader& in, uint32_t count, std::vector<Guid>* guids, const char* what) {
  bool present = false;
  in.Pointer(PointerKind::kUnique, &present, [count, guids, what](NdrReader& a) {
    if (!ReadCountedArrayHeader(a, count, Guid::kWireSize, what)) return;
    guids->resize(count);
    for (Guid& guid : *guids) a.ReadGuid(&guid);
  });
  if (in.ok() && !present && count != 0) {
    return in.Fail(ErrorCode::kMalformed, std::string(what) + " is NULL");
  }
  return in.ok();
}

// --- InstantiationInfoData (MS-DCOM 2.2.22.2.1) ---

std::vector<uint8_t> EncodeInstantiationInfo(const InstantiationInfo& v) {
  NdrWriter w;
  w.Constructed([&v](NdrWriter& s) {
    s.WriteGuid(v.clsid);
    s.U32(v.class_context);
    s.U32(v.activation_flags);
    s.I32(v.is_surrogate);
    s.U32(static_cast<uint32_t>(v.iids.size()));
    s.U32(v.instance_flag);
    WriteGuidArray(s, &v.iids);
    s.U32(v.this_size);
    s.U16(v.client_version.major);
    s.U16(v.client_version.minor);
  });
  return w.Finish();
}

bool ReadInstantiationInfo(NdrReader& in, InstantiationInfo* v) {
  uint32_t count = 0;
  in.Constructed([&](NdrReader& s) {
    s.ReadGuid(&v->clsid);
    s.U32(&v->class_context);
    s.U32(&v->activation_flags);
    s.I32(&v->is_surrogate);
    s.U32(&count);
    s.U32(&v->instance_flag);
    if (s.ok() && (count == 0 || count > kMaxRequestedInterfaces)) {
      s.Fail(ErrorCode::kLimitExceeded, "InstantiationInfo cIID " + std::to_string(count));
      return;
    }
    ReadGuidArray(s, count, &v->iids, "InstantiationInfo pIID");
    s.U32(&v->this_size);
    s.U16(&v->client_version.major);
    s.U16(&v->client_version.minor);
  });
  return in.ok();
}

// --- ActivationContextInfoData (2.2.22.2.5) ---

std::vector<uint8_t> EncodeActivationContextInfo(const ActivationContextInfo& v) {
  NdrWriter w;
  w.Constructed([&v](NdrWriter& s) {
    s.I32(v.client_ok);
    s.I32(v.reserved1);
    s.U32(v.reserved2);
    s.U32(v.reserved3);
    WriteInterfacePointer(s, PointerKind::kUnique,
                          v.client_context ? &*v.client_context : nullptr);
    WriteInterfacePointer(s, PointerKind::kUnique,
                          v.prototype_context ? &*v.prototype_context : nullptr);
  });
  return w.Finish();
}

bool ReadActivationContextInfo(NdrReader& in, ActivationContextInfo* v) {
  in.Constructed([v](NdrReader& s) {
    s.I32(&v->client_ok);
    s.I32(&v->reserved1);
    s.U32(&v->reserved2);
    s.U32(&v->reserved3);
    ReadInterfacePointer(s, PointerKind::kUnique, &v->client_context);
    ReadInterfacePointer(s, PointerKind::kUnique, &v->prototype_context);
  });
  return in.ok();
}

// --- LocationInfoData (2.2.22.2.6) ---

std::vector<uint8_t> EncodeServerLocationInfo(const ServerLocationInfo& v) {
  NdrWriter w;
  const ServerLocationInfo* p = &v;
  w.Constructed([p](NdrWriter& s) {
    // Not NdrWriter::UniqueWideString: embedded here, its pointee runs after
    // this callback returns, so the text must be reached through `p`.
    s.Pointer(PointerKind::kUnique, p->machine_name.has_value(),
              [p](NdrWriter& t) { t.WideStringPointee(*p->machine_name); });
    s.U32(p->process_id);
    s.U32(p->apartment_id);
    s.U32(p->context_id);
  });
  return w.Finish();
}

bool ReadServerLocationInfo(NdrReader& in, ServerLocationInfo* v) {
  v->machine_name.reset();
  in.Constructed([v](NdrReader& s) {
    bool present = false;  // see EncodeServerLocationInfo for why not UniqueWideString
    s.Pointer(PointerKind::kUnique, &present, [v](NdrReader& t) {
      t.WideStringPointee(&v->machine_name.emplace());
    });
    s.U32(&v->process_id);
    s.U32(&v->apartment_id);
    s.U32(&v->context_id);
  });
  return in.ok();
}

// --- ScmRequestInfoData (2.2.22.2.7) ---

std::vector<uint8_t> EncodeScmRequestInfo(const ScmRequestInfo& v) {
  NdrWriter w;
  const ScmRequestInfo* p = &v;
  w.Constructed([p](NdrWriter& s) {
    s.Pointer(PointerKind::kUnique, false, {});  // pdwReserved
    s.Pointer(PointerKind::kUnique, true, [p](NdrWriter& r) {
      r.Constructed([p](NdrWriter& request) {
        request.U32(p->client_impersonation_level);
        request.U16(static_cast<uint16_t>(p->protseqs.size()));
        request.Pointer(PointerKind::kUnique, true, [p](NdrWriter& a) {
          a.MaxCount(static_cast<uint32_t>(p->protseqs.size()));
          for (uint16_t protseq : p->protseqs) a.U16(protseq);
        });
      });
    });
  });
  return w.Finish();
}

bool ReadScmRequestInfo(NdrReader& in, ScmRequestInfo* v) {
  bool reserved = false, request = false;
  v->protseqs.clear();
  in.Constructed([&](NdrReader& s) {
    s.Pointer(PointerKind::kUnique, &reserved, [](NdrReader& r) {
      uint32_t ignored = 0;
      r.U32(&ignored);
    });
    s.Pointer(PointerKind::kUnique, &request, [v](NdrReader& r) {
      r.Constructed([v](NdrReader& body) {
        uint16_t count = 0;
        bool present = false;
        body.U32(&v->client_impersonation_level);
        body.U16(&count);
        if (body.ok() && count > kMaxRequestedProtseqs) {
          body.Fail(ErrorCode::kLimitExceeded, "ScmRequestInfo cRequestedProtseqs");
          return;
        }
        body.Pointer(PointerKind::kUnique, &present, [v, count](NdrReader& a) {
          if (!ReadCountedArrayHeader(a, count, 2, "pRequestedProtseqs")) return;
          v->protseqs.resize(count);
          for (uint16_t& protseq : v->protseqs) a.U16(&protseq);
        });
      });
    });
  });
  if (in.ok() && !request) return in.Fail(ErrorCode::kMalformed, "ScmRequestInfo without remoteRequest");
  return in.ok();
}

// --- SpecialPropertiesData (2.2.22.2.2) ---

std::vector<uint8_t> EncodeSpecialProperties(const SpecialProperties& v) {
  NdrWriter w;
  w.Constructed([&v](NdrWriter& s) {
    s.U32(v.session_id);
    s.I32(v.remote_this_session_id);
    s.I32(v.client_impersonating);
    s.I32(v.partition_id_present);
    s.U32(v.default_authn_level);
    s.WriteGuid(v.partition);
    s.U32(v.prt_flags);
    s.U32(v.original_class_context);
    s.U32(v.flags);
    s.U32(0);  // Reserved1
    s.U64(0);  // Reserved2
    for (int i = 0; i < 5; ++i) s.U32(0);  // Reserved3[5]
  });
  return w.Finish();
}

// The reserved tail is not read: impacket lays it out differently (40 bytes
// instead of 36) and nothing in it has a meaning.
bool ReadSpecialProperties(NdrReader& in, SpecialProperties* v) {
  in.U32(&v->session_id);
  in.I32(&v->remote_this_session_id);
  in.I32(&v->client_impersonating);
  in.I32(&v->partition_id_present);
  in.U32(&v->default_authn_level);
  in.ReadGuid(&v->partition);
  in.U32(&v->prt_flags);
  in.U32(&v->original_class_context);
  in.U32(&v->flags);
  return in.ok();
}

// --- PropsOutInfo (2.2.22.2.9) ---

std::vector<uint8_t> EncodePropsOutInfo(const PropsOutInfo& v) {
  NdrWriter w;
  const PropsOutInfo* p = &v;
  w.Constructed([p](NdrWriter& s) {
    const auto count = static_cast<uint32_t>(p->iids.size());
    s.U32(count);
    WriteGuidArray(s, &p->iids);
    s.Pointer(PointerKind::kUnique, true, [p, count](NdrWriter& a) {
      a.MaxCount(count);
      for (uint32_t i = 0; i < count; ++i) a.I32(i < p->hresults.size() ? p->hresults[i] : 0);
    });
    s.Pointer(PointerKind::kUnique, true, [p, count](NdrWriter& a) {
      a.Constructed([p, count](NdrWriter& array) {
        array.MaxCount(count);
        for (uint32_t i = 0; i < count; ++i) {
          const bool present = i < p->interfaces.size() && p->interfaces[i].has_value();
          WriteInterfacePointer(array, PointerKind::kUnique,
                                present ? &*p->interfaces[i] : nullptr);
        }
      });
    });
  });
  return w.Finish();
}

bool ReadPropsOutInfo(NdrReader& in, PropsOutInfo* v) {
  in.Constructed([v](NdrReader& s) {
    uint32_t count = 0;
    if (!s.U32(&count)) return;
    if (count == 0 || count > kMaxRequestedInterfaces) {
      s.Fail(ErrorCode::kLimitExceeded, "PropsOutInfo cIfs " + std::to_string(count));
      return;
    }
    ReadGuidArray(s, count, &v->iids, "PropsOutInfo piid");
    bool present = false;
    s.Pointer(PointerKind::kUnique, &present, [v, count](NdrReader& a) {
      if (!ReadCountedArrayHeader(a, count, 4, "PropsOutInfo phresults")) return;
      v->hresults.resize(count);
      for (int32_t& hresult : v->hresults) a.I32(&hresult);
    });
    s.Pointer(PointerKind::kUnique, &present, [v, count](NdrReader& a) {
      a.Constructed([v, count](NdrReader& array) {
        if (!ReadCountedArrayHeader(array, count, 4, "PropsOutInfo ppIntfData")) return;
        // Sized before the pointees run so their element addresses stay put.
        v->interfaces.resize(count);
        for (uint32_t i = 0; i < count && array.ok(); ++i) {
          ReadInterfacePointer(array, PointerKind::kUnique, &v->interfaces[i]);
        }
      });
    });
  });
  return in.ok();
}

// --- ScmReplyInfo (2.2.22.2.8) ---

std::vector<uint8_t> EncodeScmReplyInfo(const ScmReplyInfo& v) {
  NdrWriter w;
  const ScmReplyInfo* p = &v;
  w.Constructed([p](NdrWriter& s) {
    s.Pointer(PointerKind::kUnique, false, {});  // pdwReserved
    s.Pointer(PointerKind::kUnique, true, [p](NdrWriter& r) {
      r.Constructed([p](NdrWriter& reply) {
        reply.U64(p->oxid);
        reply.Pointer(PointerKind::kUnique, p->oxid_bindings.has_value(),
                      [p](NdrWriter& d) { WriteDualStringArrayNdr(d, *p->oxid_bindings); });
        reply.WriteGuid(p->ipid_rem_unknown);
        reply.U32(p->authn_hint);
        reply.U16(p->server_version.major);
        reply.U16(p->server_version.minor);
      });
    });
  });
  return w.Finish();
}

bool ReadScmReplyInfo(NdrReader& in, ScmReplyInfo* v) {
  bool reserved = false, reply = false;
  in.Constructed([&](NdrReader& s) {
    s.Pointer(PointerKind::kUnique, &reserved, [](NdrReader& r) {
      uint32_t ignored = 0;
      r.U32(&ignored);
    });
    s.Pointer(PointerKind::kUnique, &reply, [v](NdrReader& r) {
      r.Constructed([v](NdrReader& body) {
        bool bindings = false;
        body.U64(&v->oxid);
        body.Pointer(PointerKind::kUnique, &bindings, [v](NdrReader& d) {
          v->oxid_bindings.emplace();
          ReadDualStringArrayNdr(d, &*v->oxid_bindings);
        });
        body.ReadGuid(&v->ipid_rem_unknown);
        body.U32(&v->authn_hint);
        body.U16(&v->server_version.major);
        body.U16(&v->server_version.minor);
      });
    });
  });
  if (in.ok() && !reply) return in.Fail(ErrorCode::kMalformed, "ScmReplyInfo without remoteReply");
  return in.ok();
}

// Runs `read` over one property's NDR and turns its reader state into a
// Status naming the property.
template <typename T, typename Reader>
dcerpc::Status ReadProperty(const ActivationProperty& property, const char* name, T* out,
                            Reader read) {
  NdrReader in(property.ndr);
  if (read(in, out)) return dcerpc::Status::Ok();
  return dcerpc::Status(in.status().code(), std::string(name) + ": " + in.status().message());
}

std::vector<uint8_t> WrapObjRef(const Guid& iid, const Guid& clsid, const ActivationBlob& blob) {
  return EncodeObjRef(CustomObjRef(iid, clsid, EncodeActivationBlob(blob)));
}

dcerpc::Status UnwrapObjRef(std::span<const uint8_t> bytes, const Guid& clsid,
                            ActivationBlob* blob) {
  ObjRef ref;
  dcerpc::Status status = DecodeObjRef(bytes, &ref);
  if (!status.ok()) return status;
  if (ref.flags != kObjRefCustom || ref.clsid != clsid) {
    return dcerpc::Status(ErrorCode::kMalformed,
                          "activation properties are not an OBJREF_CUSTOM of " + clsid.ToString());
  }
  return DecodeActivationBlob(ref.object_data, blob);
}

}  // namespace

std::vector<uint8_t> EncodeActivationPropertiesIn(const ActivationPropertiesIn& value) {
  ActivationBlob blob;
  blob.dest_context = value.dest_context;
  // Windows sends the special properties first; impacket omits them.
  if (value.special) {
    blob.properties.push_back({kClsidSpecialSystemProperties, EncodeSpecialProperties(*value.special)});
  }
  blob.properties.push_back({kClsidInstantiationInfo, EncodeInstantiationInfo(value.instantiation)});
  if (value.context) {
    blob.properties.push_back({kClsidActivationContextInfo, EncodeActivationContextInfo(*value.context)});
  }
  if (value.location) {
    blob.properties.push_back({kClsidServerLocationInfo, EncodeServerLocationInfo(*value.location)});
  }
  if (value.scm_request) {
    blob.properties.push_back({kClsidScmRequestInfo, EncodeScmRequestInfo(*value.scm_request)});
  }
  return WrapObjRef(kIidIActivationPropertiesIn, kClsidActivationPropertiesIn, blob);
}

dcerpc::Status DecodeActivationPropertiesIn(std::span<const uint8_t> objref,
                                            ActivationPropertiesIn* value) {
  *value = {};
  ActivationBlob blob;
  dcerpc::Status status = UnwrapObjRef(objref, kClsidActivationPropertiesIn, &blob);
  if (!status.ok()) return status;
  value->dest_context = blob.dest_context;
  bool have_instantiation = false;
  for (const auto& property : blob.properties) {
    if (property.clsid == kClsidInstantiationInfo) {
      have_instantiation = true;
      status = ReadProperty(property, "InstantiationInfo", &value->instantiation,
                            ReadInstantiationInfo);
    } else if (property.clsid == kClsidActivationContextInfo) {
      status = ReadProperty(property, "ActivationContextInfo", &value->context.emplace(),
                            ReadActivationContextInfo);
    } else if (property.clsid == kClsidServerLocationInfo) {
      status = ReadProperty(property, "ServerLocationInfo", &value->location.emplace(),
                            ReadServerLocationInfo);
    } else if (property.clsid == kClsidScmRequestInfo) {
      status = ReadProperty(property, "ScmRequestInfo", &value->scm_request.emplace(),
                            ReadScmRequestInfo);
    } else if (property.clsid == kClsidSpecialSystemProperties) {
      status = ReadProperty(property, "SpecialPropertiesData", &value->special.emplace(),
                            ReadSpecialProperties);
    } else {
      value->skipped.push_back(property.clsid);
    }
    if (!status.ok()) return status;
  }
  if (!have_instantiation) {
    return dcerpc::Status(ErrorCode::kMalformed, "ActivationPropertiesIn without InstantiationInfo");
  }
  return dcerpc::Status::Ok();
}

std::vector<uint8_t> EncodeActivationPropertiesOut(const ActivationPropertiesOut& value) {
  ActivationBlob blob;
  blob.dest_context = value.dest_context;
  // impacket reads these two by position, so the order is fixed.
  blob.properties.push_back({kClsidPropsOutInfo, EncodePropsOutInfo(value.props_out)});
  blob.properties.push_back({kClsidScmReplyInfo, EncodeScmReplyInfo(value.scm_reply)});
  return WrapObjRef(kIidIActivationPropertiesOut, kClsidActivationPropertiesOut, blob);
}

dcerpc::Status DecodeActivationPropertiesOut(std::span<const uint8_t> objref,
                                             ActivationPropertiesOut* value) {
  *value = {};
  ActivationBlob blob;
  dcerpc::Status status = UnwrapObjRef(objref, kClsidActivationPropertiesOut, &blob);
  if (!status.ok()) return status;
  value->dest_context = blob.dest_context;
  bool have_props = false, have_reply = false;
  for (const auto& property : blob.properties) {
    if (property.clsid == kClsidPropsOutInfo) {
      have_props = true;
      status = ReadProperty(property, "PropsOutInfo", &value->props_out, ReadPropsOutInfo);
    } else if (property.clsid == kClsidScmReplyInfo) {
      have_reply = true;
      status = ReadProperty(property, "ScmReplyInfo", &value->scm_reply, ReadScmReplyInfo);
    }
    if (!status.ok()) return status;
  }
  if (!have_props || !have_reply) {
    return dcerpc::Status(ErrorCode::kMalformed,
                          "ActivationPropertiesOut lacks PropsOutInfo or ScmReplyInfo");
  }
  return dcerpc::Status::Ok();
}

}  // namespace cimulate::dcom
