#include "winrm/resource_target.h"

#include "core/options.h"
#include "core/value.h"
#include "wsman/cim_xml.h"
#include "wsman/namespaces.h"
#include "wsman/resource_uri.h"

namespace cimulate::winrm {
namespace {

std::string WithoutTrailingSlash(std::string text) {
  while (!text.empty() && text.back() == '/') text.pop_back();
  return text;
}

bool IsCimClass(const std::string& class_name) {
  return class_name.size() > 4 && core::NamesEqual(class_name.substr(0, 4).c_str(), "CIM_");
}

enum class Form { kWmi, kPrefixed };

// The form and, for kPrefixed, the prefix to put before the class name.
Form FormFor(const core::OperationRequest& request, const std::string& class_name, std::string* prefix) {
  std::optional<std::string> option = request.options->String(core::option::kResourceUriPrefix);
  if (option && !option->empty()) {
    *prefix = WithoutTrailingSlash(*option);
    if (*prefix == WithoutTrailingSlash(wsman::uri::kWmiPrefix)) return Form::kWmi;
    return Form::kPrefixed;
  }
  if (IsCimClass(class_name)) {
    *prefix = WithoutTrailingSlash(wsman::uri::kDmtfPrefix);
    return Form::kPrefixed;
  }
  return Form::kWmi;
}

void AddNamespaceSelector(ResourceTarget* target) {
  wsman::Selector selector;
  selector.name = wsman::uri::kCimNamespaceSelector;
  selector.value = target->name_space;
  target->selectors.push_back(std::move(selector));
}

bool HasKeyFlag(const MI_Instance* instance, MI_Uint32 count) {
  for (MI_Uint32 i = 0; i < count; ++i) {
    MI_Uint32 flags = 0;
    if (MI_Instance_GetElementAt(instance, i, nullptr, nullptr, nullptr, &flags) == MI_RESULT_OK &&
        (flags & MI_FLAG_KEY)) {
      return true;
    }
  }
  return false;
}

}  // namespace

std::string NamespaceOf(const core::OperationRequest& request) {
  std::string ns = request.name_space ? wsman::NormalizeNamespace(*request.name_space) : std::string();
  return ns.empty() ? kDefaultNamespace : ns;
}

ResourceTarget ClassTarget(const core::OperationRequest& request, const std::string& class_name) {
  ResourceTarget target;
  target.name_space = NamespaceOf(request);
  if (auto uri = request.options->String(core::option::kResourceUri); uri && !uri->empty()) {
    target.uri = *uri;
    return target;
  }
  std::string prefix;
  if (FormFor(request, class_name, &prefix) == Form::kWmi) {
    target.uri = wsman::WmiResourceUri(target.name_space, class_name);
  } else {
    target.uri = prefix + "/" + class_name;
    AddNamespaceSelector(&target);
  }
  return target;
}

ResourceTarget AllClassesTarget(const core::OperationRequest& request) {
  ResourceTarget target;
  target.name_space = NamespaceOf(request);
  if (auto uri = request.options->String(core::option::kResourceUri); uri && !uri->empty()) {
    target.uri = *uri;
    return target;
  }
  std::string prefix;
  std::string class_name = request.class_name.value_or("");
  if (FormFor(request, class_name, &prefix) == Form::kWmi) {
    target.uri = wsman::QueryResourceUri(target.name_space);
  } else {
    target.uri = prefix == WithoutTrailingSlash(wsman::uri::kDmtfPrefix) ? wsman::uri::kDmtfAll : prefix + "/*";
    AddNamespaceSelector(&target);
  }
  return target;
}

wsman::Status AppendKeySelectors(const MI_Instance* instance, std::vector<wsman::Selector>* selectors) {
  MI_Uint32 count = 0;
  if (MI_Instance_GetElementCount(instance, &count) != MI_RESULT_OK) {
    return wsman::Status(wsman::ErrorCode::kInvalidArgument, "the instance cannot be read");
  }
  return wsman::AppendSelectors(instance, HasKeyFlag(instance, count), selectors);
}

wsman::Status InstanceEpr(const core::OperationRequest& request, const MI_Instance* instance,
                          wsman::EndpointReference* out) {
  const MI_Char* class_name = nullptr;
  if (MI_Instance_GetClassName(instance, &class_name) != MI_RESULT_OK || class_name == nullptr) {
    return wsman::Status(wsman::ErrorCode::kInvalidArgument, "the source instance has no class name");
  }
  ResourceTarget target = ClassTarget(request, class_name);
  *out = wsman::EndpointReference();
  out->address = wsman::uri::kAnonymous;
  out->resource_uri = target.uri;
  wsman::Status s = AppendKeySelectors(instance, &out->selectors);
  for (auto& selector : target.selectors) out->selectors.push_back(std::move(selector));
  return s;
}

}  // namespace cimulate::winrm
