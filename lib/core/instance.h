// cimulate's MI_Instance: OMI's storage model behind the MI_InstanceFT.
//
// An instance is a 64-byte MI_Instance header followed by one field per property,
// at the offset its MI_PropertyDecl names, in the MI_XxxField layout (value,
// 'exists' byte, private flags byte).  Code built against OMI's libraries reads
// instances that way without going through ft, so this layout is part of the ABI.
//
// Two kinds:
//  - dynamic: properties are added at run time.  The MI_Instance the caller holds
//    is a fixed header whose reserved[1] ('self') points to the storage block,
//    which grows as properties are added; property i lives at 64 + 40*i.
//  - declared: laid out by an MI_ClassDecl the caller supplies (generated provider
//    structs, RTTI); storage is inline, the decl must outlive the instance.
#ifndef CIMULATE_CORE_INSTANCE_H_
#define CIMULATE_CORE_INSTANCE_H_

#include <memory>

#include "MI.h"

namespace cimulate::core {

extern const MI_InstanceFT kInstanceFT;

// A new empty dynamic instance.  `meta_flags` may hold MI_FLAG_CLASS,
// MI_FLAG_ASSOCIATION or MI_FLAG_INDICATION; it becomes the class decl's flags.
MI_Result NewDynamicInstance(const MI_Char* class_name, MI_Uint32 meta_flags, MI_Instance** out);

// A new instance laid out by `decl`; properties with a default value in the decl
// start with it, the others start NULL.
MI_Result NewDeclaredInstance(const MI_ClassDecl* decl, MI_Instance** out);

// A new dynamic instance with the properties (names, types, flags, reference
// classes, default values) that `decl` declares; it does not depend on `decl`.
MI_Result NewDynamicInstanceOf(const MI_ClassDecl* decl, MI_Instance** out);

// Initializes caller memory of decl->size bytes as an instance of `decl`
// (MI_Context_ConstructInstance).  Release with MI_Instance_Destruct.
MI_Result ConstructDeclaredInstance(const MI_ClassDecl* decl, MI_Instance* memory);

// A dynamic deep copy of any instance: ours, another implementation's (read through
// its ft), or a provider's struct posted with a NULL ft (read through its decl).
MI_Result CloneAsDynamic(const MI_Instance* source, MI_Instance** out);

// True if `instance` was created by this library.
bool IsOwnInstance(const MI_Instance* instance);

struct InstanceDeleter {
  void operator()(MI_Instance* instance) const {
    if (instance != nullptr) MI_Instance_Delete(instance);
  }
};
using InstancePtr = std::unique_ptr<MI_Instance, InstanceDeleter>;

// Clones through ft; nullptr in, nullptr out; nullptr on failure.
InstancePtr CloneInstance(const MI_Instance* source);

}  // namespace cimulate::core

#endif  // CIMULATE_CORE_INSTANCE_H_
