// FromJson: the reader side of report/json.h, on top of the generic reader
// in json_value.h.  Every error names the member's path in the report.
#include <charconv>
#include <cstdint>

#include "report/json.h"
#include "report/json_value.h"
#include "report/names.h"
#include "report/text.h"

namespace cimulate::conform {
namespace {

using Kind = JsonValue::Kind;

class SchemaReader {
 public:
  explicit SchemaReader(std::string* error) : error_(error) {}

  bool Fail(const JsonValue& at, const std::string& path, const std::string& message) {
    *error_ = path + ": " + message + " (line " + std::to_string(at.line) + ", column " +
              std::to_string(at.column) + ")";
    return false;
  }

  bool ExpectKind(const JsonValue& value, Kind kind, const std::string& path) {
    if (value.kind == kind) return true;
    return Fail(value, path,
                std::string("expected ") + JsonKindName(kind) + ", found " + JsonKindName(value.kind));
  }

  // The optional member `key` of `object`, checked to be of `kind`.
  // Returns false on a type error; sets *member to nullptr when absent.
  bool Member(const JsonValue& object, const std::string& path, std::string_view key, Kind kind,
              const JsonValue** member) {
    *member = object.Find(key);
    return *member == nullptr || ExpectKind(**member, kind, Join(path, key));
  }

  bool String(const JsonValue& object, const std::string& path, std::string_view key,
              std::string* out) {
    const JsonValue* member;
    if (!Member(object, path, key, Kind::kString, &member)) return false;
    if (member != nullptr) *out = member->text;
    return true;
  }

  bool Bool(const JsonValue& object, const std::string& path, std::string_view key, bool* out) {
    const JsonValue* member;
    if (!Member(object, path, key, Kind::kBool, &member)) return false;
    if (member != nullptr) *out = member->boolean;
    return true;
  }

  template <typename Number>
  bool Integer(const JsonValue& object, const std::string& path, std::string_view key,
               Number* out) {
    const JsonValue* member;
    if (!Member(object, path, key, Kind::kNumber, &member)) return false;
    if (member == nullptr) return true;
    const std::string& text = member->text;
    Number value{};
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size()) {
      return Fail(*member, Join(path, key),
                  "expected an integer in range, found " + SanitizeLine(text));
    }
    *out = value;
    return true;
  }

  static std::string Join(const std::string& path, std::string_view key) {
    return path.empty() ? std::string(key) : path + "." + std::string(key);
  }

  static std::string Index(const std::string& path, std::size_t i) {
    return path + "[" + std::to_string(i) + "]";
  }

