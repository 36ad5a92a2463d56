// A small streaming JSON writer: enough for the journal and the ready file.
//
// Strings are escaped per RFC 8259 and forced to valid UTF-8 (an invalid byte
// becomes U+FFFD), because journal bodies and headers come from the network
// and a consumer's JSON parser must never choke on them.
#ifndef CIMULATE_FAKE_SERVER_JOURNAL_JSON_WRITER_H_
#define CIMULATE_FAKE_SERVER_JOURNAL_JSON_WRITER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace cimulate::fake {

// Appends `text` as a quoted JSON string.
void AppendJsonString(std::string* out, std::string_view text);

class JsonWriter {
 public:
  JsonWriter& BeginObject();
  JsonWriter& EndObject();
  JsonWriter& BeginArray();
  JsonWriter& EndArray();
  JsonWriter& Key(std::string_view key);
  JsonWriter& String(std::string_view value);
  JsonWriter& Int(std::int64_t value);
  JsonWriter& Uint(std::uint64_t value);
  JsonWriter& Bool(bool value);
  JsonWriter& Null();

  const std::string& str() const { return out_; }
  std::string Take() { return std::move(out_); }

 private:
  void BeforeValue();

  std::string out_;
  std::vector<bool> has_items_;  // per open container
  bool after_key_ = false;
};

}  // namespace cimulate::fake

#endif  // CIMULATE_FAKE_SERVER_JOURNAL_JSON_WRITER_H_
