#include "engine/present.h"

#include "engine/values.h"
#include "wsman/namespaces.h"
#include "wsman/resource_uri.h"

namespace cimulate::fake {

std::string InstanceUri(const RequestInfo& info, const std::string& name_space, const std::string& class_name) {
  if (info.uri.form == wsman::ResourceUriForm::kDmtf) return wsman::DmtfResourceUri(class_name);
  return wsman::WmiResourceUri(name_space, class_name);
}

std::string ClassNameOf(const MI_Instance* instance) {
  const MI_Char* name = nullptr;
  if (MI_Instance_GetClassName(instance, &name) != MI_RESULT_OK || name == nullptr) return std::string();
  return name;
}

wsman::EndpointReference EprOf(const RequestInfo& info, const std::string& name_space, const MI_Instance* instance) {
  wsman::EndpointReference epr;
  epr.address = wsman::uri::kAnonymous;
  epr.resource_uri = InstanceUri(info, name_space, ClassNameOf(instance));
  MI_Uint32 count = 0;
  MI_Instance_GetElementCount(instance, &count);
  for (MI_Uint32 i = 0; i < count; ++i) {
    const MI_Char* name = nullptr;
    MI_Value v;
    MI_Type type;
    MI_Uint32 flags = 0;
    if (MI_Instance_GetElementAt(instance, i, &name, &v, &type, &flags) != MI_RESULT_OK) continue;
    std::string text;
    if ((flags & MI_FLAG_KEY) && PropertyText(instance, name, &text)) epr.selectors.push_back({name, text, nullptr});
  }
  if (info.uri.form == wsman::ResourceUriForm::kDmtf) {
    epr.selectors.push_back({wsman::uri::kCimNamespaceSelector, name_space, nullptr});
  }
  return epr;
}

}  // namespace cimulate::fake
