// Serves one ServerAssociation on a connected socket until the association
// closes it, the peer goes away, the socket is aborted or it stays idle too
// long. Blocking; the caller owns the listener and the thread.

#ifndef CIMULATE_RPC_SERVE_CONNECTION_H_
#define CIMULATE_RPC_SERVE_CONNECTION_H_

#include <chrono>

#include "rpc/pdu_socket.h"
#include "rpc/server_association.h"
#include "rpc/status.h"

namespace cimulate::rpc {

struct ServeOptions {
  std::chrono::milliseconds idle_timeout{std::chrono::minutes(5)};
  std::chrono::milliseconds write_timeout{std::chrono::seconds(30)};
};

// Returns Ok when the association closed the connection on purpose (or the
// peer closed it between PDUs), kCancelled after socket->Abort(), kTimeout
// when idle, kProtocol/kReset for a broken peer.
Status ServeConnection(PduSocket* socket, ServerAssociation* association,
                       const ServeOptions& options = {});

}  // namespace cimulate::rpc

#endif  // CIMULATE_RPC_SERVE_CONNECTION_H_
