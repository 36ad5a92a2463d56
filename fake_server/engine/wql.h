// The WQL subset the fake evaluates in Enumerate filters:
//
//   SELECT * | Prop [, Prop ...] FROM Class [WHERE Prop op literal [AND ...]]
//
// op is = <> != < > <= >=; a literal is a quoted string ('..' or ".."),
// a number, TRUE or FALSE.  Keywords and property names are case-insensitive
// and string comparisons ignore case, as in WMI.  FROM includes subclasses.
#ifndef CIMULATE_FAKE_SERVER_ENGINE_WQL_H_
#define CIMULATE_FAKE_SERVER_ENGINE_WQL_H_

#include <string>
#include <string_view>
#include <vector>

#include "MI.h"

namespace cimulate::fake {

struct WqlLiteral {
  enum class Kind { kString, kNumber, kBoolean };
  Kind kind = Kind::kString;
  std::string text;  // kString: the unquoted text
  double number = 0;
  bool boolean = false;
};

enum class WqlOp { kEq, kNe, kLt, kGt, kLe, kGe };

struct WqlCondition {
  std::string property;
  WqlOp op = WqlOp::kEq;
  WqlLiteral literal;
};

struct WqlQuery {
  std::vector<std::string> properties;  // empty: SELECT *
  std::string class_name;
  std::vector<WqlCondition> where;      // all must hold
};

// False with `error` saying what was expected where.
bool ParseWql(std::string_view text, WqlQuery* out, std::string* error);

// True if `instance` satisfies every condition.  A missing or NULL property,
// or a literal of a kind the property cannot compare with, fails the condition.
bool WqlMatches(const WqlQuery& query, const MI_Instance* instance);

}  // namespace cimulate::fake

#endif  // CIMULATE_FAKE_SERVER_ENGINE_WQL_H_
