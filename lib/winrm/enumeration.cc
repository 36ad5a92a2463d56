// Enumerate + Pull for EnumerateInstances, QueryInstances, AssociatorInstances
// and ReferenceInstances.
//
// Results are streamed: each item is posted as soon as its batch arrives, and
// PostInstance blocks while the caller has not taken earlier ones, so memory
// is bounded by one batch whatever the enumeration's size.  When the caller
// cancels (or closes) mid-way, the open context is Released, best effort.
#include <algorithm>

#include "core/value.h"
#include "winrm/errors.h"
#include "winrm/operations.h"
#include "wsman/cim_xml.h"
#include "wsman/namespaces.h"

namespace cimulate::winrm {
namespace {

// Items per EnumerateResponse/PullResponse when the session does not say.
constexpr std::uint32_t kDefaultBatch = 32;
// How long a Release after a cancel may take.
constexpr std::chrono::milliseconds kReleaseLimit{2000};

std::string DialectUri(const std::string& dialect) {
  if (core::NamesEqual(dialect.c_str(), "WQL")) return wsman::dialect::kWql;
  if (core::NamesEqual(dialect.c_str(), "CQL") || core::NamesEqual(dialect.c_str(), "DMTF:CQL")) {
    return wsman::dialect::kCql;
  }
  return dialect;  // a dialect URI as is
}

// The Enumerate request for the operation, or a failure for bad arguments.
Outcome BuildEnumerate(const OperationContext& op, std::uint32_t batch, wsman::Message* out) {
  const core::OperationRequest& r = op.request;
  wsman::EnumerateBody body;
  body.optimize = true;
  body.max_elements = batch;
  body.mode = r.keys_only ? wsman::EnumerationMode::kEprs : wsman::EnumerationMode::kObjects;
  ResourceTarget target;
  switch (r.kind) {
    case core::OperationKind::kEnumerateInstances:
      if (ClassOf(r).empty()) return InvalidRequest(MI_RESULT_INVALID_PARAMETER, "EnumerateInstances needs a class.");
      target = ClassTarget(r, ClassOf(r));
      // MI's deep enumeration is the default; a shallow one excludes subclass properties.
      if (r.flags & MI_OPERATIONFLAGS_POLYMORPHISM_SHALLOW) {
        body.polymorphism = wsman::PolymorphismMode::kExcludeSubClassProperties;
      }
      break;
    case core::OperationKind::kQueryInstances: {
      if (!r.query_expression || r.query_expression->empty()) {
        return InvalidRequest(MI_RESULT_INVALID_QUERY, "QueryInstances needs a query.");
      }
      std::string dialect = DialectUri(r.query_dialect.value_or("WQL"));
      if (dialect.find("://") == std::string::npos) {
        return InvalidRequest(MI_RESULT_QUERY_LANGUAGE_NOT_SUPPORTED,
                              "The query dialect '" + dialect + "' is not WQL, CQL or a dialect URI.");
      }
      target = AllClassesTarget(r);
      body.filter = wsman::Filter{dialect, *r.query_expression, {}, std::nullopt};
      break;
    }
    default: {  // associators and references
      if (!r.instance) return InvalidRequest(MI_RESULT_INVALID_PARAMETER, "The operation needs a source instance.");
      wsman::AssociationFilter association;
      association.association_instances = r.kind == core::OperationKind::kReferenceInstances;
      wsman::Status s = InstanceEpr(r, r.instance.get(), &association.object);
      if (!s.ok()) return InvalidRequest(MI_RESULT_INVALID_PARAMETER, "The source instance: " + s.message() + ".");
      association.association_class_name = r.association_class.value_or("");
      association.result_class_name = r.result_class.value_or("");
      association.role = r.role.value_or("");
      association.result_role = r.result_role.value_or("");
      target = AllClassesTarget(r);
      body.filter = wsman::Filter{wsman::dialect::kAssociation, "", {}, std::move(association)};
      break;
    }
  }
  *out = op.NewMessage(wsman::MessageKind::kEnumerate, target);
  out->body = std::move(body);
  return Outcome::Ok();
}

class Enumeration {
 public:
  Enumeration(OperationContext& op, std::uint32_t batch) : op_(op), batch_(batch) {}

