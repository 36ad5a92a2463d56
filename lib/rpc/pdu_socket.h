// PDU I/O on a connected TCP socket: one whole fragment in, whole fragments
// out, every operation bounded by a deadline.
//
// Abort() may be called from any thread: it shuts the socket down, which
// wakes a blocked ReadFragment/WriteFragments, and they return kCancelled.
// The socket stays unusable afterwards. All other members are for one
// thread at a time.

#ifndef CIMULATE_RPC_PDU_SOCKET_H_
#define CIMULATE_RPC_PDU_SOCKET_H_

#include <atomic>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "dcerpc/pdu_types.h"
#include "rpc/deadline.h"
#include "rpc/status.h"

namespace cimulate::rpc {

// Connects to host:port (a numeric address or a name; "localhost" and
// literal IPv6 work), trying every resolved address until the deadline.
// On success *fd is a connected, blocking, close-on-exec socket.
// Errors: kRefused, kTimeout, kInvalidArgument (name does not resolve), kIo.
Status ConnectTcp(const std::string& host, uint16_t port, Deadline deadline, int* fd);

class PduSocket {
 public:
  // Takes ownership of `fd` (closed by the destructor).
  explicit PduSocket(int fd);
  ~PduSocket();
  PduSocket(const PduSocket&) = delete;
  PduSocket& operator=(const PduSocket&) = delete;

  // Reads exactly one fragment: the 16-byte header, then frag_length - 16
  // bytes. frag_length above max_recv_frag (or below 16, or a header that is
  // not DCE/RPC 5.0) is kProtocol. The peer closing is kReset, even in the
  // middle of a fragment.
  Status ReadFragment(std::vector<uint8_t>* fragment, Deadline deadline);

  Status WriteAll(std::span<const uint8_t> bytes, Deadline deadline);
  Status WriteFragments(const std::vector<std::vector<uint8_t>>& fragments, Deadline deadline);

  // Largest fragment ReadFragment accepts; the negotiated max_recv_frag
  // once bound. Capped at 65535 (frag_length is 16 bits).
  void set_max_recv_frag(size_t size);
  size_t max_recv_frag() const { return max_recv_frag_; }

  // Thread-safe. Makes blocked and later operations fail with kCancelled.
  void Abort();
  bool aborted() const { return aborted_.load(); }

  // True when the last ReadFragment failed because the peer closed the
  // connection before the first byte of a PDU (an orderly end).
  bool closed_between_pdus() const { return closed_between_pdus_; }

  int fd() const { return fd_; }

 private:
  Status WaitFor(short events, Deadline deadline);
  Status ReadExactly(uint8_t* data, size_t size, Deadline deadline);
  Status Closed(const std::string& what) const;

  int fd_;
  size_t max_recv_frag_ = dcerpc::kMaxFragmentLength;
  std::atomic<bool> aborted_{false};
  bool closed_between_pdus_ = false;
};

}  // namespace cimulate::rpc

#endif  // CIMULATE_RPC_PDU_SOCKET_H_
