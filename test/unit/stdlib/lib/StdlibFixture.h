// A State with the standard library open, and helpers to call library functions through the VM
// API and see their results the way Lua would print them.
#pragma once

#include "sloth/stdlib/Stdlib.h"
#include "sloth/vm/State.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <variant>

namespace stdlibtest {

using namespace sloth;

// An argument for a call: nil, boolean, integer, float, string, or a value already on the stack.
struct Arg {
  struct Nil {};
  struct StackValue {
    int index;
  };
  std::variant<Nil, bool, std::int64_t, double, std::string, StackValue> v;

  Arg(std::nullptr_t) : v(Nil{}) {}
  Arg(bool b) : v(b) {}
  Arg(int i) : v(static_cast<std::int64_t>(i)) {}
  Arg(std::int64_t i) : v(i) {}
  Arg(double d) : v(d) {}
  Arg(const char* s) : v(std::string(s)) {}
  Arg(std::string s) : v(std::move(s)) {}
  static Arg stack(int index) {
    Arg a(nullptr);
    a.v = StackValue{index};
    return a;
  }
};

class StdlibTest : public ::testing::Test {
protected:
  vm::State state;
  vm::Thread& L = state.main();

  StdlibTest() { stdlib::openStandardLibraries(state); }

  // Pushes a global or a field of a global ("string.rep").
  void pushPath(std::string_view path) {
    std::size_t dot = path.find('.');
    L.getGlobal(path.substr(0, dot));
    while (dot != std::string_view::npos) {
      path.remove_prefix(dot + 1);
      dot = path.find('.');
      L.getField(-1, path.substr(0, dot));
      L.remove(-2);
    }
  }

  void push(const Arg& a) {
    std::visit(
        [this](const auto& x) {
          using T = std::decay_t<decltype(x)>;
          if constexpr (std::is_same_v<T, Arg::Nil>)
            L.pushNil();
          else if constexpr (std::is_same_v<T, bool>)
            L.pushBoolean(x);
          else if constexpr (std::is_same_v<T, std::int64_t>)
            L.pushInteger(x);
          else if constexpr (std::is_same_v<T, double>)
            L.pushNumber(x);
          else if constexpr (std::is_same_v<T, std::string>)
            L.pushString(x);
          else
            L.pushValue(x.index);
        },
        a.v);
  }

  // One value as a test reads it: strings quoted, everything else as tostring prints it.
  std::string show(int index) {
    index = L.absIndex(index);
    std::string out;
    if (L.type(index) == vm::Type::String) {
      std::string_view s;
      L.toStringView(index, s);
      out = "\"" + std::string(s) + "\"";
    } else {
      out = std::string(L.toDisplayString(index));
      L.pop();
    }
    return out;
  }

  // Calls the function at `path` with `args` in protected mode. The results, shown and joined
  // with ", ", or "error: message".
  std::string call(std::string_view path, std::initializer_list<Arg> args = {}) {
    int base = L.top();
    pushPath(path);
    for (const Arg& a : args)
      push(a);
    vm::Status status = L.pcall(static_cast<int>(args.size()), vm::kMultRet, 0);
    std::string out;
    if (status != vm::Status::Ok) {
      out = "error: " + show(-1);
      if (L.type(-1) == vm::Type::String)
        out = "error: " + std::string(L.toDisplayString(-1));
    } else {
      for (int i = base + 1; i <= L.top(); i++)
        out += (i > base + 1 ? ", " : "") + show(i);
    }
    L.setTop(base);
    return out;
  }

  // Like call, but leaves the first result on the stack (for tables and functions).
  void callKeep(std::string_view path, std::initializer_list<Arg> args = {}) {
    pushPath(path);
    for (const Arg& a : args)
      push(a);
    ASSERT_EQ(L.pcall(static_cast<int>(args.size()), 1, 0), vm::Status::Ok)
        << L.toDisplayString(-1);
  }
};

} // namespace stdlibtest
