#include "runner/progress.h"

#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <vector>

namespace cimulate::conform {
namespace {

std::string Escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '\\': out += "\\\\"; break;
      case '\t': out += "\\t"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      default: out += c;
    }
  }
  return out;
}

std::string Unescape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\\' || i + 1 == text.size()) {
      out += text[i];
      continue;
    }
    char c = text[++i];
    out += c == 't' ? '\t' : c == 'n' ? '\n' : c == 'r' ? '\r' : c;
  }
  return out;
}

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> fields;
  std::size_t start = 0;
  while (true) {
    std::size_t tab = line.find('\t', start);
    fields.push_back(line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start));
    if (tab == std::string_view::npos) return fields;
    start = tab + 1;
  }
}

template <typename T>
bool ParseNumber(std::string_view text, T* out) {
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), *out);
  return ec == std::errc() && end == text.data() + text.size();
}

}  // namespace

void ProgressWriter::WriteLine(const std::string& line) {
  std::lock_guard<std::mutex> lock(mu_);
  std::string data = line + "\n";
  std::size_t done = 0;
  while (done < data.size()) {
    ssize_t n = ::write(fd_, data.data() + done, data.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;  // the parent is gone; nothing left to tell
    done += static_cast<std::size_t>(n);
  }
}

void ProgressWriter::Network(std::string_view mode) { WriteLine("net\t" + Escape(mode)); }

void ProgressWriter::StepStarted(std::size_t step, std::int64_t deadline_ms) {
  WriteLine("start\t" + std::to_string(step) + "\t" + std::to_string(deadline_ms));
}

void ProgressWriter::StepEnded(std::size_t step, std::int64_t duration_us) {
  WriteLine("end\t" + std::to_string(step) + "\t" + std::to_string(duration_us));
}

void ProgressWriter::CheckDone(std::size_t step, const Check& check) {
  WriteLine("check\t" + std::to_string(step) + "\t" + (check.passed ? "1" : "0") + "\t" + Escape(check.what) + "\t" +
            Escape(check.expected) + "\t" + Escape(check.actual) + "\t" + Escape(check.where));
}

void ProgressWriter::Skip(std::string_view reason) { WriteLine("skip\t" + Escape(reason)); }
void ProgressWriter::Error(std::string_view message) { WriteLine("error\t" + Escape(message)); }
void ProgressWriter::Done() { WriteLine("done"); }

bool ParseProgressLine(std::string_view line, ProgressEvent* event) {
  std::vector<std::string_view> f = SplitTabs(line);
  const std::string_view tag = f[0];
  *event = ProgressEvent();
  if (tag == "done") {
    event->kind = ProgressKind::kDone;
    return f.size() == 1;
  }
  if (tag == "net" || tag == "skip" || tag == "error") {
    event->kind = tag == "net" ? ProgressKind::kNetwork : tag == "skip" ? ProgressKind::kSkip : ProgressKind::kError;
    if (f.size() != 2) return false;
    event->text = Unescape(f[1]);
    return true;
  }
  if (tag == "start" || tag == "end") {
    event->kind = tag == "start" ? ProgressKind::kStepStarted : ProgressKind::kStepEnded;
    return f.size() == 3 && ParseNumber(f[1], &event->step) && ParseNumber(f[2], &event->number);
  }
  if (tag == "check") {
    event->kind = ProgressKind::kCheck;
    if (f.size() != 7 || !ParseNumber(f[1], &event->step) || (f[2] != "0" && f[2] != "1")) return false;
    event->check.passed = f[2] == "1";
    event->check.what = Unescape(f[3]);
    event->check.expected = Unescape(f[4]);
    event->check.actual = Unescape(f[5]);
    event->check.where = Unescape(f[6]);
    return true;
  }
  return false;
}

}  // namespace cimulate::conform
