#include "wmio/value.h"

#include <cmath>
#include <limits>
#include <sstream>

#include "wmio/object.h"

namespace cimulate::wmio {
namespace {

template <typename T>
const T& EmptyOf() {
  static const T empty{};
  return empty;
}

// Range of the integer types, for CoerceTo.
bool SignedFits(CimType type, int64_t v) {
  switch (ElementType(type)) {
    case CimType::kSint8: return v >= INT8_MIN && v <= INT8_MAX;
    case CimType::kSint16: return v >= INT16_MIN && v <= INT16_MAX;
    case CimType::kSint32: return v >= INT32_MIN && v <= INT32_MAX;
    default: return true;
  }
}

bool UnsignedFits(CimType type, uint64_t v) {
  switch (ElementType(type)) {
    case CimType::kUint8: return v <= UINT8_MAX;
    case CimType::kUint16:
    case CimType::kChar16: return v <= UINT16_MAX;
    case CimType::kUint32: return v <= UINT32_MAX;
    default: return true;
  }
}

// One element converted to the storage of `target`'s kind, through the
// widest representation; false when out of range or of another kind.
struct Number {
  bool is_signed = false;
  int64_t s = 0;
  uint64_t u = 0;
};

bool ToSigned(const Number& n, CimType target, int64_t* out) {
  if (!n.is_signed && n.u > static_cast<uint64_t>(INT64_MAX)) return false;
  *out = n.is_signed ? n.s : static_cast<int64_t>(n.u);
  return SignedFits(target, *out);
}

bool ToUnsigned(const Number& n, CimType target, uint64_t* out) {
  if (n.is_signed && n.s < 0) return false;
  *out = n.is_signed ? static_cast<uint64_t>(n.s) : n.u;
  return UnsignedFits(target, *out);
}

void AppendQuoted(std::ostringstream& os, const std::string& s) { os << '"' << s << '"'; }

}  // namespace

Value Value::Null(CimType type) { return Value(type, std::monostate{}); }

Value Value::SignedArray(CimType type, std::vector<int64_t> items) {
  return Value(type, std::move(items));
}
Value Value::UnsignedArray(CimType type, std::vector<uint64_t> items) {
  return Value(type, std::move(items));
}
Value Value::RealArray(CimType type, std::vector<double> items) {
  return Value(type, std::move(items));
}
Value Value::BooleanArray(std::vector<bool> items) {
  return Value(ArrayOf(CimType::kBoolean), std::move(items));
}
Value Value::StringArray(CimType type, std::vector<std::string> items) {
  return Value(type, std::move(items));
}
Value Value::ObjectArray(std::vector<ObjectPtr> items) {
  return Value(ArrayOf(CimType::kObject), std::move(items));
}

int64_t Value::as_int64() const {
  if (auto* v = std::get_if<int64_t>(&data_)) return *v;
  if (auto* v = std::get_if<uint64_t>(&data_)) return static_cast<int64_t>(*v);
  if (auto* v = std::get_if<bool>(&data_)) return *v ? 1 : 0;
  return 0;
}

uint64_t Value::as_uint64() const {
  if (auto* v = std::get_if<uint64_t>(&data_)) return *v;
  if (auto* v = std::get_if<int64_t>(&data_)) return static_cast<uint64_t>(*v);
  if (auto* v = std::get_if<bool>(&data_)) return *v ? 1 : 0;
  return 0;
}

double Value::as_double() const {
  if (auto* v = std::get_if<double>(&data_)) return *v;
  if (auto* v = std::get_if<int64_t>(&data_)) return static_cast<double>(*v);
  if (auto* v = std::get_if<uint64_t>(&data_)) return static_cast<double>(*v);
  return 0;
}

bool Value::as_bool() const {
  if (auto* v = std::get_if<bool>(&data_)) return *v;
  return false;
}

const std::string& Value::as_string() const {
  if (auto* v = std::get_if<std::string>(&data_)) return *v;
  return EmptyOf<std::string>();
}

const ObjectPtr& Value::as_object() const {
  if (auto* v = std::get_if<ObjectPtr>(&data_)) return *v;
  return EmptyOf<ObjectPtr>();
}

#define CIMULATE_WMIO_ARRAY_ACCESSOR(name, T)                   \
  const std::vector<T>& Value::name() const {                   \
    if (auto* v = std::get_if<std::vector<T>>(&data_)) return *v; \
    return EmptyOf<std::vector<T>>();                           \
  }
CIMULATE_WMIO_ARRAY_ACCESSOR(as_int64_array, int64_t)
CIMULATE_WMIO_ARRAY_ACCESSOR(as_uint64_array, uint64_t)
CIMULATE_WMIO_ARRAY_ACCESSOR(as_double_array, double)
CIMULATE_WMIO_ARRAY_ACCESSOR(as_bool_array, bool)
CIMULATE_WMIO_ARRAY_ACCESSOR(as_string_array, std::string)
CIMULATE_WMIO_ARRAY_ACCESSOR(as_object_array, ObjectPtr)
#undef CIMULATE_WMIO_ARRAY_ACCESSOR

size_t Value::array_size() const {
  return std::visit(
      [](const auto& v) -> size_t {
        using T = std::decay_t<decltype(v)>;
        if constexpr (requires { v.size(); } && !std::is_same_v<T, std::string>) {
          return v.size();
        } else {
          return 0;
        }
      },
      data_);
}

std::optional<Value> Value::CoerceTo(CimType target) const {
  if (is_null()) return Null(target);
  if (type_ == target) return *this;
  if (IsArray(target) != is_array()) return std::nullopt;
  CimKind from = KindOf(type_);
  CimKind to = KindOf(target);
  if (from == CimKind::kString && to == CimKind::kString) return Value(target, data_);
  if (from == CimKind::kObject || to == CimKind::kObject || from == CimKind::kString ||
      to == CimKind::kString || from == CimKind::kBoolean || to == CimKind::kBoolean) {
    return std::nullopt;
  }
  // Numbers.  Collect them as a list so scalars and arrays share one path.
  std::vector<Number> numbers;
  std::vector<double> reals;
  if (from == CimKind::kReal) {
    reals = is_array() ? as_double_array() : std::vector<double>{as_double()};
  } else if (from == CimKind::kSigned) {
    for (int64_t v : is_array() ? as_int64_array() : std::vector<int64_t>{as_int64()}) {
      numbers.push_back({true, v, 0});
    }
  } else {
    for (uint64_t v : is_array() ? as_uint64_array() : std::vector<uint64_t>{as_uint64()}) {
      numbers.push_back({false, 0, v});
    }
  }
  if (to == CimKind::kReal) {
    if (from != CimKind::kReal) {
      for (const Number& n : numbers) {
        reals.push_back(n.is_signed ? static_cast<double>(n.s) : static_cast<double>(n.u));
      }
    }
    if (ElementType(target) == CimType::kReal32) {
      for (double& r : reals) r = static_cast<float>(r);
    }
    if (is_array()) return RealArray(target, std::move(reals));
    return Value(target, reals[0]);
  }
  if (from == CimKind::kReal) {
    // A real converts to an integer only when it is integral.
    for (double r : reals) {
      if (std::trunc(r) != r || std::fabs(r) > 9.0e18) return std::nullopt;
      numbers.push_back(r < 0 ? Number{true, static_cast<int64_t>(r), 0}
                              : Number{false, 0, static_cast<uint64_t>(r)});
    }
  }
  if (to == CimKind::kSigned) {
    std::vector<int64_t> out(numbers.size());
    for (size_t i = 0; i < numbers.size(); ++i) {
      if (!ToSigned(numbers[i], target, &out[i])) return std::nullopt;
    }
    if (is_array()) return SignedArray(target, std::move(out));
    return Value(target, out[0]);
  }
  std::vector<uint64_t> out(numbers.size());
  for (size_t i = 0; i < numbers.size(); ++i) {
    if (!ToUnsigned(numbers[i], target, &out[i])) return std::nullopt;
  }
  if (is_array()) return UnsignedArray(target, std::move(out));
  return Value(target, out[0]);
}

std::string Value::ToString() const {
  std::ostringstream os;
  os.precision(17);
  auto object_text = [](const ObjectPtr& o) {
    if (!o) return std::string("NULL");
    return std::string(o->is_instance() ? "instance of " : "class ") + (o->cls ? o->cls->name : "?");
  };
  std::visit(
      [&](const auto& v) {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, std::monostate>) {
          os << "NULL";
        } else if constexpr (std::is_same_v<T, bool>) {
          os << (v ? "true" : "false");
        } else if constexpr (std::is_same_v<T, std::string>) {
          AppendQuoted(os, v);
        } else if constexpr (std::is_same_v<T, ObjectPtr>) {
          os << object_text(v);
        } else if constexpr (std::is_same_v<T, int64_t> || std::is_same_v<T, uint64_t> ||
                             std::is_same_v<T, double>) {
          os << v;
        } else {
          os << '[';
          for (size_t i = 0; i < v.size(); ++i) {
            if (i) os << ", ";
            using E = typename T::value_type;
            if constexpr (std::is_same_v<E, bool>) {
              os << (v[i] ? "true" : "false");
            } else if constexpr (std::is_same_v<E, std::string>) {
              AppendQuoted(os, v[i]);
            } else if constexpr (std::is_same_v<E, ObjectPtr>) {
              os << object_text(v[i]);
            } else {
              os << v[i];
            }
          }
          os << ']';
        }
      },
      data_);
  return os.str();
}

bool Value::operator==(const Value& other) const {
  if (type_ != other.type_ || data_.index() != other.data_.index()) return false;
  auto same_object = [](const ObjectPtr& a, const ObjectPtr& b) {
    if (!a || !b) return a == b;
    return *a == *b;
  };
  if (auto* a = std::get_if<ObjectPtr>(&data_)) return same_object(*a, std::get<ObjectPtr>(other.data_));
  if (auto* a = std::get_if<std::vector<ObjectPtr>>(&data_)) {
    const auto& b = std::get<std::vector<ObjectPtr>>(other.data_);
    if (a->size() != b.size()) return false;
    for (size_t i = 0; i < a->size(); ++i) {
      if (!same_object((*a)[i], b[i])) return false;
    }
    return true;
  }
  return data_ == other.data_;
}

}  // namespace cimulate::wmio
