// The accept hook that applies a scenario's endpoint.connection_faults to
// one listener.
#ifndef CIMULATE_FAKE_SERVER_NET_CONNECTION_FAULTS_H_
#define CIMULATE_FAKE_SERVER_NET_CONNECTION_FAULTS_H_

#include <vector>

#include "net/http_types.h"
#include "scenario/endpoint.h"

namespace cimulate::fake {

// The first entry for `listener` whose nth is 0 or equals the connection's
// 1-based accept count decides the connection's fault.
AcceptHook ConnectionFaultHook(std::vector<scenario::ConnectionFault> faults, scenario::ListenerKind listener);

}  // namespace cimulate::fake

#endif  // CIMULATE_FAKE_SERVER_NET_CONNECTION_FAULTS_H_
