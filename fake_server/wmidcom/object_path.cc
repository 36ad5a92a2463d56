#include "wmidcom/object_path.h"

#include <cctype>

namespace cimulate::fake::wmidcom {
namespace {

bool IsNameChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

// Reads a key value at `*pos`: a quoted string or a bare token up to ',' or the end.
bool ReadValue(std::string_view text, size_t* pos, std::string* value, std::string* error) {
  value->clear();
  size_t i = *pos;
  if (i < text.size() && (text[i] == '"' || text[i] == '\'')) {
    char quote = text[i++];
    while (i < text.size() && text[i] != quote) {
      if (text[i] == '\\' && i + 1 < text.size()) ++i;
      value->push_back(text[i++]);
    }
    if (i >= text.size()) {
      *error = "unterminated string at column " + std::to_string(*pos + 1);
      return false;
    }
    *pos = i + 1;
    return true;
  }
  while (i < text.size() && text[i] != ',') value->push_back(text[i++]);
  if (value->empty()) {
    *error = "expected a key value at column " + std::to_string(*pos + 1);
    return false;
  }
  *pos = i;
  return true;
}

bool ReadName(std::string_view text, size_t* pos, std::string* name) {
  size_t start = *pos;
  while (*pos < text.size() && IsNameChar(text[*pos])) ++*pos;
  *name = std::string(text.substr(start, *pos - start));
  return !name->empty();
}

}  // namespace

bool ParseObjectPath(std::string_view text, ObjectPath* out, std::string* error) {
  ObjectPath path;
  size_t colon = text.find(':');
  size_t quote = text.find_first_of("\"'");
  if (colon != std::string_view::npos && (quote == std::string_view::npos || colon < quote)) {
    std::string_view prefix = text.substr(0, colon);
    if (prefix.rfind("\\\\", 0) == 0 || prefix.rfind("//", 0) == 0) {
      size_t slash = prefix.find_first_of("\\/", 2);
      prefix = slash == std::string_view::npos ? std::string_view() : prefix.substr(slash + 1);
    }
    for (char c : prefix) path.name_space.push_back(c == '\\' ? '/' : c);
    text = text.substr(colon + 1);
  }
  size_t pos = 0;
  if (!ReadName(text, &pos, &path.class_name)) {
    *error = "expected a class name at the start of the object path";
    return false;
  }
  if (pos == text.size()) {
    *out = std::move(path);
    return true;
  }
  path.is_class = false;
  if (text.substr(pos) == "=@") {
    path.singleton = true;
    *out = std::move(path);
    return true;
  }
  if (text[pos] == '=') {
    ++pos;
    if (!ReadValue(text, &pos, &path.unnamed_key, error)) return false;
  } else if (text[pos] == '.') {
    ++pos;
    while (true) {
      wsman::Selector key;
      if (!ReadName(text, &pos, &key.name) || pos >= text.size() || text[pos] != '=') {
        *error = "expected Key=value at column " + std::to_string(pos + 1);
        return false;
      }
      ++pos;
      if (!ReadValue(text, &pos, &key.value, error)) return false;
      path.keys.push_back(std::move(key));
      if (pos == text.size()) break;
      if (text[pos] != ',') {
        *error = "expected ',' or the end at column " + std::to_string(pos + 1);
        return false;
      }
      ++pos;
    }
  } else {
    *error = "expected '.', '=' or the end after the class name at column " + std::to_string(pos + 1);
    return false;
  }
  if (pos != text.size()) {
    *error = "unexpected text at column " + std::to_string(pos + 1);
    return false;
  }
  *out = std::move(path);
  return true;
}

}  // namespace cimulate::fake::wmidcom
