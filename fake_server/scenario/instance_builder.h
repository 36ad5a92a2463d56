// Turns scenario instances into MI_Instances, keeping every value's MI type.
#ifndef CIMULATE_FAKE_SERVER_SCENARIO_INSTANCE_BUILDER_H_
#define CIMULATE_FAKE_SERVER_SCENARIO_INSTANCE_BUILDER_H_

#include "MI.h"
#include "core/instance.h"
#include "scenario/data.h"
#include "scenario/value.h"

namespace cimulate::scenario {

// A dynamic instance of `value`'s class and namespace with its properties, in
// order, flagged MI_FLAG_KEY where the class declares a key.  Embedded instances
// are built recursively; a reference becomes a key-only instance of the
// instance it names in `data`.  References nest at most 16 deep.
MI_Result ToInstance(const InstanceValue& value, const DataSet& data, core::InstancePtr* out);

}  // namespace cimulate::scenario

#endif  // CIMULATE_FAKE_SERVER_SCENARIO_INSTANCE_BUILDER_H_
