// cimulate's MI_Class: an owned deep copy of an MI_ClassDecl behind MI_ClassFT,
// with the qualifier-set and parameter-set tables it hands out.
#ifndef CIMULATE_CORE_CLASS_H_
#define CIMULATE_CORE_CLASS_H_

#include <memory>

#include "MI.h"

namespace cimulate::core {

extern const MI_ClassFT kClassFT;

// A new MI_Class holding a deep copy of `decl` (names, qualifiers and their values,
// properties with default values, methods and parameters, and the superclass chain),
// so the class outlives the decl it came from.  The copy's owningClass is the new
// class.  Release with MI_Class_Delete.
MI_Result NewClass(const MI_ClassDecl* decl, const MI_Char* name_space, const MI_Char* server_name, MI_Class** out);

struct ClassDeleter {
  void operator()(MI_Class* cls) const {
    if (cls != nullptr) MI_Class_Delete(cls);
  }
};
using ClassPtr = std::unique_ptr<MI_Class, ClassDeleter>;

}  // namespace cimulate::core

#endif  // CIMULATE_CORE_CLASS_H_
