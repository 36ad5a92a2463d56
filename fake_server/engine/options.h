// Limits of one engine (bounded memory whatever clients do).
#ifndef CIMULATE_FAKE_SERVER_ENGINE_OPTIONS_H_
#define CIMULATE_FAKE_SERVER_ENGINE_OPTIONS_H_

#include <cstddef>

namespace cimulate::fake {

struct EngineOptions {
  // WinRM's MaxEnvelopeSizekb default (500 KiB): larger requests get w:EncodingLimit.
  size_t max_request_bytes = 512000;
  // Open enumeration contexts and shells; past these the oldest is dropped
  // (a later Pull on it gets n:InvalidEnumerationContext, as after Windows'
  // EnumerationTimeoutms).
  size_t max_enumerations = 1024;
  size_t max_shells = 256;
  size_t max_commands_per_shell = 64;
};

}  // namespace cimulate::fake

#endif  // CIMULATE_FAKE_SERVER_ENGINE_OPTIONS_H_
