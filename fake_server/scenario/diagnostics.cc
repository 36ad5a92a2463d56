#include "scenario/diagnostics.h"

#include <utility>

namespace cimulate::scenario {

std::string Diagnostic::ToString() const {
  return file + ":" + std::to_string(mark.line) + ":" + std::to_string(mark.column) + ": " + message;
}

Diagnostics::Diagnostics(std::string file, size_t limit) : file_(std::move(file)), limit_(limit) {}

void Diagnostics::Add(Mark mark, std::string message) {
  ++count_;
  if (errors_.size() < limit_) errors_.push_back(Diagnostic{file_, mark, std::move(message)});
}

}  // namespace cimulate::scenario
