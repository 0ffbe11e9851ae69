#pragma once
// The options table a module function takes after its positional arguments (design §7): absent
// or nil means no options; any key outside the function's declared set, and any value of the
// wrong type, is a run-time error naming the function and the key.

#include "sloth/vm/State.h"

#include <algorithm>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

namespace sloth::stdlib::modules {

class Options {
public:
  /// Validates the keys of the table at `arg` against `known`; `function` ("file.copy") prefixes
  /// every message.
  Options(vm::Thread& L, int arg, std::string_view function,
          std::initializer_list<std::string_view> known)
      : L(L), arg(L.absIndex(arg)), function(function) {
    if (L.isNoneOrNil(this->arg)) {
      present = false;
      return;
    }
    if (!L.isTable(this->arg))
      L.runError(this->function + ": options must be a table, got " +
                 std::string(L.typeNameAt(this->arg)));
    L.pushNil();
    while (L.next(this->arg)) {
      L.pop(); // the value
      if (L.type(-1) != vm::Type::String)
        L.runError(this->function + ": option keys must be strings, got " +
                   std::string(L.typeNameAt(-1)));
      std::string_view key;
      L.toStringView(-1, key);
      if (std::find(known.begin(), known.end(), key) == known.end())
        L.runError(this->function + ": unknown option '" + std::string(key) + "'");
    }
  }

  std::optional<bool> boolean(std::string_view key) {
    if (!fetch(key))
      return std::nullopt;
    expectType(key, vm::Type::Boolean, "a boolean");
    bool value = L.toBoolean(-1);
    L.pop();
    return value;
  }

  std::optional<std::string> string(std::string_view key) {
    if (!fetch(key))
      return std::nullopt;
    expectType(key, vm::Type::String, "a string");
    std::string_view value;
    L.toStringView(-1, value);
    std::string result(value);
    L.pop();
    return result;
  }

  std::optional<double> number(std::string_view key) {
    if (!fetch(key))
      return std::nullopt;
    expectType(key, vm::Type::Number, "a number");
    double value = L.toNumber(-1);
    L.pop();
    return value;
  }

private:
  // Pushes options[key] and returns true, or pushes nothing and returns false when it is nil.
  bool fetch(std::string_view key) {
    if (!present)
      return false;
    if (L.getField(arg, key) == vm::Type::Nil) {
      L.pop();
      return false;
    }
    return true;
  }

  void expectType(std::string_view key, vm::Type type, std::string_view description) {
    if (L.type(-1) == type)
      return;
    std::string got = L.typeNameAt(-1);
    L.pop();
    L.runError(function + ": option '" + std::string(key) + "' must be " +
               std::string(description) + ", got " + got);
  }

  vm::Thread& L;
  int arg;
  std::string function;
  bool present = true;
};

} // namespace sloth::stdlib::modules
