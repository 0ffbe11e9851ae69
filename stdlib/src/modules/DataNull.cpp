#include "DataNull.h"

#include "DataLuaTables.h"

namespace sloth::stdlib::modules {

namespace {

constexpr const char* kNullKey = "sloth.data.null";
constexpr const char* kArrayMetatable = "data.array";

int nullToString(vm::Thread& L) {
  L.pushString("data.null");
  return 1;
}

} // namespace

void pushNull(vm::Thread& L) {
  if (L.getField(vm::kRegistryIndex, kNullKey) == vm::Type::Userdata)
    return;
  L.pop();
  L.newUserdata(1);
  if (L.newMetatable("data.null")) {
    L.pushNative(nullToString, 0, "tostring");
    L.setField(-2, "__tostring");
    L.pushString("protected"); // getmetatable(data.null) cannot be changed
    L.setField(-2, "__metatable");
  }
  L.setMetatable(-2);
  L.pushValue(-1);
  L.setField(vm::kRegistryIndex, kNullKey);
}

bool isNull(vm::Thread& L, int index) {
  if (L.type(index) != vm::Type::Userdata)
    return false;
  index = L.absIndex(index);
  pushNull(L);
  bool same = L.rawEqual(index, -1);
  L.pop();
  return same;
}

void markArray(vm::Thread& L) {
  L.newMetatable(kArrayMetatable); // an empty metatable shared by every parsed array
  L.setMetatable(-2);
}

bool encodesAsArray(vm::Thread& L, int index) {
  index = L.absIndex(index);
  if (isSequence(L, index))
    return true;
  L.pushNil();
  if (L.next(index)) {
    L.pop(2);
    return false;
  }
  if (!L.getMetatable(index))
    return false;
  L.getField(vm::kRegistryIndex, kArrayMetatable);
  bool marked = L.rawEqual(-1, -2);
  L.pop(2);
  return marked;
}

} // namespace sloth::stdlib::modules
