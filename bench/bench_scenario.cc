#include "bench_scenario.h"

#include <cstdio>
#include <utility>

namespace cimulate::bench {
namespace {

scenario::Value StringValue(std::string text) {
  scenario::Value v;
  v.type = MI_STRING;
  v.null = false;
  v.string = std::move(text);
  return v;
}

scenario::Value Uint64Value(std::uint64_t n) {
  scenario::Value v;
  v.type = MI_UINT64;
  v.null = false;
  v.uint = n;
  return v;
}

scenario::Value BooleanValue(bool b) {
  scenario::Value v;
  v.type = MI_BOOLEAN;
  v.null = false;
  v.boolean = b;
  return v;
}

scenario::PropertyDecl Property(std::string name, MI_Type type, bool key = false) {
  scenario::PropertyDecl p;
  p.name = std::move(name);
  p.type = type;
  p.key = key;
  return p;
}

// A small but not trivial instance: a key, two strings, a number and a flag,
// about 400 bytes on the wire.
scenario::ClassDecl BenchClass() {
  scenario::ClassDecl c;
  c.name = kBenchClass;
  c.properties = {Property("Id", MI_STRING, true), Property("Name", MI_STRING),
                  Property("Description", MI_STRING), Property("Size", MI_UINT64),
                  Property("Enabled", MI_BOOLEAN)};
  return c;
}

scenario::InstanceValue BenchInstance(std::size_t index) {
  scenario::InstanceValue inst;
  inst.id = BenchItemId(index);
  inst.class_name = kBenchClass;
  inst.name_space = kBenchNamespace;
  inst.properties = {{"Id", StringValue(inst.id), {}},
                     {"Name", StringValue("bench-item-" + std::to_string(index)), {}},
                     {"Description", StringValue("An instance served by the WS-Man benchmark"), {}},
                     {"Size", Uint64Value(index * 4096), {}},
                     {"Enabled", BooleanValue(index % 2 == 0), {}}};
  return inst;
}

}  // namespace

std::string BenchItemId(std::size_t index) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "item-%06zu", index);
  return buf;
}

scenario::Scenario MakeBenchScenario(std::size_t instances) {
  scenario::Scenario s;
  s.name = "wsman-bench";
  s.summary = "Identify, Get and Enumerate load against one data-backed class";
  s.seed = 1;
  s.source = "bench_scenario.cc";
  s.endpoint.listeners.admin.enabled = false;
  s.endpoint.auth.accounts.push_back({.user = kBenchUser, .password = std::string(kBenchPassword)});

  scenario::NamespaceData ns;
  ns.name = kBenchNamespace;
  ns.classes.push_back(BenchClass());
  ns.instances.reserve(instances);
  for (std::size_t i = 0; i < instances; ++i) ns.instances.push_back(BenchInstance(i));
  s.endpoint.data.namespaces.push_back(std::move(ns));
  return s;
}

}  // namespace cimulate::bench
