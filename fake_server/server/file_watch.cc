#include "server/file_watch.h"

#include <sys/stat.h>

#include <utility>

namespace cimulate::fake {

FileWatch::FileWatch(std::string path) : path_(std::move(path)) { Read(&last_); }

bool FileWatch::Read(Stamp* out) const {
  struct stat st {};
  if (::stat(path_.c_str(), &st) != 0) return false;
  out->inode = st.st_ino;
  out->size = st.st_size;
  out->mtime_ns = static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
  return true;
}

bool FileWatch::Changed() {
  Stamp now;
  if (!Read(&now) || now == last_) return false;
  last_ = now;
  return true;
}

}  // namespace cimulate::fake
