// Noticing that a file changed, by polling its identity (inode, size and
// modification time).  Polling rather than inotify follows editors that
// save by writing a new file and renaming it over the old one.
#ifndef CIMULATE_FAKE_SERVER_SERVER_FILE_WATCH_H_
#define CIMULATE_FAKE_SERVER_SERVER_FILE_WATCH_H_

#include <cstdint>
#include <string>

namespace cimulate::fake {

class FileWatch {
 public:
  // Remembers the file's current identity.
  explicit FileWatch(std::string path);

  // True once per change since the last call (or construction).  A missing
  // file is no change: an editor may be between delete and rename.
  bool Changed();

 private:
  struct Stamp {
    std::uint64_t inode = 0;
    std::int64_t size = -1;
    std::int64_t mtime_ns = 0;
    bool operator==(const Stamp&) const = default;
  };
  bool Read(Stamp* out) const;

  const std::string path_;
  Stamp last_;
};

}  // namespace cimulate::fake

#endif  // CIMULATE_FAKE_SERVER_SERVER_FILE_WATCH_H_
