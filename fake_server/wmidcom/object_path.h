// WMI object paths as IWbemServices::GetObject and DeleteInstance take them:
//
//   Class                          a class
//   Class.Key="value",Other=42     an instance, by its keys
//   Class="value"                  an instance of a class with one key
//   Class=@                        a singleton
//   \\server\root\cimv2:Class...   with a server and namespace prefix
//
// Key values are quoted strings (with \" and \\ escapes) or bare numbers and
// booleans.  The keys become the selectors the engine's Repository looks up.
#ifndef CIMULATE_FAKE_SERVER_WMIDCOM_OBJECT_PATH_H_
#define CIMULATE_FAKE_SERVER_WMIDCOM_OBJECT_PATH_H_

#include <string>
#include <string_view>
#include <vector>

#include "wsman/epr.h"

namespace cimulate::fake::wmidcom {

struct ObjectPath {
  std::string name_space;  // from a "\\server\ns:" prefix; empty when none
  std::string class_name;
  bool is_class = true;    // no key part
  bool singleton = false;  // "=@"
  std::string unnamed_key;  // Class="v": the value of the class's single key
  std::vector<wsman::Selector> keys;
};

// False with `error` saying what was expected where.
bool ParseObjectPath(std::string_view text, ObjectPath* out, std::string* error);

}  // namespace cimulate::fake::wmidcom

#endif  // CIMULATE_FAKE_SERVER_WMIDCOM_OBJECT_PATH_H_
