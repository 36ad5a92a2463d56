// cimulate-scenario-check FILE...: validates scenario files (what
// `cimulate-server --check` does), for editors and CI before the server exists.
#include <iostream>

#include "scenario/check.h"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: cimulate-scenario-check FILE...\n";
    return cimulate::scenario::kCheckInvalid;
  }
  int status = cimulate::scenario::kCheckOk;
  for (int i = 1; i < argc; ++i) {
    if (cimulate::scenario::CheckScenarioFile(argv[i], std::cout) != cimulate::scenario::kCheckOk) {
      status = cimulate::scenario::kCheckInvalid;
    }
  }
  return status;
}
