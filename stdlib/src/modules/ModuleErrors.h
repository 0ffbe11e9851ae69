#pragma once
// How a module function turns its own failure into a Lua error (design §7: the message names the
// function and the cause, e.g. "file.copy: cannot read '/x': No such file or directory").

#include "sloth/vm/State.h"

#include <new>
#include <string>

namespace sloth::stdlib::modules {

// Runs `operation`; an `Error` it throws becomes the Lua error "function: cause".
template <typename Error, typename Operation>
auto reportingErrors(vm::Thread& L, const char* function, Operation&& operation)
    -> decltype(operation()) {
  std::string cause;
  try {
    return operation();
  } catch (const Error& e) {
    cause = e.what();
  } catch (const std::bad_alloc&) {
    cause = "not enough memory";
  }
  L.runError(std::string(function) + ": " + cause);
}

} // namespace sloth::stdlib::modules
