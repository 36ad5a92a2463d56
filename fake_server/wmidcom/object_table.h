// The fake's DCOM identity tables: one object exporter (OXID) per endpoint,
// an OID per exported object, an IPID per (object, interface), and the
// public reference counts clients hold on each IPID.
//
// Clients are sloppy with references (impacket releases an enumerator twice),
// so a release below zero is clamped, never an error, and an IPID whose count
// reaches zero is forgotten: calls on it then fail as on Windows
// (RPC_E_DISCONNECTED in the caller's result).
//
// Thread-safe: every connection of the object port shares one table.
#ifndef CIMULATE_FAKE_SERVER_WMIDCOM_OBJECT_TABLE_H_
#define CIMULATE_FAKE_SERVER_WMIDCOM_OBJECT_TABLE_H_

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <random>
#include <vector>

#include "dcerpc/guid.h"

namespace cimulate::fake::wmidcom {

using dcerpc::Guid;

// What an IPID dispatches to (a WMI login, services, enumerator object ...).
class ServedObject {
 public:
  virtual ~ServedObject() = default;
  // True if the object answers the interface (for RemQueryInterface).
  virtual bool Supports(const Guid& iid) const = 0;
};

struct ExportedRef {
  Guid ipid;
  Guid iid;
  std::uint64_t oid = 0;
  std::shared_ptr<ServedObject> object;
};

class ObjectTable {
 public:
  // `seed` makes the identifiers reproducible in a seeded run.
  explicit ObjectTable(std::uint64_t seed);

  ObjectTable(const ObjectTable&) = delete;
  ObjectTable& operator=(const ObjectTable&) = delete;

  std::uint64_t oxid() const { return oxid_; }
  // The IPID of the exporter's IRemUnknown(2), given in ScmReplyInfo.
  const Guid& ipid_rem_unknown() const { return ipid_rem_unknown_; }

  // A new object (new OID) answering `iid` with `public_refs` references.
  ExportedRef Export(const Guid& iid, std::shared_ptr<ServedObject> object, std::uint32_t public_refs);
  // Another interface of the object behind `ipid` (same OID); nullopt when the
  // IPID is unknown or the object does not answer `iid`.
  std::optional<ExportedRef> QueryInterface(const Guid& ipid, const Guid& iid, std::uint32_t public_refs);

  std::optional<ExportedRef> Find(const Guid& ipid) const;
  // False when the IPID is unknown (already released, or never exported).
  bool AddRef(const Guid& ipid, std::uint32_t count);
  // Clamped at zero; at zero the IPID is gone.  False when it was unknown.
  bool Release(const Guid& ipid, std::uint32_t count);

  // Known OIDs, for ComplexPing's "add to set" checks.
  bool HasOid(std::uint64_t oid) const;
  std::size_t size() const;

 private:
  struct Entry {
    ExportedRef ref;
    std::uint32_t refs = 0;
  };
  Guid NewGuidLocked();

  mutable std::mutex mu_;
  std::mt19937_64 random_;  // guarded by mu_
  std::uint64_t oxid_ = 0;
  Guid ipid_rem_unknown_;
  std::uint64_t next_oid_ = 0;
  std::map<Guid, Entry> entries_;
};

}  // namespace cimulate::fake::wmidcom

#endif  // CIMULATE_FAKE_SERVER_WMIDCOM_OBJECT_TABLE_H_
