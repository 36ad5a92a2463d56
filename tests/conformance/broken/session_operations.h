// Replaces every operation slot of a session table (GetInstance ...
// TestConnection) with one that calls the real slot and then hands the
// session and the new operation to a hook.  Every such slot takes the
// MI_Operation* last, which is what lets one template serve them all.
#ifndef CIMULATE_TESTS_CONFORMANCE_BROKEN_SESSION_OPERATIONS_H_
#define CIMULATE_TESTS_CONFORMANCE_BROKEN_SESSION_OPERATIONS_H_

#include <tuple>

#include "MI.h"

namespace cimulate::broken {

// `Real` returns the real session table; `Hook` runs after each operation
// has started.
template <const MI_SessionFT& (*Real)(), void (*Hook)(MI_Session*, MI_Operation*)>
struct SessionOperations {
  template <typename Slot>
  struct Forward;

  template <typename... Args>
  struct Forward<void(MI_CALL*)(MI_Session*, Args...)> {
    template <void(MI_CALL* MI_SessionFT::*Member)(MI_Session*, Args...)>
    static void MI_CALL Call(MI_Session* session, Args... args) {
      (Real().*Member)(session, args...);
      Hook(session, std::get<sizeof...(Args) - 1>(std::tie(args...)));
    }
  };

  template <auto Member>
  static void Wrap(MI_SessionFT* table) {
    using Slot = std::remove_reference_t<decltype(table->*Member)>;
    table->*Member = &Forward<Slot>::template Call<Member>;
  }

  static void WrapAll(MI_SessionFT* table) {
    Wrap<&MI_SessionFT::GetInstance>(table);
    Wrap<&MI_SessionFT::ModifyInstance>(table);
    Wrap<&MI_SessionFT::CreateInstance>(table);
    Wrap<&MI_SessionFT::DeleteInstance>(table);
    Wrap<&MI_SessionFT::Invoke>(table);
    Wrap<&MI_SessionFT::EnumerateInstances>(table);
    Wrap<&MI_SessionFT::QueryInstances>(table);
    Wrap<&MI_SessionFT::AssociatorInstances>(table);
    Wrap<&MI_SessionFT::ReferenceInstances>(table);
    Wrap<&MI_SessionFT::Subscribe>(table);
    Wrap<&MI_SessionFT::GetClass>(table);
    Wrap<&MI_SessionFT::EnumerateClasses>(table);
    Wrap<&MI_SessionFT::TestConnection>(table);
  }
};

}  // namespace cimulate::broken

#endif  // CIMULATE_TESTS_CONFORMANCE_BROKEN_SESSION_OPERATIONS_H_
