// A typed CIM value: a scalar or an array of one CimType, or NULL.
//
// The type travels with the value, so a NULL still says what it is a NULL
// of, and the encoder can check a value against the property it fills.
// Storage is widened per kind: every signed type in int64_t, unsigned types
// and char16 in uint64_t, real32/real64 in double, string, datetime and
// reference in UTF-8 std::string, embedded objects as shared pointers.

#ifndef CIMULATE_WMIO_VALUE_H_
#define CIMULATE_WMIO_VALUE_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "wmio/cim_type.h"

namespace cimulate::wmio {

struct Object;
using ObjectPtr = std::shared_ptr<const Object>;

class Value {
 public:
  // A NULL string; prefer Null(type).
  Value() = default;

  static Value Null(CimType type);

  static Value Sint8(int8_t v) { return Value(CimType::kSint8, int64_t{v}); }
  static Value Sint16(int16_t v) { return Value(CimType::kSint16, int64_t{v}); }
  static Value Sint32(int32_t v) { return Value(CimType::kSint32, int64_t{v}); }
  static Value Sint64(int64_t v) { return Value(CimType::kSint64, v); }
  static Value Uint8(uint8_t v) { return Value(CimType::kUint8, uint64_t{v}); }
  static Value Uint16(uint16_t v) { return Value(CimType::kUint16, uint64_t{v}); }
  static Value Uint32(uint32_t v) { return Value(CimType::kUint32, uint64_t{v}); }
  static Value Uint64(uint64_t v) { return Value(CimType::kUint64, v); }
  static Value Char16(char16_t v) { return Value(CimType::kChar16, uint64_t{v}); }
  static Value Real32(float v) { return Value(CimType::kReal32, double{v}); }
  static Value Real64(double v) { return Value(CimType::kReal64, v); }
  // Any signed (sint8..sint64) or unsigned (uint8..uint64, char16) type;
  // the caller keeps the number in the type's range.
  static Value Signed(CimType type, int64_t v) { return Value(type, v); }
  static Value Unsigned(CimType type, uint64_t v) { return Value(type, v); }
  // string, datetime or reference.
  static Value Text(CimType type, std::string v) { return Value(type, std::move(v)); }
  static Value Boolean(bool v) { return Value(CimType::kBoolean, v); }
  static Value String(std::string v) { return Value(CimType::kString, std::move(v)); }
  static Value Datetime(std::string v) { return Value(CimType::kDatetime, std::move(v)); }
  static Value Reference(std::string v) { return Value(CimType::kReference, std::move(v)); }
  static Value EmbeddedObject(ObjectPtr v) { return Value(CimType::kObject, std::move(v)); }

  // Arrays; `type` is the array type (ArrayOf(element)).  The element kind
  // must match the vector, e.g. SignedArray(ArrayOf(CimType::kSint16), ...).
  static Value SignedArray(CimType type, std::vector<int64_t> items);
  static Value UnsignedArray(CimType type, std::vector<uint64_t> items);
  static Value RealArray(CimType type, std::vector<double> items);
  static Value BooleanArray(std::vector<bool> items);
  static Value StringArray(CimType type, std::vector<std::string> items);
  static Value ObjectArray(std::vector<ObjectPtr> items);

  CimType type() const { return type_; }
  bool is_null() const { return std::holds_alternative<std::monostate>(data_); }
  bool is_array() const { return IsArray(type_); }

  // Scalar accessors; each returns the zero value when the value is NULL or
  // of another kind (check type() first when that matters).
  int64_t as_int64() const;    // signed kinds; unsigned and boolean converted
  uint64_t as_uint64() const;  // unsigned kinds and char16; signed converted
  double as_double() const;
  bool as_bool() const;
  const std::string& as_string() const;
  const ObjectPtr& as_object() const;

  // Array accessors; empty when NULL or of another kind.
  const std::vector<int64_t>& as_int64_array() const;
  const std::vector<uint64_t>& as_uint64_array() const;
  const std::vector<double>& as_double_array() const;
  const std::vector<bool>& as_bool_array() const;
  const std::vector<std::string>& as_string_array() const;
  const std::vector<ObjectPtr>& as_object_array() const;
  size_t array_size() const;

  // The same value as `target`, for callers that build values loosely
  // (a YAML integer for a uint16 property, a string for a datetime):
  // numbers convert when in range, string/datetime/reference interchange,
  // arrays convert element-wise, NULL becomes Null(target).  nullopt when
  // the conversion would lose information or the kinds do not match.
  std::optional<Value> CoerceTo(CimType target) const;

  // Human-readable text for logs and test failures: 42, "abc", [1, 2], NULL.
  std::string ToString() const;

  // Deep: embedded objects compare by content.
  bool operator==(const Value& other) const;

 private:
  using Data = std::variant<std::monostate, int64_t, uint64_t, double, bool, std::string, ObjectPtr,
                            std::vector<int64_t>, std::vector<uint64_t>, std::vector<double>,
                            std::vector<bool>, std::vector<std::string>, std::vector<ObjectPtr>>;

  Value(CimType type, Data data) : type_(type), data_(std::move(data)) {}

  CimType type_ = CimType::kString;
  Data data_;
};

}  // namespace cimulate::wmio

#endif  // CIMULATE_WMIO_VALUE_H_
