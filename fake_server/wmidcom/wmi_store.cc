#include "wmidcom/wmi_store.h"

#include <strings.h>

#include "engine/text.h"
#include "engine/values.h"
#include "scenario/instance_builder.h"
#include "engine/wql.h"
#include "wmidcom/object_path.h"
#include "wmi/wbem_status.h"
#include "wsman/resource_uri.h"

namespace cimulate::fake::wmidcom {

std::string WmiNamespace(std::string_view login_namespace) {
  std::string text;
  for (char c : login_namespace) text.push_back(c == '\\' ? '/' : c);
  // "//server/root/cimv2": the server part names the machine, not the namespace.
  if (text.rfind("//", 0) == 0) {
    size_t slash = text.find('/', 2);
    text = slash == std::string::npos ? std::string() : text.substr(slash + 1);
  }
  return wsman::NormalizeNamespace(text);
}

namespace {

bool AlwaysPresent(const std::string& ns) {
  return ::strcasecmp(ns.c_str(), "root") == 0 || ::strcasecmp(ns.c_str(), "root/cimv2") == 0;
}

}  // namespace

WmiStore::WmiStore(const scenario::DataSet& data) : data_(data), repository_(data_) {}

std::uint32_t WmiStore::OpenNamespace(std::string_view login_namespace, std::string* name_space) const {
  std::string ns = WmiNamespace(login_namespace);
  std::lock_guard<std::mutex> lock(mu_);
  const scenario::NamespaceData* found = repository_.FindNamespace(ns);
  if (found != nullptr) {
    *name_space = found->name;
    return wmi::kWbemSNoError;
  }
  // Every Windows host has root and root/cimv2, so a scenario that declares
  // no data there still logs in; its classes are simply not found.
  if (AlwaysPresent(ns)) {
    *name_space = ns;
    return wmi::kWbemSNoError;
  }
  return wmi::kWbemEInvalidNamespace;
}

WmiObject WmiStore::MakeInstanceObject(const std::string& name_space, const StoredInstance& stored) const {
  WmiObject object;
  object.name_space = name_space;
  object.class_decl = repository_.FindClass(name_space, stored.class_name);
  object.instance = stored.instance;
  return object;
}

std::uint32_t WmiStore::FindInstance(const std::string& name_space, std::string_view text,
                                     const StoredInstance** out) const {
  ObjectPath path;
  std::string error;
  if (!ParseObjectPath(text, &path, &error) || path.is_class) return wmi::kWbemEInvalidObjectPath;
  if (repository_.FindClass(name_space, path.class_name) == nullptr) return wmi::kWbemEInvalidClass;
  if (path.singleton) {
    std::vector<const StoredInstance*> all = repository_.InstancesOf(name_space, path.class_name);
    if (all.empty()) return wmi::kWbemENotFound;
    *out = all.front();
    return wmi::kWbemSNoError;
  }
  if (!path.unnamed_key.empty()) {
    std::vector<std::string> keys = repository_.KeysOf(name_space, path.class_name);
    if (keys.size() != 1) return wmi::kWbemEInvalidObjectPath;
    path.keys.push_back(wsman::Selector{keys.front(), path.unnamed_key, nullptr});
  }
  std::string detail;
  switch (repository_.Lookup(name_space, path.class_name, path.keys, out, &detail)) {
    case LookupResult::kFound: return wmi::kWbemSNoError;
    case LookupResult::kNoSuchNamespace: return wmi::kWbemEInvalidNamespace;
    case LookupResult::kNoSuchClass: return wmi::kWbemEInvalidClass;
    case LookupResult::kNotFound: return wmi::kWbemENotFound;
    default: return wmi::kWbemEInvalidObjectPath;
  }
}

std::uint32_t WmiStore::GetObject(const std::string& name_space, std::string_view path_text, WmiObject* out) const {
  ObjectPath path;
  std::string error;
  if (!ParseObjectPath(path_text, &path, &error)) return wmi::kWbemEInvalidObjectPath;
  std::lock_guard<std::mutex> lock(mu_);
  if (path.is_class) {
    const scenario::ClassDecl* decl = repository_.FindClass(name_space, path.class_name);
    if (decl == nullptr) return wmi::kWbemENotFound;  // Windows: GetObject of an unknown class is "not found"
    *out = WmiObject{name_space, decl, nullptr, {}};
    return wmi::kWbemSNoError;
  }
  const StoredInstance* stored = nullptr;
  std::uint32_t status = FindInstance(name_space, path_text, &stored);
  if (status != wmi::kWbemSNoError) return status;
  *out = MakeInstanceObject(name_space, *stored);
  return wmi::kWbemSNoError;
}

std::uint32_t WmiStore::ExecQuery(const std::string& name_space, std::string_view language, std::string_view text,
                                  std::vector<WmiObject>* out) const {
  if (!EqualsIgnoreCase(language, "WQL")) return wmi::kWbemEInvalidQueryType;
  WqlQuery query;
  std::string error;
  if (!ParseWql(text, &query, &error)) return wmi::kWbemEInvalidQuery;
  std::lock_guard<std::mutex> lock(mu_);
  const scenario::ClassDecl* decl = repository_.FindClass(name_space, query.class_name);
  if (decl == nullptr) return wmi::kWbemEInvalidClass;
  // Every selected or compared property must be the class's, as WMI checks before it runs a query.
  for (const std::string& p : query.properties) {
    if (data_.FindProperty(name_space, decl->name, p) == nullptr) return wmi::kWbemEInvalidQuery;
  }
  for (const WqlCondition& c : query.where) {
    if (data_.FindProperty(name_space, decl->name, c.property) == nullptr) return wmi::kWbemEInvalidQuery;
  }
  out->clear();
  for (const StoredInstance* stored : repository_.InstancesOf(name_space, decl->name)) {
    if (!WqlMatches(query, stored->instance.get())) continue;
    WmiObject object = MakeInstanceObject(name_space, *stored);
    object.properties = query.properties;
    out->push_back(std::move(object));
  }
  return wmi::kWbemSNoError;
}

std::uint32_t WmiStore::CreateInstanceEnum(const std::string& name_space, std::string_view class_name, bool shallow,
                                           std::vector<WmiObject>* out) const {
  std::lock_guard<std::mutex> lock(mu_);
  const scenario::ClassDecl* decl = repository_.FindClass(name_space, class_name);
  if (decl == nullptr) return wmi::kWbemEInvalidClass;
  out->clear();
  for (const StoredInstance* stored : repository_.InstancesOf(name_space, decl->name)) {
    if (shallow && !EqualsIgnoreCase(stored->class_name, decl->name)) continue;
    out->push_back(MakeInstanceObject(name_space, *stored));
  }
  return wmi::kWbemSNoError;
}

std::uint32_t WmiStore::DeleteInstance(const std::string& name_space, std::string_view path) {
  std::lock_guard<std::mutex> lock(mu_);
  const StoredInstance* stored = nullptr;
  std::uint32_t status = FindInstance(name_space, path, &stored);
  if (status != wmi::kWbemSNoError) return status;
  repository_.Remove(stored);
  return wmi::kWbemSNoError;
}

std::uint32_t WmiStore::PutInstance(const scenario::InstanceValue& value, PutMode mode) {
  std::lock_guard<std::mutex> lock(mu_);
  const scenario::ClassDecl* decl = repository_.FindClass(value.name_space, value.class_name);
  if (decl == nullptr) return wmi::kWbemEInvalidClass;
  core::InstancePtr built;
  if (scenario::ToInstance(value, data_, &built) != MI_RESULT_OK || !built) return wmi::kWbemEInvalidParameter;
  for (const std::string& k : repository_.KeysOf(value.name_space, decl->name)) {
    std::string text;
    if (!PropertyText(built.get(), k.c_str(), &text)) return wmi::kWbemEInvalidParameter;  // a key without a value
  }
  const StoredInstance* existing = repository_.FindSameKeys(value.name_space, decl->name, built.get());
  if (existing != nullptr && mode == PutMode::kCreateOnly) return wmi::kWbemEAlreadyExists;
  if (existing == nullptr && mode == PutMode::kUpdateOnly) return wmi::kWbemENotFound;
  if (existing != nullptr) {
    repository_.Replace(existing, Share(built.release()));
  } else {
    repository_.Add(StoredInstance{"wmidcom-put-" + std::to_string(++created_), value.name_space, decl->name,
                                   Share(built.release())});
  }
  return wmi::kWbemSNoError;
}

}  // namespace cimulate::fake::wmidcom
