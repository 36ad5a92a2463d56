// What the MS-WMI calls of the fake serve: the scenario's classes and
// instances, through the engine's Repository and WQL, so WMIDCOM answers from
// the same data as WinRM.
//
// Each call returns an HRESULT (wmi::kWbemSNoError or a WBEM_E_*) as IWbemServices does,
// and the objects to send; encoding them (MS-WMIO) is the caller's job.
//
// Thread-safe: calls from every connection are serialised on one lock, so
// a Delete is seen by the queries after it.
#ifndef CIMULATE_FAKE_SERVER_WMIDCOM_WMI_STORE_H_
#define CIMULATE_FAKE_SERVER_WMIDCOM_WMI_STORE_H_

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "engine/repository.h"
#include "scenario/data.h"

namespace cimulate::fake::wmidcom {

// A class (instance empty) or an instance, with the properties to send.
struct WmiObject {
  std::string name_space;
  const scenario::ClassDecl* class_decl = nullptr;  // the object's own class
  SharedInstance instance;                          // null: the object is the class
  std::vector<std::string> properties;              // a SELECT list; empty: all
};

// "//./root/cimv2", "\\\\.\\root\\cimv2", "root\\cimv2" -> "root/cimv2".
std::string WmiNamespace(std::string_view login_namespace);

class WmiStore {
 public:
  explicit WmiStore(const scenario::DataSet& data);

  WmiStore(const WmiStore&) = delete;
  WmiStore& operator=(const WmiStore&) = delete;

  // NTLMLogin's check: WBEM_E_INVALID_NAMESPACE when the data has no such namespace.
  std::uint32_t OpenNamespace(std::string_view login_namespace, std::string* name_space) const;

  // A class by name, or an instance by its object path.
  std::uint32_t GetObject(const std::string& name_space, std::string_view path, WmiObject* out) const;
  // WQL only (WBEM_E_INVALID_QUERY_TYPE otherwise), the engine's subset.
  std::uint32_t ExecQuery(const std::string& name_space, std::string_view language, std::string_view query,
                          std::vector<WmiObject>* out) const;
  // Every instance of the class; `shallow`: not those of subclasses.
  std::uint32_t CreateInstanceEnum(const std::string& name_space, std::string_view class_name, bool shallow,
                                   std::vector<WmiObject>* out) const;
  std::uint32_t DeleteInstance(const std::string& name_space, std::string_view path);

  enum class PutMode { kCreateOrUpdate, kUpdateOnly, kCreateOnly };
  // Stores `value` (an instance of a class of the data, with every key set):
  // replaces the instance with the same keys or adds it, as `mode` allows
  // (WBEM_E_ALREADY_EXISTS, WBEM_E_NOT_FOUND otherwise).
  std::uint32_t PutInstance(const scenario::InstanceValue& value, PutMode mode);

 private:
  std::uint32_t FindInstance(const std::string& name_space, std::string_view path, const StoredInstance** out) const;
  WmiObject MakeInstanceObject(const std::string& name_space, const StoredInstance& stored) const;

  const scenario::DataSet data_;  // the Repository keeps a reference to it
  std::uint64_t created_ = 0;      // guarded by mu_: ids of instances PutInstance adds
  mutable std::mutex mu_;
  Repository repository_;  // guarded by mu_
};

}  // namespace cimulate::fake::wmidcom

#endif  // CIMULATE_FAKE_SERVER_WMIDCOM_WMI_STORE_H_
