#include "wmio/qualifier.h"

#include "wmio/names.h"

namespace cimulate::wmio {

const Qualifier* FindQualifier(const QualifierList& qualifiers, std::string_view name) {
  for (const Qualifier& q : qualifiers) {
    if (NamesEqual(q.name, name)) return &q;
  }
  return nullptr;
}

}  // namespace cimulate::wmio
