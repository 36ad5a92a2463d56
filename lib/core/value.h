// Helpers for MI_Value: sizes of each MI_Type, deep copies and releases.
//
// Ownership rule used across the library: a value "owned" by an object holds heap
// memory from malloc (strings, array buffers) and cloned instances; releasing it
// frees exactly that.  Borrowed values (MI_FLAG_BORROW) are never released.
#ifndef CIMULATE_CORE_VALUE_H_
#define CIMULATE_CORE_VALUE_H_

#include <cstddef>
#include <string>

#include "MI.h"

namespace cimulate::core {

inline bool IsArrayType(MI_Type type) { return (type & MI_ARRAY) != 0; }
inline MI_Type ScalarOf(MI_Type type) { return static_cast<MI_Type>(type & ~MI_ARRAY); }
inline bool IsValidType(MI_Uint32 type) { return type <= MI_INSTANCEA; }

// Bytes of one scalar element of `type` (for arrays: of one array element).
size_t ElementSize(MI_Type type);

// Bytes a value of `type` occupies inside a field (the offset of 'exists').
size_t FieldValueSize(MI_Type type);

// The name of a type as CIM/MOF spells it ("uint32", "string[]", ...).
const char* TypeName(MI_Type type);

// Deep-copies `source` of `type` into `*target`.  Strings and arrays are copied with
// malloc; instances and references are cloned through their ft.  On failure `*target`
// is left empty and an error is returned (MI_RESULT_SERVER_LIMITS_EXCEEDED on
// allocation failure, or the clone's result).
MI_Result CopyValue(MI_Type type, const MI_Value& source, MI_Value* target);

// Releases what CopyValue allocated.  Safe on a zeroed value.
void ReleaseValue(MI_Type type, MI_Value* value);

// Equality of two values of the same type (deep for strings and arrays; instances
// compare by their elements).
bool ValuesEqual(MI_Type type, const MI_Value& a, const MI_Value& b);

// A malloc'd copy of a C string (nullptr stays nullptr).
char* DuplicateString(const char* text);

// Case-insensitive ASCII comparison, the way CIM compares names.
bool NamesEqual(const char* a, const char* b);

// The hash code MI declarations carry: first and last letter (lowercased) and length.
MI_Uint32 FeatureCode(const char* name);

}  // namespace cimulate::core

#endif  // CIMULATE_CORE_VALUE_H_
