#include "recording.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace cimulate::bench {
namespace {

namespace fs = std::filesystem;

constexpr const char* kContentType = "application/soap+xml;charset=UTF-8";

bool WriteFile(const fs::path& path, const std::string& text, std::string* error) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  if (!out) *error = "cannot write " + path.string();
  return static_cast<bool>(out);
}

bool ReadFile(const fs::path& path, std::string* text, std::string* error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *error = "cannot read " + path.string();
    return false;
  }
  std::ostringstream s;
  s << in.rdbuf();
  *text = s.str();
  return true;
}

std::string PullName(std::size_t n) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "pull-%04zu.xml", n);
  return buf;
}

std::string JsonString(const std::string& text) {
  std::string out = "\"";
  for (unsigned char c : text) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  return out + "\"";
}

// Mountebank closes every connection unless told otherwise, so each answer
// asks for keep-alive, like the other servers measured.
std::string IsResponse(const std::string& body) {
  return std::string("{\"is\":{\"statusCode\":200,\"headers\":{\"Content-Type\":\"") + kContentType +
         "\",\"Connection\":\"keep-alive\"},\"body\":" + JsonString(body) + "}}";
}

std::string Stub(const std::string& marker, const std::vector<const std::string*>& bodies) {
  std::string s = "{\"predicates\":[{\"contains\":{\"body\":" + JsonString(marker) + "}}],\"responses\":[";
  for (std::size_t i = 0; i < bodies.size(); ++i) s += (i ? "," : "") + IsResponse(*bodies[i]);
  return s + "]}";
}

}  // namespace

bool SaveRecording(const std::string& dir, const Recording& r, std::string* error) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) {
    *error = "cannot create " + dir + ": " + ec.message();
    return false;
  }
  if (!WriteFile(fs::path(dir) / "identify.xml", r.identify, error) ||
      !WriteFile(fs::path(dir) / "get.xml", r.get, error) ||
      !WriteFile(fs::path(dir) / "enumerate.xml", r.enumerate, error)) {
    return false;
  }
  for (std::size_t i = 0; i < r.pulls.size(); ++i) {
    if (!WriteFile(fs::path(dir) / PullName(i + 1), r.pulls[i], error)) return false;
  }
  return WriteFile(fs::path(dir) / "imposter.json", ImposterJson(r), error);
}

bool LoadRecording(const std::string& dir, Recording* r, std::string* error) {
  if (!ReadFile(fs::path(dir) / "identify.xml", &r->identify, error) ||
      !ReadFile(fs::path(dir) / "get.xml", &r->get, error) ||
      !ReadFile(fs::path(dir) / "enumerate.xml", &r->enumerate, error)) {
    return false;
  }
  r->pulls.clear();
  for (std::size_t n = 1; fs::exists(fs::path(dir) / PullName(n)); ++n) {
    std::string text;
    if (!ReadFile(fs::path(dir) / PullName(n), &text, error)) return false;
    r->pulls.push_back(std::move(text));
  }
  return true;
}

RecordedKind ClassifyRequest(const std::string& body) {
  // The action URIs end in these; an Identify has no action, only its body.
  if (body.find("/enumeration/Pull<") != std::string::npos) return RecordedKind::kPull;
  if (body.find("/enumeration/Enumerate<") != std::string::npos) return RecordedKind::kEnumerate;
  if (body.find("/transfer/Get<") != std::string::npos) return RecordedKind::kGet;
  if (body.find(":Identify") != std::string::npos) return RecordedKind::kIdentify;
  return RecordedKind::kUnknown;
}

std::string ImposterJson(const Recording& r) {
  std::vector<const std::string*> pulls;
  for (const std::string& p : r.pulls) pulls.push_back(&p);
  // Most specific first: mountebank answers with the first stub that matches.
  std::string json = "{\"protocol\":\"http\",\"host\":\"127.0.0.1\",\"name\":\"cimulate-wsman-bench\",\"recordRequests\":false,\"stubs\":[";
  json += Stub("/enumeration/Pull<", pulls) + ",";
  json += Stub("/enumeration/Enumerate<", {&r.enumerate}) + ",";
  json += Stub("/transfer/Get<", {&r.get}) + ",";
  json += Stub(":Identify", {&r.identify});
  return json + "]}\n";
}

}  // namespace cimulate::bench
