// Writing the ready file so that a reader never sees half of it.
#ifndef CIMULATE_FAKE_SERVER_SERVER_READY_FILE_H_
#define CIMULATE_FAKE_SERVER_SERVER_READY_FILE_H_

#include <string>

namespace cimulate::fake {

// Writes `text` to a temporary file next to `path` and renames it over
// `path`: a poller sees either no file or the whole text.
bool WriteFileAtomically(const std::string& path, const std::string& text, std::string* error);

}  // namespace cimulate::fake

#endif  // CIMULATE_FAKE_SERVER_SERVER_READY_FILE_H_
