#include "StdlibContext.h"

#include "sloth/vm/Object.h"

#include <new>
#include <type_traits>

namespace sloth::stdlib::lib {

static_assert(std::is_trivially_destructible_v<StdlibContext>, "kept in a userdata without __gc");

StdlibContext& context(vm::Thread& L) {
  constexpr const char* kKey = "sloth.stdlib.Context";
  if (L.getField(vm::kRegistryIndex, kKey) == vm::Type::Userdata) {
    auto* ctx = static_cast<StdlibContext*>(L.toUserdata(-1));
    L.pop();
    return *ctx;
  }
  L.pop();
  auto* ctx = new (L.newUserdata(sizeof(StdlibContext))) StdlibContext();
  L.setField(vm::kRegistryIndex, kKey);
  return *ctx;
}

void setFirstUpvalue(vm::Thread& L, int funcIndex, int valueIndex) {
  // The VM API has no lua_setupvalue yet (stdlib/NOTES-for-vm.md); a loaded chunk's upvalues are
  // closed, so the value goes into the upvalue itself. The collector is stop-the-world: no
  // barrier is needed.
  const vm::Value& f = L.at(funcIndex);
  if (f.tt != vm::Tag::LuaClosure)
    return;
  vm::LClosure* closure = vm::toLClosure(f);
  if (closure->nupvalues == 0 || closure->upvals[0] == nullptr)
    return;
  *closure->upvals[0]->v = L.at(valueIndex);
}

} // namespace sloth::stdlib::lib
