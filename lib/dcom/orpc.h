// The ORPC headers every DCOM call carries (MS-DCOM 2.2.13) and the
// MInterfacePointer that carries an OBJREF through NDR (MS-DCOM 2.2.14).
//
// ORPCTHIS is the first [in] parameter of every ORPC request and ORPCTHAT the
// first [out] parameter of every reply. Both are written as top-level structs;
// their optional extension array is an embedded pointer whose pointee follows
// the struct at once.
//
// Readers follow dcerpc::NdrReader's sticky-error convention: they return
// false on the first error and the reader's status() says why.

#ifndef CIMULATE_DCOM_ORPC_H_
#define CIMULATE_DCOM_ORPC_H_

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "dcerpc/guid.h"
#include "dcerpc/ndr_reader.h"
#include "dcerpc/ndr_writer.h"

namespace cimulate::dcom {

using dcerpc::Guid;
using dcerpc::NdrReader;
using dcerpc::NdrWriter;
using dcerpc::PointerKind;

// COMVERSION: 5.7 is what Windows since XP and impacket send.
struct ComVersion {
  uint16_t major = 5;
  uint16_t minor = 7;
  friend bool operator==(const ComVersion&, const ComVersion&) = default;
};

// ORPCTHIS.flags values (MS-DCOM 2.2.13.1).
inline constexpr uint32_t kOrpcfNull = 0;
inline constexpr uint32_t kOrpcfLocal = 1;

// One ORPC_EXTENT. `data` holds `size` bytes; the wire pads it to 8.
struct OrpcExtent {
  Guid id;
  std::vector<uint8_t> data;
  friend bool operator==(const OrpcExtent&, const OrpcExtent&) = default;
};

// More extents than this in one ORPC_EXTENT_ARRAY are rejected; Windows
// defines two extension kinds, so this only bounds hostile input.
inline constexpr uint32_t kMaxOrpcExtents = 64;

// An empty `extensions` goes on the wire as a NULL pointer, as clients send.
struct OrpcThis {
  ComVersion version;
  uint32_t flags = kOrpcfNull;
  uint32_t reserved1 = 0;
  Guid cid;  // causality ID
  std::vector<OrpcExtent> extensions;
  friend bool operator==(const OrpcThis&, const OrpcThis&) = default;
};

struct OrpcThat {
  uint32_t flags = 0;
  std::vector<OrpcExtent> extensions;
  friend bool operator==(const OrpcThat&, const OrpcThat&) = default;
};

void WriteOrpcThis(NdrWriter& out, const OrpcThis& value);
bool ReadOrpcThis(NdrReader& in, OrpcThis* value);

void WriteOrpcThat(NdrWriter& out, const OrpcThat& value);
bool ReadOrpcThat(NdrReader& in, OrpcThat* value);

// MInterfacePointer { ulCntData; [size_is(ulCntData)] byte abData[]; }, where
// abData is an OBJREF (see objref.h).
struct MInterfacePointer {
  std::vector<uint8_t> data;
  friend bool operator==(const MInterfacePointer&, const MInterfacePointer&) = default;
};

// The conformant struct itself, i.e. the pointee of a pointer to it. Use this
// inside a caller-built pointer chain (e.g. GetObject's unique->unique->MIP).
void WriteInterfacePointerData(NdrWriter& out, const MInterfacePointer& value);
bool ReadInterfacePointerData(NdrReader& in, MInterfacePointer* value);

// A pointer to an MInterfacePointer: top-level when called outside any
// Constructed(), embedded (pointee deferred) inside one. `value == nullptr`
// writes NULL (not allowed for kRef). The pointee is written, or read into
// *value, possibly after this call returns when the pointer is embedded, so
// `value` must outlive the outermost Constructed() around it.
void WriteInterfacePointer(NdrWriter& out, PointerKind kind, const MInterfacePointer* value);
bool ReadInterfacePointer(NdrReader& in, PointerKind kind,
                          std::optional<MInterfacePointer>* value);

}  // namespace cimulate::dcom

#endif  // CIMULATE_DCOM_ORPC_H_
