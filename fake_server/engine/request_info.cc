#include "engine/request_info.h"

#include "engine/shell_body.h"
#include "engine/text.h"
#include "wsman/namespaces.h"
#include "wsman/xml.h"

namespace cimulate::fake {
namespace {

using scenario::Action;
using wsman::MessageKind;

constexpr std::string_view kShellActions = "http://schemas.microsoft.com/wbem/wsman/1/windows/shell/";

std::optional<Action> ShellAction(std::string_view uri) {
  if (!uri.starts_with(kShellActions)) return std::nullopt;
  std::string_view verb = uri.substr(kShellActions.size());
  if (verb == "Command") return Action::kCommand;
  if (verb == "Receive") return Action::kReceive;
  if (verb == "Send") return Action::kSend;
  if (verb == "Signal") return Action::kSignal;
  return std::nullopt;
}

std::optional<Action> ActionOf(const wsman::Message& m, std::string* method) {
  switch (m.kind) {
    case MessageKind::kIdentify: return Action::kIdentify;
    case MessageKind::kGet: return Action::kGet;
    case MessageKind::kPut: return Action::kPut;
    case MessageKind::kCreate: return Action::kCreate;
    case MessageKind::kDelete: return Action::kDelete;
    case MessageKind::kEnumerate: return Action::kEnumerate;
    case MessageKind::kPull: return Action::kPull;
    case MessageKind::kRelease: return Action::kRelease;
    case MessageKind::kInvoke:
      if (const auto* b = std::get_if<wsman::InvokeBody>(&m.body)) *method = b->method;
      return Action::kInvoke;
    case MessageKind::kOther: break;
    default: return std::nullopt;
  }
  const std::string& uri = m.headers.action;
  if (uri == wsman::action::kEnd) return Action::kEnd;
  if (auto shell = ShellAction(uri)) return shell;
  // An Invoke without a <Method>_INPUT body: Action is <ResourceURI>/<Method>.
  const std::string& resource = m.headers.resource_uri;
  if (!resource.empty() && uri.size() > resource.size() + 1 && uri.starts_with(resource) &&
      uri[resource.size()] == '/' && uri.find('/', resource.size() + 1) == std::string::npos) {
    *method = uri.substr(resource.size() + 1);
    return Action::kInvoke;
  }
  return std::nullopt;
}

void ReadFilter(RequestInfo* info) {
  const auto* e = std::get_if<wsman::EnumerateBody>(&info->message.body);
  if (e == nullptr || !e->filter || e->filter->dialect != wsman::dialect::kWql) return;
  WqlQuery q;
  if (ParseWql(e->filter->query, &q, &info->wql_error)) {
    if (info->class_name.empty() || info->class_name == "*") info->class_name = q.class_name;
    info->wql = std::move(q);
  }
}

}  // namespace

RequestInfo Describe(wsman::Message message, const EngineRequest& http, std::string user) {
  RequestInfo info;
  info.message = std::move(message);
  info.http = &http;
  info.user = std::move(user);
  info.action = ActionOf(info.message, &info.method);
  const wsman::Headers& h = info.message.headers;
  const wsman::Selector* ns = wsman::FindSelector(h.selectors, wsman::uri::kCimNamespaceSelector);
  info.uri = wsman::SplitResourceUri(h.resource_uri, ns != nullptr ? std::string_view(ns->value) : std::string_view());
  info.name_space = info.uri.name_space;
  if (info.name_space.empty() && info.uri.form == wsman::ResourceUriForm::kDmtf) {
    info.name_space = kDefaultDmtfNamespace;
  }
  info.class_name = info.uri.class_name;
  ReadFilter(&info);
  if (const wsman::Selector* shell = wsman::FindSelector(h.selectors, "ShellId")) info.keys.shell = Trim(shell->value);
  // Only shell bodies name a command; other bodies are not parsed twice.
  if (info.action == Action::kReceive || info.action == Action::kSignal || info.action == Action::kSend) {
    info.keys.command = ShellCommandId(info.message.raw_body);
  }
  if (const auto* pull = std::get_if<wsman::PullBody>(&info.message.body)) info.keys.enumeration = pull->context;
  if (const auto* release = std::get_if<wsman::ReleaseBody>(&info.message.body)) {
    info.keys.enumeration = release->context;
  }
  return info;
}

const std::string* RequestInfo::SoapHeader(const std::string& local) const {
  if (!soap_headers_) {
    soap_headers_.emplace();
    pugi::xml_document doc;
    if (wsman::ParseXml(http->body, wsman::ParseLimits{}, &doc).ok()) {
      pugi::xml_node header = wsman::Child(doc.document_element(), wsman::ns::kSoap, "Header");
      for (pugi::xml_node e = wsman::FirstElement(header); e; e = wsman::NextElement(e)) {
        soap_headers_->emplace(std::string(wsman::LocalName(e.name())), wsman::TrimmedText(e));
      }
    }
  }
  auto it = soap_headers_->find(local);
  return it == soap_headers_->end() ? nullptr : &it->second;
}

std::string ActionLabel(const RequestInfo& info) {
  if (info.message.kind == MessageKind::kIdentify) return "Identify";
  return info.message.headers.action;
}

}  // namespace cimulate::fake
