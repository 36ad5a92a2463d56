// Building blocks shared by the MS-WMI call stubs: how interface pointers
// sit in a stub, the HRESULT, and how a decode ends.
//
// Every MS-WMI request starts with ORPCTHIS and every reply with ORPCTHAT
// (MS-DCOM 2.2.13); the stubs here take those from lib/dcom. An interface
// pointer travels as an MInterfacePointer whose bytes (an OBJREF) this layer
// does not look into: lib/dcom and lib/wmio decode them.

#ifndef CIMULATE_WMI_STUB_CODEC_H_
#define CIMULATE_WMI_STUB_CODEC_H_

#include <optional>
#include <span>
#include <string_view>

#include "dcerpc/ndr_reader.h"
#include "dcerpc/ndr_writer.h"
#include "dcerpc/status.h"
#include "dcom/orpc.h"
#include "wmi/wbem_status.h"

namespace cimulate::wmi {

using dcerpc::NdrReader;
using dcerpc::NdrWriter;
using dcerpc::Status;
using dcom::MInterfacePointer;
using dcom::OrpcThat;
using dcom::OrpcThis;

// `[in] IFoo*` or `[out] IFoo**` as a top-level parameter: a unique pointer
// to an MInterfacePointer; nullopt is a NULL interface pointer.
using InterfacePtr = std::optional<MInterfacePointer>;

// `[in, out, unique] IFoo**` (GetObject's ppObject, ExecMethod's
// ppOutParams, every ppCallResult): a unique pointer to a unique pointer.
// The outer one says whether the caller wants the result at all; the inner
// one is the interface pointer.
struct InOutInterfacePtr {
  bool requested = false;
  InterfacePtr value;

  static InOutInterfacePtr NotRequested() { return {}; }
  static InOutInterfacePtr Requested(InterfacePtr v = std::nullopt) { return {true, std::move(v)}; }
  friend bool operator==(const InOutInterfacePtr&, const InOutInterfacePtr&) = default;
};

void WriteInterfacePtr(NdrWriter& out, const InterfacePtr& value);
bool ReadInterfacePtr(NdrReader& in, InterfacePtr* value);

void WriteInOutInterfacePtr(NdrWriter& out, const InOutInterfacePtr& value);
bool ReadInOutInterfacePtr(NdrReader& in, InOutInterfacePtr* value);

// The HRESULT that ends every reply.
bool ReadHResult(NdrReader& in, HResult* value);

// The end of a request: the reader's status, naming the call on failure.
// Bytes after the last parameter are ignored: MS-RPCE lets a server ignore
// them, and impacket's GetObject request carries 12 (reference/wmidcom.md
// section 1).
Status FinishRequest(const NdrReader& in, std::string_view call);

// The end of a reply. Here trailing bytes are an error: a reply is written
// by the server we talk to, and extra bytes mean we read it wrong.
Status FinishResponse(const NdrReader& in, std::string_view call);

}  // namespace cimulate::wmi

#endif  // CIMULATE_WMI_STUB_CODEC_H_
