// From the scenario's data model (ClassDecl, MI_Instance) to the MS-WMIO
// objects IWbemServices and IEnumWbemClassObject send by value.
//
// A class carries its properties with inherited ones (base first, flagged
// inherited, with ClassOfOrigin), a "key" qualifier on keys and a CIMTYPE
// qualifier on each, as Windows sends them; methods are left out (an empty
// MethodsPart).  A query's SELECT list narrows the class to those
// properties, as WMI does for a projected query.
#ifndef CIMULATE_FAKE_SERVER_WMIDCOM_WMIO_MAPPING_H_
#define CIMULATE_FAKE_SERVER_WMIDCOM_WMIO_MAPPING_H_

#include <cstdint>
#include <string>
#include <vector>

#include "scenario/data.h"
#include "wmidcom/wmi_store.h"
#include "wmio/instance.h"
#include "wmio/object.h"

namespace cimulate::fake::wmidcom {

// The server name and namespace written into each object's decoration.
struct DecorationInfo {
  std::string server = "CIMULATE";
};

// The class `object.class_decl` names (narrowed to `object.properties` when given).
wmio::ClassPtr MapClass(const scenario::DataSet& data, const WmiObject& object);

// The class object or instance, encoded as an MS-WMIO EncodingUnit; empty
// with `error` set when the encoder refuses it.
std::vector<std::uint8_t> EncodeWmiObject(const scenario::DataSet& data, const WmiObject& object,
                                          const DecorationInfo& decoration, std::string* error);

// An MS-WMIO instance (PutInstance's argument) as a scenario instance of the
// data's class of that name, its values typed by the data's declarations.
// False with `error` for an unknown class or property, or a value that does
// not fit the declared type.  Arrays and references are not taken yet.
bool InstanceFromWmio(const scenario::DataSet& data, const std::string& name_space, const wmio::Instance& instance,
                      scenario::InstanceValue* out, std::string* error);

}  // namespace cimulate::fake::wmidcom

#endif  // CIMULATE_FAKE_SERVER_WMIDCOM_WMIO_MAPPING_H_
