// Raw socket operations the fault injector needs and httplib does not offer:
// non-blocking I/O with deadlines that also watch a stop flag, RST instead of
// FIN, a FIN that does not turn into an RST, and address formatting.
#ifndef CIMULATE_FAKE_SERVER_NET_SOCKET_UTIL_H_
#define CIMULATE_FAKE_SERVER_NET_SOCKET_UTIL_H_

#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>

namespace cimulate::fake {

using Clock = std::chrono::steady_clock;

// How long one poll() may sleep before stop flags are looked at again.
inline constexpr int kPollSliceMs = 20;

enum class WaitResult { kReady, kTimeout, kStopped, kError };

// Waits until `fd` is readable (or writable with `for_write`), the deadline
// passes, or *stop becomes true.  Clock::time_point::max() waits forever.
WaitResult WaitFd(int fd, bool for_write, Clock::time_point deadline, const std::atomic<bool>* stop);

// Peeks without consuming: >0 data is waiting, 0 the peer closed (EOF),
// -1 nothing yet (EAGAIN) or an error (see errno).
long PeekByte(int fd);

bool SetNonBlocking(int fd);
void SetNoDelay(int fd);

// Sends everything before the deadline (non-blocking socket).
bool SendAll(int fd, const char* data, std::size_t size, Clock::time_point deadline, const std::atomic<bool>* stop);

// Closes with SO_LINGER {on, 0}: the kernel sends RST, the peer's recv/send
// fail with ECONNRESET.
void ResetAndClose(int fd);

// Sends FIN and reads (discarding) until the peer closes or `drain` passes,
// then closes.  Closing with unread input would make the kernel send RST,
// which a client reports as a reset rather than as the close we mean.
void CloseGracefully(int fd, std::chrono::milliseconds drain);

// "127.0.0.1:8080" or "[::1]:8080" for the peer (or the local end).
std::string PeerAddress(int fd);
std::string LocalAddress(int fd);
// Splits "[::1]:8080" / "127.0.0.1:8080" into host and port.
void SplitAddress(const std::string& address, std::string* host, int* port);

Clock::time_point DeadlineAfterMs(std::uint32_t ms);  // 0: no deadline (max)

}  // namespace cimulate::fake

#endif  // CIMULATE_FAKE_SERVER_NET_SOCKET_UTIL_H_
