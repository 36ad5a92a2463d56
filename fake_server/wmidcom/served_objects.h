// The objects the fake's IPIDs stand for: the activated IWbemLevel1Login,
// an IWbemServices bound to one namespace, and an IEnumWbemClassObject.
#ifndef CIMULATE_FAKE_SERVER_WMIDCOM_SERVED_OBJECTS_H_
#define CIMULATE_FAKE_SERVER_WMIDCOM_SERVED_OBJECTS_H_

#include <memory>
#include <string>

#include "wmi/wmi_ids.h"
#include "wmidcom/enumerator.h"
#include "wmidcom/object_table.h"

namespace cimulate::fake::wmidcom {

class Level1LoginObject : public ServedObject {
 public:
  bool Supports(const Guid& iid) const override { return iid == wmi::kIidIWbemLevel1Login; }
};

class ServicesObject : public ServedObject {
 public:
  explicit ServicesObject(std::string name_space) : name_space(std::move(name_space)) {}
  bool Supports(const Guid& iid) const override { return iid == wmi::kIidIWbemServices; }
  const std::string name_space;
};

class EnumObject : public ServedObject {
 public:
  EnumObject(std::string name_space, std::unique_ptr<Enumerator> e)
      : name_space(std::move(name_space)), enumerator(std::move(e)) {}
  bool Supports(const Guid& iid) const override { return iid == wmi::kIidIEnumWbemClassObject; }
  const std::string name_space;
  const std::unique_ptr<Enumerator> enumerator;
};

}  // namespace cimulate::fake::wmidcom

#endif  // CIMULATE_FAKE_SERVER_WMIDCOM_SERVED_OBJECTS_H_
