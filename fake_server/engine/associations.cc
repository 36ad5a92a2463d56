#include "engine/associations.h"

#include <algorithm>
#include <set>

#include "engine/faults.h"
#include "engine/present.h"
#include "engine/text.h"
#include "engine/values.h"
#include "wsman/namespaces.h"
#include "wsman/resource_uri.h"

namespace cimulate::fake {
namespace {

bool IsA(const Repository& repo, const std::string& ns, const std::string& class_name, const std::string& ancestor) {
  return repo.data().IsA(ns, class_name, ancestor);
}

// A reference value (a key-only instance) names `target` when the target is
// of the reference's class and has every key value the reference carries.
bool Refers(const Repository& repo, const std::string& ns, const MI_Instance* ref, const StoredInstance& target) {
  if (ref == nullptr || !IsA(repo, ns, target.class_name, ClassNameOf(ref))) return false;
  MI_Uint32 count = 0;
  MI_Instance_GetElementCount(ref, &count);
  bool compared = false;
  for (MI_Uint32 i = 0; i < count; ++i) {
    const MI_Char* name = nullptr;
    MI_Value v;
    MI_Type type;
    MI_Uint32 flags = 0;
    if (MI_Instance_GetElementAt(ref, i, &name, &v, &type, &flags) != MI_RESULT_OK) continue;
    std::string text;
    if (!PropertyText(ref, name, &text)) continue;
    if (!SelectorValueMatches(target.instance.get(), name, text)) return false;
    compared = true;
  }
  return compared;
}

struct Reference {
  std::string property;
  const MI_Instance* value;
};

std::vector<Reference> ReferencesOf(const MI_Instance* instance) {
  std::vector<Reference> refs;
  MI_Uint32 count = 0;
  MI_Instance_GetElementCount(instance, &count);
  for (MI_Uint32 i = 0; i < count; ++i) {
    const MI_Char* name = nullptr;
    MI_Value v;
    MI_Type type;
    MI_Uint32 flags = 0;
    if (MI_Instance_GetElementAt(instance, i, &name, &v, &type, &flags) != MI_RESULT_OK) continue;
    if (type == MI_REFERENCE && !(flags & MI_FLAG_NULL) && v.reference != nullptr) refs.push_back({name, v.reference});
  }
  return refs;
}

// Every association instance of the namespace, each once: per root
// association class, in data order.
std::vector<const StoredInstance*> AssociationInstances(const Repository& repo, const std::string& ns) {
  std::vector<const StoredInstance*> out;
  const scenario::NamespaceData* data = repo.FindNamespace(ns);
  if (data == nullptr) return out;
  std::set<const StoredInstance*> seen;
  for (const scenario::ClassDecl& c : data->classes) {
    // Subclasses come with their root association class.
    const scenario::ClassDecl* parent = c.superclass.empty() ? nullptr : repo.FindClass(ns, c.superclass);
    if (!c.association || (parent != nullptr && parent->association)) continue;
    for (const StoredInstance* s : repo.InstancesOf(ns, c.name)) {
      if (seen.insert(s).second) out.push_back(s);
    }
  }
  return out;
}

const StoredInstance* Resolve(const Repository& repo, const std::string& ns, const MI_Instance* ref) {
  for (const StoredInstance* s : repo.InstancesOf(ns, ClassNameOf(ref))) {
    if (Refers(repo, ns, ref, *s)) return s;
  }
  return nullptr;
}

}  // namespace

bool SelectAssociations(const Repository& repository, const std::string& default_namespace,
                        const wsman::AssociationFilter& filter, std::vector<SharedInstance>* out, Outcome* fault) {
  const wsman::EndpointReference& object = filter.object;
  const wsman::Selector* ns_selector = wsman::FindSelector(object.selectors, wsman::uri::kCimNamespaceSelector);
  wsman::ResourceUriParts parts = wsman::SplitResourceUri(
      object.resource_uri, ns_selector != nullptr ? std::string_view(ns_selector->value) : std::string_view());
  std::string ns = parts.name_space.empty() ? default_namespace : parts.name_space;
  const StoredInstance* source = nullptr;
  std::string detail;
  LookupResult found = repository.Lookup(ns, parts.class_name, object.selectors, &source, &detail);
  if (found != LookupResult::kFound) {
    *fault = FaultReply(LookupFault(found, detail.empty() ? ns + ":" + parts.class_name : detail));
    return false;
  }
  ns = source->name_space;
  std::set<const StoredInstance*> results;
  std::vector<const StoredInstance*> ordered;
  for (const StoredInstance* a : AssociationInstances(repository, ns)) {
    if (!filter.association_class_name.empty() && !IsA(repository, ns, a->class_name, filter.association_class_name)) {
      continue;
    }
    std::vector<Reference> refs = ReferencesOf(a->instance.get());
    auto to_source = std::find_if(refs.begin(), refs.end(), [&](const Reference& r) {
      return (filter.role.empty() || EqualsIgnoreCase(filter.role, r.property)) &&
             Refers(repository, ns, r.value, *source);
    });
    if (to_source == refs.end()) continue;
    if (filter.association_instances) {
      if (filter.result_class_name.empty() || IsA(repository, ns, a->class_name, filter.result_class_name)) {
        if (results.insert(a).second) ordered.push_back(a);
      }
      continue;
    }
    for (const Reference& r : refs) {
      if (&r == &*to_source) continue;
      if (!filter.result_role.empty() && !EqualsIgnoreCase(filter.result_role, r.property)) continue;
      const StoredInstance* other = Resolve(repository, ns, r.value);
      if (other == nullptr) continue;
      if (!filter.result_class_name.empty() && !IsA(repository, ns, other->class_name, filter.result_class_name)) {
        continue;
      }
      if (results.insert(other).second) ordered.push_back(other);
    }
  }
  for (const StoredInstance* s : ordered) out->push_back(s->instance);
  return true;
}

}  // namespace cimulate::fake
