// The C++ standard streams (std::cout, std::cerr, std::cin, ...) of sloth, set up when main wants
// them instead of before main.
//
// With GCC 12 every translation unit that includes <iostream> (CLI11, the ANTLR runtime and
// yaml-cpp do) constructs a std::ios_base::Init before main, and the first one builds the eight
// standard streams and with them the classic locale: some 28 facets, ~13 page faults, about
// 0.37 ms of an empty program's 2.5 ms on our machines (docs/startup.md). `sloth run FILE`
// never touches a C++ stream. sloth is linked with --wrap for the constructor
// (tools/CMakeLists.txt), so those calls arrive here: ignored before main, passed on after it.
// main calls enableStandardStreams() first thing, and startStandardStreams() before it parses
// options with CLI11 (which prints help and errors on std::cout and std::cerr); the libraries'
// deferred initializers (sloth/DeferredInitializers.h: the ANTLR runtime's, the parsers',
// yaml-cpp's), which run after main, construct their own Init.
//
// What this asks of code linked into sloth: nothing may use a standard stream from a static
// initializer or before main's first statement, and a command that does not go through CLI11
// must construct a std::ios_base::Init before it uses one. (A skipped construction has no
// destructor to balance: ~Init only counts down and flushes, and the streams are never destroyed.)
#include "StandardStreamsOnDemand.h"

#include <ios>

extern "C" void __real__ZNSt8ios_base4InitC1Ev(std::ios_base::Init* self);

namespace {
bool enabled = false; // set at the start of main
} // namespace

extern "C" void __wrap__ZNSt8ios_base4InitC1Ev(std::ios_base::Init* self) {
  if (enabled)
    __real__ZNSt8ios_base4InitC1Ev(self);
}

namespace sloth::cli {

void enableStandardStreams() {
  enabled = true;
}

void startStandardStreams() {
  enableStandardStreams();
  static std::ios_base::Init init;
}

} // namespace sloth::cli
