// The instances the fake serves: built once from the scenario's data, then
// changed by Put, Create and Delete.
//
// Instances are shared and never modified in place (Put swaps in a changed
// copy), so an enumeration's snapshot stays what it was when it started.
// Not thread-safe; the engine serialises access.
#ifndef CIMULATE_FAKE_SERVER_ENGINE_REPOSITORY_H_
#define CIMULATE_FAKE_SERVER_ENGINE_REPOSITORY_H_

#include <memory>
#include <string>
#include <string_view>
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

  void Replace(const StoredInstance* stored, SharedInstance instance);
  void Add(StoredInstance stored);
  void Remove(const StoredInstance* stored);

 private:
  const scenario::DataSet& data_;
  std::vector<std::unique_ptr<StoredInstance>> instances_;
  std::vector<std::string> errors_;
};

// Shares ownership of a built instance.
SharedInstance Share(MI_Instance* instance);

}  // namespace cimulate::fake

#endif  // CIMULATE_FAKE_SERVER_ENGINE_REPOSITORY_H_
