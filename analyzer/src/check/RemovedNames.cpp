#include "RemovedNames.h"

#include <utility>

namespace sloth::check {

std::string_view removedNameAdvice(std::string_view qualifiedName) {
  static constexpr std::pair<std::string_view, std::string_view> kRemoved[] = {
      {"setfenv", "removed in Lua 5.2: give the function an _ENV upvalue or pass load() an env"},
      {"getfenv", "removed in Lua 5.2: use _ENV"},
      {"module", "removed in Lua 5.2: build a local table and return it"},
      {"newproxy", "removed in Lua 5.2: use setmetatable({}, mt)"},
      {"gcinfo", "removed in Lua 5.1: use collectgarbage(\"count\")"},
      {"math.mod", "removed in Lua 5.1: use math.fmod"},
      {"math.ldexp", "removed in Lua 5.3: use x * 2.0 ^ e"},
      {"math.frexp", "removed in Lua 5.3"},
      {"math.cosh", "removed in Lua 5.3: use (math.exp(x) + math.exp(-x)) / 2"},
      {"math.sinh", "removed in Lua 5.3: use (math.exp(x) - math.exp(-x)) / 2"},
      {"math.tanh", "removed in Lua 5.3"},
      {"table.setn", "removed in Lua 5.1: the length of a table is #t"},
      {"table.foreach", "removed in Lua 5.1: use a for loop over pairs(t)"},
      {"table.foreachi", "removed in Lua 5.1: use a for loop over ipairs(t)"},
      {"package.seeall", "removed in Lua 5.2 with module(): build a local table and return it"},
      {"package.loaders", "renamed in Lua 5.2: use package.searchers"},
  };
  for (const auto& [name, advice] : kRemoved)
    if (name == qualifiedName)
      return advice;
  return {};
}

} // namespace sloth::check
