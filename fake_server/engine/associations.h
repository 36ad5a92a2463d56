// Association filters (DSP0227 §8.2) served from the scenario's data: the
// association instances are the instances of classes declared
// `association: true`; one "references" the source when one of its
// reference properties names the source's keys.
#ifndef CIMULATE_FAKE_SERVER_ENGINE_ASSOCIATIONS_H_
#define CIMULATE_FAKE_SERVER_ENGINE_ASSOCIATIONS_H_

#include <string>
#include <vector>

#include "engine/outcome.h"
#include "engine/repository.h"
#include "wsman/message.h"

namespace cimulate::fake {

// b:AssociatedInstances: the instances at the other ends of the association
// instances that reference the source (filtered by association class, Role,
// ResultClassName and ResultRole).  b:AssociationInstances: those association
// instances themselves (filtered by ResultClassName and Role).  In data order,
// each once.  False with a fault when the source (b:Object) is not in the
// data; `default_namespace` serves an EPR without a namespace.
bool SelectAssociations(const Repository& repository, const std::string& default_namespace,
                        const wsman::AssociationFilter& filter, std::vector<SharedInstance>* out, Outcome* fault);

}  // namespace cimulate::fake

#endif  // CIMULATE_FAKE_SERVER_ENGINE_ASSOCIATIONS_H_
