# Warnings for the project's own targets (not for third-party headers).
function(cimulate_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wshadow=local -Wnon-virtual-dtor
                         -Wno-unused-parameter -Wno-missing-field-initializers)
endfunction()
