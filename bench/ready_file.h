// The one-line JSON file a benchmark server writes once it listens, so the
// script that started it learns the port and pid without racing the bind.
#ifndef CIMULATE_BENCH_READY_FILE_H_
#define CIMULATE_BENCH_READY_FILE_H_

#include <string>

namespace cimulate::bench {

// {"winrm_http":"<address>","pid":<this process>}, the shape cimulate-server
// and FakeServer::ReadyJson() use, so the script reads every server alike.
std::string ReadyJson(const std::string& winrm_http_address);

// Writes `json` and a newline to `path` atomically (a temporary file renamed
// into place), so a reader never sees half of it.
bool WriteReadyFile(const std::string& path, const std::string& json, std::string* error);

// Blocks SIGINT and SIGTERM in the calling thread; call before starting any
// thread so that every thread inherits the mask and WaitForStopSignal() is
// the one place the signal arrives.
void BlockStopSignals();
// Returns the signal that arrived.
int WaitForStopSignal();

}  // namespace cimulate::bench

#endif  // CIMULATE_BENCH_READY_FILE_H_
