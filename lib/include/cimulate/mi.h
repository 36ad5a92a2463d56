// The cimulate C++ facade: RAII types over the MI C API (MI.h) that work with
// any MI implementation.  Errors are values (cimulate::Result), never exceptions.
//
// Objects own their MI handles and close them on destruction; they are
// move-only, and a moved-from object is empty (its calls fail with
// MI_RESULT_INVALID_PARAMETER).  Close children before parents (operation,
// session, application), which declaration order gives for free.  A facade
// object is not synchronized: use each from one thread at a time, except that
// Operation::Cancel may race NextInstance.
//
//   application.h          Application: sessions, instances, option objects
//   session.h              Session: TestConnection, Get/Create/Modify/Delete,
//                          Invoke, Enumerate/Query (vector or streaming)
//   operation.h            Operation: results pulled one at a time
//   instance.h             Instance (owned) and InstanceView (borrowed)
//   destination_options.h  DestinationOptions, UserCredentials
//   operation_options.h    OperationOptions
//   result.h               Result
//   datetime.h             MI_Datetime helpers
//   c_str.h                CStr, the string-argument type
#ifndef CIMULATE_FACADE_MI_H_
#define CIMULATE_FACADE_MI_H_

#include "cimulate/application.h"
#include "cimulate/c_str.h"
#include "cimulate/datetime.h"
#include "cimulate/destination_options.h"
#include "cimulate/instance.h"
#include "cimulate/operation.h"
#include "cimulate/operation_options.h"
#include "cimulate/result.h"
#include "cimulate/session.h"

#endif  // CIMULATE_FACADE_MI_H_
