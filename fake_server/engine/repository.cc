#include "engine/repository.h"

#include <algorithm>

#include "core/instance.h"
#include "engine/text.h"
#include "engine/values.h"
#include "scenario/instance_builder.h"
#include "wsman/namespaces.h"
#include "wsman/resource_uri.h"

namespace cimulate::fake {

SharedInstance Share(MI_Instance* instance) {
  return SharedInstance(instance, [](const MI_Instance* i) { MI_Instance_Delete(const_cast<MI_Instance*>(i)); });
}

Repository::Repository(const scenario::DataSet& data) : data_(data) {
  for (const scenario::NamespaceData& ns : data.namespaces) {
    for (const scenario::InstanceValue& value : ns.instances) {
      core::InstancePtr built;
      MI_Result r = scenario::ToInstance(value, data, &built);
      if (r != MI_RESULT_OK) {
        errors_.push_back("instance '" + value.id + "' of " + value.class_name + ": MI result " + std::to_string(r));
        continue;
      }
      auto stored = std::make_unique<StoredInstance>();
      stored->id = value.id;
      stored->name_space = ns.name;
      stored->class_name = value.class_name;
      stored->instance = Share(built.release());
      instances_.push_back(std::move(stored));
    }
  }
}

const scenario::NamespaceData* Repository::FindNamespace(std::string_view name_space) const {
  std::string wanted = wsman::NormalizeNamespace(name_space);
  for (const scenario::NamespaceData& ns : data_.namespaces) {
    if (EqualsIgnoreCase(wsman::NormalizeNamespace(ns.name), wanted)) return &ns;
  }
  return nullptr;
}

const scenario::ClassDecl* Repository::FindClass(std::string_view name_space, std::string_view class_name) const {
  const scenario::NamespaceData* ns = FindNamespace(name_space);
  if (ns == nullptr) return nullptr;
  for (const scenario::ClassDecl& c : ns->classes) {
    if (EqualsIgnoreCase(c.name, class_name)) return &c;
  }
  return nullptr;
}

std::vector<std::string> Repository::KeysOf(std::string_view name_space, std::string_view class_name) const {
  std::vector<std::string> keys;
  const scenario::NamespaceData* ns = FindNamespace(name_space);
  const scenario::ClassDecl* c = FindClass(name_space, class_name);
  if (ns == nullptr || c == nullptr) return keys;
  for (const scenario::PropertyDecl* p : data_.AllProperties(ns->name, c->name)) {
    if (p->key) keys.push_back(p->name);
  }
  return keys;
}

const StoredInstance* Repository::FindById(std::string_view id) const {
  for (const auto& s : instances_) {
    if (s->id == id) return s.get();
  }
  return nullptr;
}

std::vector<const StoredInstance*> Repository::InstancesOf(std::string_view name_space,
                                                           std::string_view class_name) const {
  std::vector<const StoredInstance*> out;
  const scenario::NamespaceData* ns = FindNamespace(name_space);
  const scenario::ClassDecl* c = FindClass(name_space, class_name);
  if (ns == nullptr || c == nullptr) return out;
  for (const auto& s : instances_) {
    if (s->name_space == ns->name && data_.IsA(ns->name, s->class_name, c->name)) out.push_back(s.get());
  }
  return out;
}

LookupResult Repository::Lookup(std::string_view name_space, std::string_view class_name,
                                const std::vector<wsman::Selector>& selectors, const StoredInstance** out,
                                std::string* detail) const {
  if (FindNamespace(name_space) == nullptr) return LookupResult::kNoSuchNamespace;
  if (FindClass(name_space, class_name) == nullptr) return LookupResult::kNoSuchClass;
  std::vector<std::string> keys = KeysOf(name_space, class_name);
  std::vector<const wsman::Selector*> given;
  for (const wsman::Selector& s : selectors) {
    if (EqualsIgnoreCase(s.name, wsman::uri::kCimNamespaceSelector)) continue;
    for (const wsman::Selector* g : given) {
      if (EqualsIgnoreCase(g->name, s.name)) {
        *detail = "selector '" + s.name + "' given twice";
        return LookupResult::kDuplicateSelectors;
      }
    }
    bool is_key = keys.empty() || std::any_of(keys.begin(), keys.end(),
                                              [&](const std::string& k) { return EqualsIgnoreCase(k, s.name); });
    if (!is_key) {
      *detail = "'" + s.name + "' is not a key of " + std::string(class_name);
      return LookupResult::kUnexpectedSelectors;
    }
    given.push_back(&s);
  }
  for (const std::string& k : keys) {
    if (wsman::FindSelector(selectors, k) == nullptr) {
      *detail = "key '" + k + "' has no selector";
      return LookupResult::kInsufficientSelectors;
    }
  }
  for (const StoredInstance* s : InstancesOf(name_space, class_name)) {
    bool all = std::all_of(given.begin(), given.end(), [&](const wsman::Selector* g) {
      return g->epr == nullptr && SelectorValueMatches(s->instance.get(), g->name.c_str(), g->value);
    });
    if (all) {
      *out = s;
      return LookupResult::kFound;
    }
  }
  *detail = "no " + std::string(class_name) + " instance has these keys";
  return LookupResult::kNotFound;
}

void Repository::Replace(const StoredInstance* stored, SharedInstance instance) {
  for (auto& s : instances_) {
    if (s.get() == stored) s->instance = std::move(instance);
  }
}

void Repository::Add(StoredInstance stored) { instances_.push_back(std::make_unique<StoredInstance>(std::move(stored))); }

void Repository::Remove(const StoredInstance* stored) {
  std::erase_if(instances_, [&](const std::unique_ptr<StoredInstance>& s) { return s.get() == stored; });
}

}  // namespace cimulate::fake
