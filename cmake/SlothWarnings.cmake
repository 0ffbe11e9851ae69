# sloth_target_warnings(TARGET): our own code builds with these and stays at zero warnings.
function(sloth_target_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wno-unused-parameter)
endfunction()
