// A private network namespace for one case: only a loopback interface, so
// the fake endpoint can hold the standard ports (5985, 5986, 135) and an
// implementation's defaults reach it without any port option.  Needs
// CAP_SYS_ADMIN (CI runs as root); without it the runner falls back to
// ephemeral loopback ports passed to the implementation as options.
#ifndef CIMULATE_CONFORMANCE_RUNNER_NETNS_H_
#define CIMULATE_CONFORMANCE_RUNNER_NETNS_H_

#include <string>

namespace cimulate::conform {

// Moves the calling process (which must still be single-threaded) into a new
// network namespace and brings its "lo" up.  False with `error` when not
// permitted or when lo cannot be brought up; the process is then unchanged or
// in a namespace without a working loopback, so callers treat false as "fall
// back" only when `error` says the unshare itself failed.
bool EnterPrivateNetwork(std::string* error);

// The mode names reported per case.
inline constexpr const char* kNetworkNamespace = "netns";
inline constexpr const char* kNetworkLoopback = "loopback";

}  // namespace cimulate::conform

#endif  // CIMULATE_CONFORMANCE_RUNNER_NETNS_H_