  void Run() {
    wsman::Message request;
    Outcome outcome = BuildEnumerate(op_, batch_, &request);
    if (!outcome.ok()) return Finish(op_.sink, std::move(outcome));
    target_.uri = request.headers.resource_uri;
    target_.selectors = request.headers.selectors;
    target_.name_space = NamespaceOf(op_.request);
    wsman::Message response;
    outcome = op_.exchange.Run(request, wsman::MessageKind::kEnumerateResponse, &response);
    if (outcome.ok()) outcome = TakeEnumerateResponse(response);
    while (outcome.ok() && !done_) outcome = PullOnce();
    if (!outcome.ok() && !done_ && !context_.empty() && (outcome.cancelled || op_.sink.IsCancelled())) Release();
    Finish(op_.sink, std::move(outcome));
  }

 private:
  Outcome TakeEnumerateResponse(wsman::Message& response) {
    auto& body = std::get<wsman::EnumerateResponseBody>(response.body);
    context_ = body.context;
    done_ = body.end_of_sequence;
    Outcome outcome = PostItems(body.items);
    if (outcome.ok() && !done_ && context_.empty()) {
      return FromBadAnswer("an EnumerateResponse with neither a context nor EndOfSequence", op_.destination());
    }
    return outcome;
  }

  Outcome PullOnce() {
    wsman::Message request = op_.NewMessage(wsman::MessageKind::kPull, target_);
    request.body = wsman::PullBody{context_, batch_, std::nullopt};
    wsman::Message response;
    Outcome outcome = op_.exchange.Run(request, wsman::MessageKind::kPullResponse, &response);
    if (!outcome.ok()) {
      // A server that refuses the context has already forgotten it.
      if (outcome.result == MI_RESULT_INVALID_ENUMERATION_CONTEXT) context_.clear();
      return outcome;
    }
    auto& body = std::get<wsman::PullResponseBody>(response.body);
    // The last batch may omit the context (Windows) or keep it (OMI).
    done_ = body.end_of_sequence || !body.context || body.context->empty();
    if (body.context && !body.context->empty()) context_ = *body.context;
    return PostItems(body.items);
  }

  Outcome PostItems(std::vector<wsman::Item>& items) {
    for (wsman::Item& item : items) {
      core::InstancePtr instance;
      if (op_.request.keys_only && item.epr) {
        wsman::Status s = wsman::EprToReference(*item.epr, &instance);
        if (!s.ok()) return FromBadAnswer("an enumeration item's EPR: " + s.message(), op_.destination());
      } else {
        instance = std::move(item.instance);
      }
      if (!instance) return FromBadAnswer("an enumeration item without an instance", op_.destination());
      DefaultNamespace(instance.get(), target_.name_space);
      if (!op_.sink.PostInstance(std::move(instance))) return Outcome::Cancelled();
    }
    return Outcome::Ok();
  }

  // Frees the server's context; a short deadline of its own, as the
  // operation's cancel signal has already fired.
  void Release() {
    wsman::Message request = op_.NewMessage(wsman::MessageKind::kRelease, target_);
    request.body = wsman::ReleaseBody{context_};
    op_.exchange.RunDetached(request, kReleaseLimit);
  }

  OperationContext& op_;
  const std::uint32_t batch_;
  ResourceTarget target_;
  std::string context_;
  bool done_ = false;
};

}  // namespace

void RunEnumeration(OperationContext& op) {
  std::uint32_t batch = op.exchange.settings().max_elements.value_or(kDefaultBatch);
  Enumeration(op, std::max<std::uint32_t>(batch, 1)).Run();
}

}  // namespace cimulate::winrm
