#include "winrm/request_headers.h"

#include <cstdio>
#include <random>

#include "core/value.h"
#include "winrm/session_settings.h"
#include "wsman/cim_xml.h"
#include "wsman/namespaces.h"

namespace cimulate::winrm {
namespace {

const char* XsTypeOf(MI_Type type) {
  switch (type) {
    case MI_BOOLEAN: return "xs:boolean";
    case MI_UINT8: return "xs:unsignedByte";
    case MI_SINT8: return "xs:byte";
    case MI_UINT16: return "xs:unsignedShort";
    case MI_SINT16: return "xs:short";
    case MI_UINT32: return "xs:unsignedInt";
    case MI_SINT32: return "xs:int";
    case MI_UINT64: return "xs:unsignedLong";
    case MI_SINT64: return "xs:long";
    case MI_REAL32: return "xs:float";
    case MI_REAL64: return "xs:double";
    case MI_STRING: return "xs:string";
    default: return "";
  }
}

}  // namespace

std::string NewMessageId() {
  thread_local std::mt19937_64 random{std::random_device{}()};
  std::uint64_t high = random();
  std::uint64_t low = random();
  high = (high & ~0xF000ull) | 0x4000ull;                        // version 4
  low = (low & ~(0xC000ull << 48)) | (0x8000ull << 48);          // RFC 4122 variant
  char text[48];
  std::snprintf(text, sizeof(text), "uuid:%08X-%04X-%04X-%04X-%012llX", static_cast<unsigned>(high >> 32),
                static_cast<unsigned>((high >> 16) & 0xFFFF), static_cast<unsigned>(high & 0xFFFF),
                static_cast<unsigned>(low >> 48), static_cast<unsigned long long>(low & 0xFFFFFFFFFFFFull));
  return text;
}

std::chrono::milliseconds OperationTimeout(const SessionSettings& settings, const core::OptionBag& options) {
  if (auto interval = options.Interval(core::option::kOperationTimeout)) {
    auto ms = IntervalToMilliseconds(*interval);
    if (ms.count() > 0) return ms;
  }
  return settings.timeout;
}

wsman::Status CustomOptions(const core::OptionBag& options, std::vector<wsman::Option>* out) {
  for (const auto& entry : options.entries()) {
    if (!entry->custom) continue;
    if (core::IsArrayType(entry->type) || entry->type == MI_INSTANCE || entry->type == MI_REFERENCE) {
      return wsman::Status(wsman::ErrorCode::kUnsupported,
                           "the custom option '" + entry->name + "' has a type WS-Management options cannot carry");
    }
    wsman::Option option;
    option.name = entry->name;
    option.type = XsTypeOf(entry->type);
    option.must_comply = entry->must_comply;
    wsman::Status s = wsman::FormatScalar(entry->type, entry->value, &option.value);
    if (!s.ok()) return s;
    out->push_back(std::move(option));
  }
  return wsman::Status::Ok();
}

wsman::Message NewRequest(const RequestHeaderValues& values, wsman::MessageKind kind, const ResourceTarget& target) {
  const SessionSettings& settings = *values.settings;
  wsman::Message m;
  m.kind = kind;
  wsman::Headers& h = m.headers;
  h.to = settings.url;
  h.message_id = NewMessageId();
  h.reply_to = wsman::uri::kAnonymous;
  h.resource_uri = target.uri;
  h.selectors = target.selectors;
  h.max_envelope_size = settings.max_envelope_size;
  h.operation_timeout_ms = static_cast<std::uint64_t>(values.timeout.count());
  h.locale = settings.ui_locale;
  h.data_locale = settings.data_locale;
  h.options = values.options;
  return m;
}

}  // namespace cimulate::winrm
