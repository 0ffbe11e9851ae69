#include "Options.h"

#include <fmt/core.h>

#include <algorithm>

namespace sloth::stdlib::runtime {

std::string_view luaTypeName(vm::Thread& L, int index) {
  return L.typeNameAt(index);
}

void checkOptionKeys(vm::Thread& L, int index, std::string_view function,
                     std::initializer_list<std::string_view> allowed) {
  if (L.isNoneOrNil(index))
    return;
  if (!L.isTable(index))
    L.runError(fmt::format("{}: options must be a table, got {}", function, luaTypeName(L, index)));
  index = L.absIndex(index);
  L.pushNil();
  while (L.next(index)) {
    L.pop(); // the value
    std::string_view key;
    bool known = false;
    if (L.type(-1) == vm::Type::String && L.toStringView(-1, key))
      known = std::find(allowed.begin(), allowed.end(), key) != allowed.end();
    if (!known) {
      std::string list;
      for (std::string_view name : allowed)
        list += (list.empty() ? "" : ", ") + std::string(name);
      std::string shown =
          L.type(-1) == vm::Type::String ? std::string(key) : std::string(L.toDisplayString(-1));
      L.runError(
          fmt::format("{}: unknown option '{}' (expected one of: {})", function, shown, list));
    }
  }
}

std::optional<std::string> stringOption(vm::Thread& L, int index, std::string_view key,
                                        std::string_view function) {
  if (!L.isTable(index))
    return std::nullopt;
  vm::Type type = L.getField(index, key);
  if (type == vm::Type::Nil) {
    L.pop();
    return std::nullopt;
  }
  std::string_view text;
  if (type != vm::Type::String || !L.toStringView(-1, text)) {
    std::string got(luaTypeName(L, -1));
    L.pop();
    L.runError(fmt::format("{}: option '{}' must be a string, got {}", function, key, got));
  }
  std::string value(text);
  L.pop();
  return value;
}

std::optional<double> numberOption(vm::Thread& L, int index, std::string_view key,
                                   std::string_view function) {
  if (!L.isTable(index))
    return std::nullopt;
  vm::Type type = L.getField(index, key);
  if (type == vm::Type::Nil) {
    L.pop();
    return std::nullopt;
  }
  if (type != vm::Type::Number) {
    std::string got(luaTypeName(L, -1));
    L.pop();
    L.runError(fmt::format("{}: option '{}' must be a number, got {}", function, key, got));
  }
  double value = L.toNumber(-1);
  L.pop();
  return value;
}

} // namespace sloth::stdlib::runtime
