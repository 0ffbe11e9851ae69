# sloth_defer_initializers(TARGET ARCHIVE SECTION): an imported static library TARGET, a copy of
# ARCHIVE made by the build in which every member's static initializers (.init_array) are moved to
# SECTION, to be run on first use (include/sloth/DeferredInitializers.h). objcopy edits the copy;
# Debian's archive is left as it is.
function(sloth_defer_initializers target archive section)
  set(copy ${CMAKE_BINARY_DIR}/deferred/${target}.a)
  add_custom_command(
    OUTPUT ${copy}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/deferred
    COMMAND ${CMAKE_OBJCOPY} --rename-section .init_array=${section} ${archive} ${copy}
    DEPENDS ${archive}
    COMMENT "Deferring the static initializers of ${archive}"
    VERBATIM)
  add_custom_target(${target}_archive DEPENDS ${copy})
  add_library(${target} STATIC IMPORTED GLOBAL)
  set_target_properties(${target} PROPERTIES IMPORTED_LOCATION ${copy})
  add_dependencies(${target} ${target}_archive)
endfunction()
