// Validation errors with their position in the scenario file.
//
// A scenario author fixes errors in an editor, so every error names the file,
// the 1-based line and column, the field's path ("rules[2].match.action") and
// what was expected.  Errors are collected, not thrown, so one run reports
// several of them; past `limit` they are only counted.
#ifndef CIMULATE_FAKE_SERVER_SCENARIO_DIAGNOSTICS_H_
#define CIMULATE_FAKE_SERVER_SCENARIO_DIAGNOSTICS_H_

#include <cstddef>
#include <string>
#include <vector>

namespace cimulate::scenario {

// A position in the source text, 1-based (yaml-cpp's marks are 0-based).
struct Mark {
  int line = 1;
  int column = 1;
};

struct Diagnostic {
  std::string file;
  Mark mark;
  std::string message;  // "rules[2].match.action: expected ..."

  // "file:line:column: message"
  std::string ToString() const;
};

class Diagnostics {
 public:
  static constexpr size_t kDefaultLimit = 20;

  explicit Diagnostics(std::string file, size_t limit = kDefaultLimit);

  void Add(Mark mark, std::string message);

  bool empty() const { return count_ == 0; }
  // Every error reported, including those past the limit.
  size_t count() const { return count_; }
  // The errors kept (at most `limit`), in the order they were reported.
  const std::vector<Diagnostic>& errors() const { return errors_; }
  const std::string& file() const { return file_; }

 private:
  std::string file_;
  size_t limit_;
  size_t count_ = 0;
  std::vector<Diagnostic> errors_;
};

}  // namespace cimulate::scenario

#endif  // CIMULATE_FAKE_SERVER_SCENARIO_DIAGNOSTICS_H_
