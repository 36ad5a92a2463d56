// Deadlines for socket operations: an absolute point on the steady clock.
// Every blocking call of the engine takes one, so a stuck peer turns into
// kTimeout instead of a hang.

#ifndef CIMULATE_RPC_DEADLINE_H_
#define CIMULATE_RPC_DEADLINE_H_

#include <chrono>

namespace cimulate::rpc {

using Clock = std::chrono::steady_clock;
using Deadline = Clock::time_point;

inline Deadline DeadlineIn(std::chrono::milliseconds timeout) { return Clock::now() + timeout; }
inline Deadline NoDeadline() { return Deadline::max(); }

}  // namespace cimulate::rpc

#endif  // CIMULATE_RPC_DEADLINE_H_