 private:
  std::string* error_;
};

bool ReadCheck(SchemaReader& r, const JsonValue& v, const std::string& path, Check* check) {
  return r.ExpectKind(v, Kind::kObject, path) && r.String(v, path, "what", &check->what) &&
         r.String(v, path, "expected", &check->expected) &&
         r.String(v, path, "actual", &check->actual) && r.String(v, path, "where", &check->where) &&
         r.Bool(v, path, "passed", &check->passed);
}

bool ReadStep(SchemaReader& r, const JsonValue& v, const std::string& path, StepReport* step) {
  if (!r.ExpectKind(v, Kind::kObject, path) || !r.Integer(v, path, "index", &step->index) ||
      !r.String(v, path, "kind", &step->kind) || !r.String(v, path, "as", &step->as) ||
      !r.String(v, path, "thread", &step->thread) || !r.String(v, path, "where", &step->where) ||
      !r.Integer(v, path, "start_us", &step->start_us) ||
      !r.Integer(v, path, "duration_us", &step->duration_us)) {
    return false;
  }
  const JsonValue* checks;
  if (!r.Member(v, path, "checks", Kind::kArray, &checks)) return false;
  if (checks == nullptr) return true;
  const std::string checks_path = SchemaReader::Join(path, "checks");
  step->checks.resize(checks->items.size());
  for (std::size_t i = 0; i < checks->items.size(); ++i) {
    if (!ReadCheck(r, checks->items[i], SchemaReader::Index(checks_path, i), &step->checks[i])) {
      return false;
    }
  }
  return true;
}

bool ReadStrengthAndVerdict(SchemaReader& r, const JsonValue& v, const std::string& path,
                            CaseResult* result) {
  std::string strength = StrengthName(result->strength);
  std::string verdict = VerdictName(result->verdict);
  if (!r.String(v, path, "strength", &strength) || !r.String(v, path, "verdict", &verdict)) {
    return false;
  }
  if (!StrengthFromName(strength, &result->strength)) {
    return r.Fail(*v.Find("strength"), SchemaReader::Join(path, "strength"),
                  "unknown strength \"" + SanitizeLine(strength) + "\" (MUST, SHOULD or MAY)");
  }
  if (!VerdictFromName(verdict, &result->verdict)) {
    return r.Fail(*v.Find("verdict"), SchemaReader::Join(path, "verdict"),
                  "unknown verdict \"" + SanitizeLine(verdict) +
                      "\" (PASS, FAIL, HANG, CRASH, SKIP, XFAIL, STALE or ERROR)");
  }
  return true;
}

bool ReadTags(SchemaReader& r, const JsonValue& v, const std::string& path, CaseResult* result) {
  const JsonValue* tags;
  if (!r.Member(v, path, "tags", Kind::kArray, &tags)) return false;
  if (tags == nullptr) return true;
  const std::string tags_path = SchemaReader::Join(path, "tags");
  for (std::size_t i = 0; i < tags->items.size(); ++i) {
    if (!r.ExpectKind(tags->items[i], Kind::kString, SchemaReader::Index(tags_path, i))) {
      return false;
    }
    result->tags.push_back(tags->items[i].text);
  }
  return true;
}

bool ReadCase(SchemaReader& r, const JsonValue& v, const std::string& path, CaseResult* result) {
  if (!r.ExpectKind(v, Kind::kObject, path) || !r.String(v, path, "name", &result->name) ||
      !r.String(v, path, "summary", &result->summary) ||
      !r.String(v, path, "source", &result->source) ||
      !r.String(v, path, "clause", &result->clause) || !ReadStrengthAndVerdict(r, v, path, result) ||
      !ReadTags(r, v, path, result) || !r.String(v, path, "reason", &result->reason) ||
      !r.String(v, path, "stacks", &result->stacks) ||
      !r.String(v, path, "output", &result->output) || !r.Integer(v, path, "seed", &result->seed) ||
      !r.Integer(v, path, "duration_us", &result->duration_us) ||
      !r.String(v, path, "network", &result->network)) {
    return false;
  }
  const JsonValue* steps;
  if (!r.Member(v, path, "steps", Kind::kArray, &steps)) return false;
  if (steps == nullptr) return true;
  const std::string steps_path = SchemaReader::Join(path, "steps");
  result->steps.resize(steps->items.size());
  for (std::size_t i = 0; i < steps->items.size(); ++i) {
    if (!ReadStep(r, steps->items[i], SchemaReader::Index(steps_path, i), &result->steps[i])) {
      return false;
    }
  }
  return true;
}

bool ReadSchemaMarker(SchemaReader& r, const JsonValue& root) {
  const JsonValue* schema;
  if (!r.Member(root, "", "schema", Kind::kString, &schema)) return false;
  if (schema == nullptr) {
    return r.Fail(root, "schema", "missing; this is not a cimulate-conform report");
  }
  if (schema->text != kJsonSchema) {
    return r.Fail(*schema, "schema",
                  "unsupported \"" + SanitizeLine(schema->text) + "\" (this build reads \"" +
                      std::string(kJsonSchema) + "\")");
  }
  return true;
}

bool ReadRun(SchemaReader& r, const JsonValue& root, RunReport* report) {
  if (!r.ExpectKind(root, Kind::kObject, "report") || !ReadSchemaMarker(r, root) ||
      !r.String(root, "", "implementation", &report->implementation) ||
      !r.String(root, "", "started_at", &report->started_at) ||
      !r.String(root, "", "shard", &report->shard) ||
      !r.Integer(root, "", "duration_us", &report->duration_us)) {
    return false;
  }
  const JsonValue* cases;
  if (!r.Member(root, "", "cases", Kind::kArray, &cases)) return false;
  if (cases == nullptr) return r.Fail(root, "cases", "missing");
  report->cases.resize(cases->items.size());
  for (std::size_t i = 0; i < cases->items.size(); ++i) {
    if (!ReadCase(r, cases->items[i], SchemaReader::Index("cases", i), &report->cases[i])) {
      return false;
    }
  }
  return true;
}

}  // namespace

bool FromJson(std::string_view text, RunReport* report, std::string* error) {
  JsonValue root;
  if (!ParseJson(text, JsonLimits(), &root, error)) return false;
  RunReport parsed;
  SchemaReader reader(error);
  if (!ReadRun(reader, root, &parsed)) return false;
  *report = std::move(parsed);
  return true;
}

}  // namespace cimulate::conform
