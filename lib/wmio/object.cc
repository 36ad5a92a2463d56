#include "wmio/object.h"

namespace cimulate::wmio {

Object Object::ForClass(ClassPtr cls, std::optional<Decoration> decoration, ClassPtr parent) {
  Object object;
  object.decoration = std::move(decoration);
  object.parent = std::move(parent);
  object.cls = std::move(cls);
  return object;
}

Object Object::ForInstance(Instance instance, std::optional<Decoration> decoration) {
  Object object;
  object.decoration = std::move(decoration);
  object.cls = instance.cls;
  object.instance = std::move(instance);
  return object;
}

bool Object::operator==(const Object& other) const {
  return decoration == other.decoration && SameClass(parent, other.parent) &&
         SameClass(cls, other.cls) && instance == other.instance;
}

}  // namespace cimulate::wmio
