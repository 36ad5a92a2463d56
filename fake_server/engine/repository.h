// The instances the fake serves: built once from the scenario's data, then
// changed by Put, Create and Delete.
//
// Instances are shared and never modified in place (Put swaps in a changed
// copy), so an enumeration's snapshot stays what it was when it started.
//
// Lookups do not scan: every declared class has an entry (found by its
// lower-cased namespace and name) holding its keys, its instances and those
// of its subclasses in data order, and an index from their key values to
// them.  An instance is indexed under its own class and under each ancestor,
// by that ancestor's keys, so a Get on a base class naming a subclass
// instance's keys finds it in one probe.  Add, Replace and Remove keep all of
// it current.  Not thread-safe; the engine serialises access.
#ifndef CIMULATE_FAKE_SERVER_ENGINE_REPOSITORY_H_
#define CIMULATE_FAKE_SERVER_ENGINE_REPOSITORY_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "MI.h"
#include "scenario/data.h"
#include "wsman/epr.h"

namespace cimulate::fake {

using SharedInstance = std::shared_ptr<const MI_Instance>;

struct StoredInstance {
  std::string id;          // the data's id; generated for created instances
  std::string name_space;  // as the data spells it
  std::string class_name;
  SharedInstance instance;
};

enum class LookupResult {
  kFound,
  kNoSuchNamespace,
  kNoSuchClass,
  kUnexpectedSelectors,    // a selector that is not a key of the class
  kInsufficientSelectors,  // a key without a selector
  kDuplicateSelectors,
  kNotFound,               // well-formed keys, no such instance
};

class Repository {
 public:
  explicit Repository(const scenario::DataSet& data);
  ~Repository();

  Repository(const Repository&) = delete;
  Repository& operator=(const Repository&) = delete;

  const scenario::DataSet& data() const { return data_; }
  // Instances the data declares but that could not be built.
  const std::vector<std::string>& errors() const { return errors_; }

  // Case-insensitive, as WMI names are; nullptr when absent.
  const scenario::NamespaceData* FindNamespace(std::string_view name_space) const;
  const scenario::ClassDecl* FindClass(std::string_view name_space, std::string_view class_name) const;
  // Key property names of a class (with inherited ones); empty when it declares none.
  std::vector<std::string> KeysOf(std::string_view name_space, std::string_view class_name) const;

  const StoredInstance* FindById(std::string_view id) const;
  // Every instance of `class_name` or a subclass, in data order.
  std::vector<const StoredInstance*> InstancesOf(std::string_view name_space, std::string_view class_name) const;

  // The instance the selectors name (the __cimnamespace selector is ignored).
  LookupResult Lookup(std::string_view name_space, std::string_view class_name,
                      const std::vector<wsman::Selector>& selectors, const StoredInstance** out,
                      std::string* detail) const;
  // The first instance of the class or a subclass whose key values equal
  // `instance`'s, compared as selectors are; nullptr when there is none or the
  // class declares no keys.
  const StoredInstance* FindSameKeys(std::string_view name_space, std::string_view class_name,
                                     const MI_Instance* instance) const;

  // `stored` must be a pointer this repository handed out.
  void Replace(const StoredInstance* stored, SharedInstance instance);
  void Add(StoredInstance stored);
  void Remove(const StoredInstance* stored);

 private:
  struct ClassEntry;
  struct Record;

  const ClassEntry* FindEntry(std::string_view name_space, std::string_view class_name) const;
  // The entries of the record's class and its ancestors, each once.
  std::vector<ClassEntry*> LineageOf(const std::string& name_space, const std::string& class_name);
  void Index(Record* record);
  void Unindex(Record* record);
  void Insert(std::unique_ptr<Record> record);

  const scenario::DataSet& data_;
  std::vector<std::unique_ptr<Record>> instances_;  // data order
  std::uint64_t next_order_ = 0;
  // Keyed by the normalised, lower-cased namespace.
  std::unordered_map<std::string, const scenario::NamespaceData*> namespaces_;
  // Keyed by that namespace key, '\n', the lower-cased class name.
  std::unordered_map<std::string, std::unique_ptr<ClassEntry>> classes_;
  std::unordered_map<std::string, Record*> by_id_;
  std::vector<std::string> errors_;
};

// Shares ownership of a built instance.
SharedInstance Share(MI_Instance* instance);

}  // namespace cimulate::fake

#endif  // CIMULATE_FAKE_SERVER_ENGINE_REPOSITORY_H_
