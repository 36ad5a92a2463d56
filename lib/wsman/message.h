// The WS-Management message model shared by the MI client (WINRM protocol
// handler) and the fake endpoint: one struct per SOAP 1.2 envelope, headers
// plus one typed body.
//
// Move-only (bodies own MI instances).  DecodeMessage / EncodeMessage in
// codec.h convert it from and to bytes.

#ifndef CIMULATE_WSMAN_MESSAGE_H_
#define CIMULATE_WSMAN_MESSAGE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/instance.h"
#include "wsman/epr.h"
#include "wsman/fault.h"

namespace cimulate::wsman {

enum class MessageKind {
  kUnknown,  // encoder: not set
  kIdentify,
  kIdentifyResponse,
  kGet,
  kGetResponse,
  kPut,
  kPutResponse,
  kCreate,
  kCreateResponse,
  kDelete,
  kDeleteResponse,
  kEnumerate,
  kEnumerateResponse,
  kPull,
  kPullResponse,
  kRelease,
  kReleaseResponse,
  kInvoke,          // Action <ResourceURI>/<Method>, body <Method>_INPUT
  kInvokeResponse,  // body <Method>_OUTPUT
  kFault,
  kOther,  // any other action (WinRS shell, End): body kept as raw XML only
};

const char* MessageKindName(MessageKind kind);
bool IsRequest(MessageKind kind);

struct Option {
  std::string name;
  std::string type;  // Type attribute ("xs:boolean"), often empty
  std::string value;
  bool must_comply = false;

  bool operator==(const Option&) const = default;
};

// A header the codec does not model, kept so the endpoint can honour
// mustUnderstand or log it.
struct UnknownHeader {
  std::string ns;
  std::string local;
  bool must_understand = false;
  std::string text;
};

struct Headers {
  std::string to;
  std::string action;  // empty: none (Identify)
  // Optional because an empty MessageID (Dell wsl without uuidgen) is not the
  // same as none, and must be echoed as an empty RelatesTo.
  std::optional<std::string> message_id;
  std::optional<std::string> relates_to;
  std::string reply_to;  // a:ReplyTo/a:Address
  std::string resource_uri;
  std::vector<Selector> selectors;
  std::vector<Option> options;
  std::optional<uint32_t> max_envelope_size;
  std::optional<uint64_t> operation_timeout_ms;
  std::optional<std::string> locale;       // w:Locale/@xml:lang
  std::optional<std::string> data_locale;  // p:DataLocale/@xml:lang
  std::optional<std::string> session_id;
  std::optional<std::string> operation_id;
  std::optional<uint64_t> sequence_id;
  std::vector<UnknownHeader> unknown;  // decode only
};

struct IdentifyResponseBody {
  std::string protocol_version;
  std::string product_vendor;
  std::string product_version;
  std::vector<std::string> security_profiles;
};

// Get/Put/Create requests and Get/Put responses: one instance.
struct InstanceBody {
  core::InstancePtr instance;
  std::string resource_uri;  // the instance element's namespace; encoder: ResourceUriOf() when empty
};

struct CreateResponseBody {
  EndpointReference created;  // x:ResourceCreated
};

enum class EnumerationMode { kObjects, kEprs, kObjectsAndEprs };
enum class PolymorphismMode { kUnspecified, kIncludeSubClassProperties, kExcludeSubClassProperties, kNone };

struct AssociationFilter {
  // b:AssociationInstances (the association objects themselves) rather than
  // b:AssociatedInstances (the objects at the other end).
  bool association_instances = false;
  EndpointReference object;  // b:Object
  std::string association_class_name;
  std::string role;
  std::string result_class_name;
  std::string result_role;
};

struct Filter {
  std::string dialect;  // dialect::kWql, kCql, kSelector, kAssociation, or any other
  std::string query;    // WQL / CQL / unknown-dialect text
  std::vector<Selector> selectors;               // selector filter
  std::optional<AssociationFilter> association;  // association filter
};

struct EnumerateBody {
  bool optimize = false;
  std::optional<uint32_t> max_elements;
  EnumerationMode mode = EnumerationMode::kObjects;
  PolymorphismMode polymorphism = PolymorphismMode::kUnspecified;
  std::optional<Filter> filter;
};

// One enumeration item: an object, an EPR, or both (EnumerateObjectAndEPR).
// Written as the bare instance element, a:EndpointReference, or w:Item holding
// both, which is what the three enumeration modes produce.
struct Item {
  core::InstancePtr instance;
  std::string resource_uri;  // instance element namespace
  std::optional<EndpointReference> epr;
};

struct EnumerateResponseBody {
  std::string context;
  std::vector<Item> items;  // written as w:Items when non-empty or `optimized`
  bool optimized = false;   // decode: a w:Items element was present
  bool end_of_sequence = false;
};

struct PullBody {
  std::string context;
  std::optional<uint32_t> max_elements;
  std::optional<uint64_t> max_time_ms;
};

struct PullResponseBody {
  // Omitted on the last batch (Dell wsl pulls while a context is present).
  std::optional<std::string> context;
  std::vector<Item> items;
  bool end_of_sequence = false;
};

struct ReleaseBody {
  std::string context;
};

// <Method>_INPUT / <Method>_OUTPUT.  `parameters` has class name <Method>; the
// output carries ReturnValue as one of its properties.
struct InvokeBody {
  std::string method;
  core::InstancePtr parameters;
  std::string resource_uri;  // the element's namespace; encoder: headers.resource_uri when empty
};

using Body = std::variant<std::monostate, IdentifyResponseBody, InstanceBody, CreateResponseBody, EnumerateBody,
                          EnumerateResponseBody, PullBody, PullResponseBody, ReleaseBody, InvokeBody, Fault>;

struct Message {
  MessageKind kind = MessageKind::kUnknown;
  Headers headers;
  Body body;
  // Decode: the first s:Body child as standalone XML (in-scope namespaces
  // declared on it), for shell messages, journals and unknown actions.
  // Encode: written as the body when `body` is monostate.
  std::string raw_body;
};

}  // namespace cimulate::wsman

#endif  // CIMULATE_WSMAN_MESSAGE_H_
