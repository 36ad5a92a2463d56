// What an IWbemClassObject carries by value (MS-WMIO ObjectBlock): a class
// or an instance, optionally decorated with the server and namespace it
// came from.

#ifndef CIMULATE_WMIO_OBJECT_H_
#define CIMULATE_WMIO_OBJECT_H_

#include <memory>
#include <optional>
#include <string>

#include "wmio/class.h"
#include "wmio/instance.h"

namespace cimulate::wmio {

struct Decoration {
  std::string server;     // DecServerName, e.g. "FAKEWMI"
  std::string name_space;  // DecNamespaceName, e.g. "ROOT\\cimv2"

  bool operator==(const Decoration&) const = default;
};

struct Object {
  std::optional<Decoration> decoration;
  // Class objects only: the ParentClass part of ClassType.  Null encodes
  // the empty part of a root class (ClassNameRef 0xFFFFFFFF).
  ClassPtr parent;
  // The current class: the object itself for a class object, the instance's
  // class otherwise (then equal to instance->cls).
  ClassPtr cls;
  std::optional<Instance> instance;

  bool is_instance() const { return instance.has_value(); }
  bool is_class() const { return !instance.has_value(); }

  static Object ForClass(ClassPtr cls, std::optional<Decoration> decoration = std::nullopt,
                         ClassPtr parent = nullptr);
  static Object ForInstance(Instance instance, std::optional<Decoration> decoration = std::nullopt);

  bool operator==(const Object& other) const;
};

}  // namespace cimulate::wmio

#endif  // CIMULATE_WMIO_OBJECT_H_
