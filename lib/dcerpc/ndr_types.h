// Constants shared by the NDR reader and writer.

#ifndef CIMULATE_DCERPC_NDR_TYPES_H_
#define CIMULATE_DCERPC_NDR_TYPES_H_

#include <cstddef>
#include <cstdint>

namespace cimulate::dcerpc {

enum class PointerKind {
  kRef,     // never NULL; no referent ID at top level
  kUnique,  // may be NULL, never aliased
  kFull,    // [ptr]: may be NULL and may alias
};

// Windows numbers referents 0x00020000 + 4k; any non-zero value is legal, so
// this only makes our output look familiar in captures.
inline constexpr uint32_t kFirstReferentId = 0x00020004;
inline constexpr uint32_t kReferentIdStep = 4;

struct NdrLimits {
  // Pointees nested deeper than this are rejected; bounds recursion on
  // hostile self-referencing lists.
  size_t max_pointer_depth = 64;
};

}  // namespace cimulate::dcerpc

#endif  // CIMULATE_DCERPC_NDR_TYPES_H_
