#include "rpc/serve_connection.h"

namespace cimulate::rpc {

Status ServeConnection(PduSocket* socket, ServerAssociation* association,
                       const ServeOptions& options) {
  socket->set_max_recv_frag(association->max_recv_frag());
  std::vector<uint8_t> fragment;
  for (;;) {
    Status status = socket->ReadFragment(&fragment, DeadlineIn(options.idle_timeout));
    // The peer closing between PDUs is the normal end of an association.
    if (socket->closed_between_pdus()) return Status::Ok();
    if (!status.ok()) return status;
    ServerOutput out = association->HandleFragment(fragment);
    status = socket->WriteFragments(out.fragments, DeadlineIn(options.write_timeout));
    if (!status.ok()) return status;
    if (out.close) return Status::Ok();
  }
}

}  // namespace cimulate::rpc
