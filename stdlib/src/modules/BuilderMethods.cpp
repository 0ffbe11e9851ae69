#include "BuilderMethods.h"

#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <vector>

namespace sloth::stdlib::modules {

namespace {

// __index(builder, key); upvalue 1: the methods, upvalue 2: the builder's name.
int builderIndex(vm::Thread& L) {
  L.pushValue(2);
  if (L.rawGet(vm::upvalueIndex(1)) != vm::Type::Nil)
    return 1;
  L.pop();
  std::vector<std::string> methods;
  L.pushNil();
  while (L.next(vm::upvalueIndex(1))) {
    methods.emplace_back(L.toDisplayString(-2));
    L.pop(2); // the display string and the value
  }
  std::sort(methods.begin(), methods.end());
  std::string key(L.toDisplayString(2));
  L.pop();
  std::string builder(L.toDisplayString(vm::upvalueIndex(2)));
  L.pop();
  L.runError(fmt::format("{} has no method '{}' (its methods: {})", builder, key,
                         fmt::join(methods, ", ")));
}

} // namespace

void setBuilderMethods(vm::Thread& L, int metatable, const char* builder) {
  metatable = L.absIndex(metatable);
  L.pushString(builder);
  L.pushNative(builderIndex, 2, "__index");
  L.setField(metatable, "__index");
}

std::string definitionSite(vm::Thread& L) {
  std::string where = L.where(1); // "file:line: "
  while (!where.empty() && (where.back() == ':' || where.back() == ' '))
    where.pop_back();
  return where;
}

} // namespace sloth::stdlib::modules
