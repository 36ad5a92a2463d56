// Replaces every operation slot of a session table (GetInstance ...
// TestConnection) with one that may swap the caller's callbacks, calls the
// real slot, and then hands the session and the new operation to a hook.
// Every such slot takes the MI_OperationCallbacks* second to last and the
// MI_Operation* last, which is what lets one template serve them all.
#ifndef CIMULATE_TESTS_CONFORMANCE_BROKEN_SESSION_OPERATIONS_H_
#define CIMULATE_TESTS_CONFORMANCE_BROKEN_SESSION_OPERATIONS_H_

#include <cstddef>
#include <tuple>
#include <type_traits>

#include "MI.h"

namespace cimulate::broken {

// Leaves the caller's callbacks as they are.
inline MI_OperationCallbacks* SameCallbacks(MI_OperationCallbacks* callbacks) { return callbacks; }

// `Real` returns the real session table; `Swap` gives the callbacks the real
// slot gets instead of the caller's; `Hook` runs after each operation has
// started.
template <const MI_SessionFT& (*Real)(), void (*Hook)(MI_Session*, MI_Operation*),
          MI_OperationCallbacks* (*Swap)(MI_OperationCallbacks*) = SameCallbacks>
struct SessionOperations {
  template <typename Slot>
  struct Forward;

  template <typename... Args>
  struct Forward<void(MI_CALL*)(MI_Session*, Args...)> {
    template <void(MI_CALL* MI_SessionFT::*Member)(MI_Session*, Args...)>
    static void MI_CALL Call(MI_Session* session, Args... args) {
      constexpr std::size_t kCount = sizeof...(Args);
      std::tuple<Args...> values(args...);
      std::get<kCount - 2>(values) = Swap(std::get<kCount - 2>(values));
      std::apply([session](Args... forwarded) { (Real().*Member)(session, forwarded...); }, values);
      Hook(session, std::get<kCount - 1>(values));
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
