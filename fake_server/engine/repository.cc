#include "engine/repository.h"

#include <algorithm>

#include "core/instance.h"
#include "engine/text.h"
#include "engine/values.h"
#include "scenario/instance_builder.h"
#include "wsman/namespaces.h"
#include "wsman/resource_uri.h"

namespace cimulate::fake {
namespace {

// Superclass chains are validated acyclic at load time; the bound guards data
// built by hand, as DataSet::IsA's does.
constexpr int kMaxChain = 64;

std::string NamespaceKey(std::string_view name_space) { return ToLower(wsman::NormalizeNamespace(name_space)); }

std::string ClassKey(const std::string& namespace_key, std::string_view class_name) {
  return namespace_key + '\n' + ToLower(class_name);
}

// Appends one key value as the index holds it: lower-cased (WMI compares key
// values case-insensitively) and length-prefixed, so no two tuples run together.
void AppendKeyValue(std::string_view text, std::string* tuple) {
  *tuple += std::to_string(text.size());
  *tuple += ':';
  *tuple += ToLower(text);
}

}  // namespace

// A declared class: what Lookup needs without walking the data again.
struct Repository::ClassEntry {
  const scenario::NamespaceData* name_space = nullptr;
  const scenario::ClassDecl* decl = nullptr;
  std::vector<std::string> keys;                // with inherited ones
  std::vector<const StoredInstance*> members;   // of it or a subclass, data order
  // Key tuple -> the members with those key values, in data order (the data
  // may repeat keys; the first one answers, as a scan would find it).
  std::unordered_map<std::string, std::vector<Record*>> by_keys;
};

struct Repository::Record : StoredInstance {
  std::uint64_t order = 0;             // position in data order
  std::vector<ClassEntry*> lineage;    // its class and each ancestor
};

namespace {

// The tuple under which `instance` is indexed for a class with `keys`; false
// when a key is missing or NULL (no selector can name such an instance).
bool StoredTuple(const std::vector<std::string>& keys, const MI_Instance* instance, std::string* tuple) {
  tuple->clear();
  for (const std::string& k : keys) {
    std::string text;
    if (!PropertyText(instance, k.c_str(), &text)) return false;
    AppendKeyValue(text, tuple);
  }
  return true;
}

}  // namespace

SharedInstance Share(MI_Instance* instance) {
  return SharedInstance(instance, [](const MI_Instance* i) { MI_Instance_Delete(const_cast<MI_Instance*>(i)); });
}

Repository::Repository(const scenario::DataSet& data) : data_(data) {
  for (const scenario::NamespaceData& ns : data.namespaces) {
    std::string ns_key = NamespaceKey(ns.name);
    // A namespace spelled like an earlier one is shadowed by it, as a scan finds the first.
    if (!namespaces_.emplace(ns_key, &ns).second) continue;
    for (const scenario::ClassDecl& c : ns.classes) {
      auto entry = std::make_unique<ClassEntry>();
      entry->name_space = &ns;
      entry->decl = &c;
      for (const scenario::PropertyDecl* p : data_.AllProperties(ns.name, c.name)) {
        if (p->key) entry->keys.push_back(p->name);
      }
      classes_.emplace(ClassKey(ns_key, c.name), std::move(entry));
    }
  }
  for (const scenario::NamespaceData& ns : data.namespaces) {
    for (const scenario::InstanceValue& value : ns.instances) {
      core::InstancePtr built;
      MI_Result r = scenario::ToInstance(value, data, &built);
      if (r != MI_RESULT_OK) {
        errors_.push_back("instance '" + value.id + "' of " + value.class_name + ": MI result " + std::to_string(r));
        continue;
      }
      auto record = std::make_unique<Record>();
      record->id = value.id;
      record->name_space = ns.name;
      record->class_name = value.class_name;
      record->instance = Share(built.release());
      Insert(std::move(record));
    }
  }
}

Repository::~Repository() = default;

const Repository::ClassEntry* Repository::FindEntry(std::string_view name_space,
                                                    std::string_view class_name) const {
  auto it = classes_.find(ClassKey(NamespaceKey(name_space), class_name));
  return it == classes_.end() ? nullptr : it->second.get();
}

std::vector<Repository::ClassEntry*> Repository::LineageOf(const std::string& name_space,
                                                           const std::string& class_name) {
  std::vector<ClassEntry*> lineage;
  auto ns = namespaces_.find(NamespaceKey(name_space));
  // Instances of a shadowed namespace are never found, as before the index.
  if (ns == namespaces_.end() || ns->second->name != name_space) return lineage;
  const scenario::ClassDecl* c = data_.FindClass(name_space, class_name);
  for (int depth = 0; c != nullptr && depth < kMaxChain; ++depth) {
    auto entry = classes_.find(ClassKey(ns->first, c->name));
    if (entry != classes_.end() &&
        std::find(lineage.begin(), lineage.end(), entry->second.get()) == lineage.end()) {
      lineage.push_back(entry->second.get());
    }
    c = c->superclass.empty() ? nullptr : data_.FindClass(name_space, c->superclass);
  }
  return lineage;
}

void Repository::Index(Record* record) {
  std::string tuple;
  for (ClassEntry* entry : record->lineage) {
    if (entry->keys.empty() || !StoredTuple(entry->keys, record->instance.get(), &tuple)) continue;
    std::vector<Record*>& bucket = entry->by_keys[tuple];
    auto later = std::upper_bound(bucket.begin(), bucket.end(), record->order,
                                  [](std::uint64_t order, const Record* r) { return order < r->order; });
    bucket.insert(later, record);
  }
}

void Repository::Unindex(Record* record) {
  std::string tuple;
  for (ClassEntry* entry : record->lineage) {
    if (entry->keys.empty() || !StoredTuple(entry->keys, record->instance.get(), &tuple)) continue;
    auto it = entry->by_keys.find(tuple);
    if (it == entry->by_keys.end()) continue;
    std::erase(it->second, record);
    if (it->second.empty()) entry->by_keys.erase(it);
  }
}

void Repository::Insert(std::unique_ptr<Record> record) {
  record->order = next_order_++;
  record->lineage = LineageOf(record->name_space, record->class_name);
  for (ClassEntry* entry : record->lineage) entry->members.push_back(record.get());
  Index(record.get());
  by_id_.emplace(record->id, record.get());
  instances_.push_back(std::move(record));
}

const scenario::NamespaceData* Repository::FindNamespace(std::string_view name_space) const {
  auto it = namespaces_.find(NamespaceKey(name_space));
  return it == namespaces_.end() ? nullptr : it->second;
}

const scenario::ClassDecl* Repository::FindClass(std::string_view name_space, std::string_view class_name) const {
  const ClassEntry* entry = FindEntry(name_space, class_name);
  return entry == nullptr ? nullptr : entry->decl;
}

std::vector<std::string> Repository::KeysOf(std::string_view name_space, std::string_view class_name) const {
  const ClassEntry* entry = FindEntry(name_space, class_name);
  return entry == nullptr ? std::vector<std::string>() : entry->keys;
}

const StoredInstance* Repository::FindById(std::string_view id) const {
  auto it = by_id_.find(std::string(id));
  return it == by_id_.end() ? nullptr : it->second;
}

std::vector<const StoredInstance*> Repository::InstancesOf(std::string_view name_space,
                                                           std::string_view class_name) const {
  const ClassEntry* entry = FindEntry(name_space, class_name);
  return entry == nullptr ? std::vector<const StoredInstance*>() : entry->members;
}

LookupResult Repository::Lookup(std::string_view name_space, std::string_view class_name,
                                const std::vector<wsman::Selector>& selectors, const StoredInstance** out,
                                std::string* detail) const {
  const ClassEntry* entry = FindEntry(name_space, class_name);
  if (entry == nullptr) {
    return FindNamespace(name_space) == nullptr ? LookupResult::kNoSuchNamespace : LookupResult::kNoSuchClass;
  }
  const std::vector<std::string>& keys = entry->keys;
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
  // An EPR-valued selector names no scalar key value.
  bool scalar = std::none_of(given.begin(), given.end(), [](const wsman::Selector* g) { return g->epr != nullptr; });
  if (scalar && !keys.empty()) {
    // The selectors are exactly the keys here: one probe answers.
    std::string tuple;
    for (const std::string& k : keys) AppendKeyValue(Trim(wsman::FindSelector(selectors, k)->value), &tuple);
    auto it = entry->by_keys.find(tuple);
    if (it != entry->by_keys.end()) {
      *out = it->second.front();
      return LookupResult::kFound;
    }
  } else if (scalar) {
    // A class without keys: any properties may select, so compare each member.
    for (const StoredInstance* s : entry->members) {
      bool all = std::all_of(given.begin(), given.end(), [&](const wsman::Selector* g) {
        return SelectorValueMatches(s->instance.get(), g->name.c_str(), g->value);
      });
      if (all) {
        *out = s;
        return LookupResult::kFound;
      }
    }
  }
  *detail = "no " + std::string(class_name) + " instance has these keys";
  return LookupResult::kNotFound;
}

const StoredInstance* Repository::FindSameKeys(std::string_view name_space, std::string_view class_name,
                                               const MI_Instance* instance) const {
  const ClassEntry* entry = FindEntry(name_space, class_name);
  if (entry == nullptr || entry->keys.empty()) return nullptr;
  std::string tuple;
  for (const std::string& k : entry->keys) {
    std::string text;
    if (!PropertyText(instance, k.c_str(), &text)) return nullptr;
    AppendKeyValue(Trim(text), &tuple);
  }
  auto it = entry->by_keys.find(tuple);
  return it == entry->by_keys.end() ? nullptr : it->second.front();
}

void Repository::Replace(const StoredInstance* stored, SharedInstance instance) {
  // Only records are ever handed out, so the downcast is safe.
  Record* record = const_cast<Record*>(static_cast<const Record*>(stored));
  Unindex(record);
  record->instance = std::move(instance);
  Index(record);
}

void Repository::Add(StoredInstance stored) {
  auto record = std::make_unique<Record>();
  static_cast<StoredInstance&>(*record) = std::move(stored);
  Insert(std::move(record));
}

void Repository::Remove(const StoredInstance* stored) {
  Record* record = const_cast<Record*>(static_cast<const Record*>(stored));
  Unindex(record);
  for (ClassEntry* entry : record->lineage) std::erase(entry->members, stored);
  auto by_id = by_id_.find(record->id);
  if (by_id != by_id_.end() && by_id->second == record) {
    by_id_.erase(by_id);
    // Another instance may share the id (data ids are unique; created ones are
    // GUIDs): the next in data order takes it over.
    for (const auto& other : instances_) {
      if (other.get() != record && other->id == record->id) {
        by_id_.emplace(other->id, other.get());
        break;
      }
    }
  }
  std::erase_if(instances_, [&](const std::unique_ptr<Record>& r) { return r.get() == record; });
}

}  // namespace cimulate::fake
