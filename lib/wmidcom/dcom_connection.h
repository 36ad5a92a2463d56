// The real WbemConnection: activation on the destination's activation port,
// the object exporter connection, NTLMLogin, IWbemServices calls, RemRelease.
#ifndef CIMULATE_WMIDCOM_DCOM_CONNECTION_H_
#define CIMULATE_WMIDCOM_DCOM_CONNECTION_H_

#include <memory>

#include "wmidcom/connection.h"

namespace cimulate::wmidcom {

// Does no I/O; the first Login connects.
std::unique_ptr<WbemConnection> NewDcomConnection(const SessionSettings& settings);

}  // namespace cimulate::wmidcom

#endif  // CIMULATE_WMIDCOM_DCOM_CONNECTION_H_
