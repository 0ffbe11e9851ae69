# Every dependency comes from a Debian 12 package (tools/setup.sh installs them); nothing is vendored.

find_package(antlr4-runtime REQUIRED)  # Debian: libantlr4-runtime-dev 4.9 (targets, no include dirs)
find_program(ANTLR4_TOOL antlr4 REQUIRED)  # Debian: antlr4 4.7.2 (the Java tool, via a wrapper)
find_package(Java COMPONENTS Runtime REQUIRED)

find_package(LLVM 14 REQUIRED CONFIG PATHS /usr/lib/llvm-14/lib/cmake/llvm NO_DEFAULT_PATH)
llvm_map_components_to_libnames(SLOTH_LLVM_LIBS support)
add_library(sloth_llvm INTERFACE)
target_include_directories(sloth_llvm SYSTEM INTERFACE ${LLVM_INCLUDE_DIRS})
target_link_libraries(sloth_llvm INTERFACE ${SLOTH_LLVM_LIBS})

# The C++ libraries are linked statically (cmake/SlothLinking.cmake says why): Debian's archives
# of yaml-cpp, Boost.Context and SQLite, and fmt and toml++ compiled from their headers.
find_library(SLOTH_YAML_CPP_ARCHIVE libyaml-cpp.a REQUIRED)  # Debian: libyaml-cpp-dev
# yaml-cpp's static initializers run when YAML is first parsed or emitted (sloth/YamlLibrary.h).
include(SlothDeferredInitializers)
sloth_defer_initializers(yaml-cpp ${SLOTH_YAML_CPP_ARCHIVE} sloth_deferred_yaml)
find_package(nlohmann_json 3 REQUIRED)
find_package(CURL REQUIRED)
find_package(PkgConfig REQUIRED)
pkg_check_modules(LIBGIT2 REQUIRED IMPORTED_TARGET libgit2)
set(Boost_USE_STATIC_LIBS ON)
find_package(Boost 1.74 REQUIRED COMPONENTS context)  # Asio is header-only; Context gives coroutines their own stacks
find_package(CLI11 REQUIRED)
find_package(Threads REQUIRED)
find_library(SLOTH_SQLITE3_ARCHIVE libsqlite3.a REQUIRED)  # Debian: libsqlite3-dev
add_library(SQLite::SQLite3 STATIC IMPORTED)
set_target_properties(SQLite::SQLite3 PROPERTIES IMPORTED_LOCATION ${SLOTH_SQLITE3_ARCHIVE}
                      INTERFACE_LINK_LIBRARIES "Threads::Threads;${CMAKE_DL_LIBS};m")
# The headers of libfmt-dev (fmt 9) and libtomlplusplus-dev (toml++ 3); the targets keep the names
# their packages give them, so the components link them as usual.
add_library(sloth_fmt STATIC ${CMAKE_CURRENT_LIST_DIR}/static/FmtLibrary.cpp)
add_library(fmt::fmt ALIAS sloth_fmt)
add_library(sloth_toml STATIC ${CMAKE_CURRENT_LIST_DIR}/static/TomlLibrary.cpp)
target_compile_definitions(sloth_toml PUBLIC TOML_HEADER_ONLY=0)
add_library(tomlplusplus::tomlplusplus ALIAS sloth_toml)

# Test tools: GoogleTest, and lit + FileCheck from llvm-14-tools.
find_package(GTest REQUIRED)
find_program(FILECHECK FileCheck PATHS /usr/lib/llvm-14/bin NO_DEFAULT_PATH)
find_program(FILECHECK FileCheck)
find_file(LIT_PY lit.py PATHS /usr/lib/llvm-14/build/utils/lit NO_DEFAULT_PATH)
find_package(Python3 COMPONENTS Interpreter REQUIRED)

# Pin the tool too: the generated code must be 4.7.2's (v3 ATN) to load in the 4.9 runtime.
execute_process(COMMAND ${ANTLR4_TOOL} OUTPUT_VARIABLE _antlr_banner ERROR_VARIABLE _antlr_banner)
if(NOT _antlr_banner MATCHES "Version 4\\.7\\.2")
  message(FATAL_ERROR "sloth pins the antlr4 tool to 4.7.2 (Debian 12's); found: ${_antlr_banner}")
endif()
