# CIMULATE_SANITIZE selects an instrumented build of everything, tests included:
#   address   -> AddressSanitizer + UndefinedBehaviorSanitizer (LeakSanitizer on)
#   thread    -> ThreadSanitizer
set(CIMULATE_SANITIZE "" CACHE STRING "Sanitizer build: '', 'address' or 'thread'")

if(CIMULATE_SANITIZE STREQUAL "address")
  set(_san_flags -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
elseif(CIMULATE_SANITIZE STREQUAL "thread")
  set(_san_flags -fsanitize=thread -fno-omit-frame-pointer)
elseif(NOT CIMULATE_SANITIZE STREQUAL "")
  message(FATAL_ERROR "CIMULATE_SANITIZE must be '', 'address' or 'thread', not '${CIMULATE_SANITIZE}'")
endif()

if(_san_flags)
  add_compile_options(${_san_flags})
  add_link_options(${_san_flags})
  add_compile_definitions(CIMULATE_SANITIZED=1)
endif()
