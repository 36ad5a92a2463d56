#include "scenario/data.h"

#include <string>

#include "core/value.h"

namespace cimulate::scenario {
namespace {

bool Same(std::string_view a, std::string_view b) {
  return core::NamesEqual(std::string(a).c_str(), std::string(b).c_str());
}

// Superclass chains are validated acyclic at load time; the bound guards code
// that runs on a DataSet built by hand.
constexpr int kMaxChain = 64;

PropertyDecl Prop(const char* name, MI_Type type) {
  PropertyDecl p;
  p.name = name;
  p.type = type;
  return p;
}

ClassDecl CimError() {
  ClassDecl c;
  c.name = "CIM_Error";
  c.properties = {Prop("ErrorType", MI_UINT16),          Prop("OtherErrorType", MI_STRING),
                  Prop("OwningEntity", MI_STRING),       Prop("MessageID", MI_STRING),
                  Prop("Message", MI_STRING),            Prop("MessageArguments", MI_STRINGA),
                  Prop("PerceivedSeverity", MI_UINT16),  Prop("ProbableCause", MI_UINT16),
                  Prop("ProbableCauseDescription", MI_STRING), Prop("RecommendedActions", MI_STRINGA),
                  Prop("ErrorSource", MI_STRING),        Prop("ErrorSourceFormat", MI_UINT16),
                  Prop("OtherErrorSourceFormat", MI_STRING), Prop("CIMStatusCode", MI_UINT32),
                  Prop("CIMStatusCodeDescription", MI_STRING)};
  return c;
}

ClassDecl Extend(const char* name, std::vector<PropertyDecl> extra) {
  ClassDecl c = CimError();
  c.name = name;
  for (PropertyDecl& p : extra) c.properties.push_back(std::move(p));
  return c;
}

}  // namespace

const NamespaceData* DataSet::FindNamespace(std::string_view name) const {
  for (const NamespaceData& ns : namespaces) {
    if (Same(ns.name, name)) return &ns;
  }
  return nullptr;
}

const ClassDecl* DataSet::FindClass(std::string_view name_space, std::string_view class_name) const {
  const NamespaceData* ns = FindNamespace(name_space);
  if (ns == nullptr) return nullptr;
  for (const ClassDecl& c : ns->classes) {
    if (Same(c.name, class_name)) return &c;
  }
  return nullptr;
}

const InstanceValue* DataSet::FindInstance(std::string_view id) const {
  for (const NamespaceData& ns : namespaces) {
    for (const InstanceValue& i : ns.instances) {
      if (i.id == id) return &i;
    }
  }
  return nullptr;
}

const PropertyDecl* DataSet::FindProperty(std::string_view name_space, std::string_view class_name,
                                          std::string_view property) const {
  const ClassDecl* c = FindClass(name_space, class_name);
  for (int depth = 0; c != nullptr && depth < kMaxChain; ++depth) {
    for (const PropertyDecl& p : c->properties) {
      if (Same(p.name, property)) return &p;
    }
    c = c->superclass.empty() ? nullptr : FindClass(name_space, c->superclass);
  }
  return nullptr;
}

const MethodDecl* DataSet::FindMethod(std::string_view name_space, std::string_view class_name,
                                      std::string_view method) const {
  const ClassDecl* c = FindClass(name_space, class_name);
  for (int depth = 0; c != nullptr && depth < kMaxChain; ++depth) {
    for (const MethodDecl& m : c->methods) {
      if (Same(m.name, method)) return &m;
    }
    c = c->superclass.empty() ? nullptr : FindClass(name_space, c->superclass);
  }
  return nullptr;
}

bool DataSet::IsA(std::string_view name_space, std::string_view class_name, std::string_view base) const {
  const ClassDecl* c = FindClass(name_space, class_name);
  for (int depth = 0; c != nullptr && depth < kMaxChain; ++depth) {
    if (Same(c->name, base)) return true;
    c = c->superclass.empty() ? nullptr : FindClass(name_space, c->superclass);
  }
  return false;
}

std::vector<const PropertyDecl*> DataSet::AllProperties(std::string_view name_space,
                                                        std::string_view class_name) const {
  std::vector<const ClassDecl*> chain;
  const ClassDecl* c = FindClass(name_space, class_name);
  for (int depth = 0; c != nullptr && depth < kMaxChain; ++depth) {
    chain.insert(chain.begin(), c);
    c = c->superclass.empty() ? nullptr : FindClass(name_space, c->superclass);
  }
  std::vector<const PropertyDecl*> all;
  for (const ClassDecl* cls : chain) {
    for (const PropertyDecl& p : cls->properties) all.push_back(&p);
  }
  return all;
}

const ClassDecl* FindErrorClass(std::string_view name) {
  static const ClassDecl kClasses[] = {
      CimError(),
      Extend("MSFT_WmiError", {Prop("error_Category", MI_UINT32), Prop("error_Code", MI_UINT32),
                                             Prop("error_Type", MI_STRING),
                                             Prop("error_WindowsErrorMessage", MI_STRING)}),
      Extend("OMI_Error", {Prop("OMI_Code", MI_UINT32), Prop("OMI_Category", MI_UINT16),
                                         Prop("OMI_Type", MI_STRING), Prop("OMI_ErrorMessage", MI_STRING)}),
  };
  for (const ClassDecl& c : kClasses) {
    if (c.name == name) return &c;
  }
  return nullptr;
}

}  // namespace cimulate::scenario
