// Layouts of the garbage-collected objects. Runtime internals: the stdlib uses the API in
// State.h, not these.
#pragma once

#include "sloth/vm/Proto.h"
#include "sloth/vm/Value.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

namespace sloth::vm {

class Thread;
using NativeFn = int (*)(Thread& L);

// Common header of every collectable object; all objects are on one of the GC's lists via next.
struct GCObject {
  GCObject* next = nullptr;
  Tag tt = Tag::Nil;
  std::uint8_t marked = 0; // kMarkBit: reached in the current cycle; kFixedBit: never collected
};
inline constexpr std::uint8_t kMarkBit = 1;
inline constexpr std::uint8_t kFixedBit = 2;
inline constexpr std::uint8_t kFinalizeBit = 4; // object is on the finobj list (has __gc)

// Strings: short ones (<= kMaxShortLen bytes) are interned, so equal short strings are the same
// object and compare by pointer; long ones hash lazily. data is NUL-terminated for convenience.
inline constexpr std::size_t kMaxShortLen = 40;
struct LString : GCObject {
  std::uint8_t hasHash = 0;  // long strings compute their hash on first use as a key
  std::uint8_t reserved = 0; // nonzero for metamethod names etc. (never collected)
  std::uint32_t hash = 0;
  std::size_t len = 0;
  LString* hnext = nullptr; // chain in the string table (short strings)
  char data[1];

  std::string_view view() const { return {data, len}; }
};

// Table: array part for keys 1..asize, hash part with open addressing (linear probing). A
// removed entry keeps its key with a nil value, so next() keeps working while a traversal assigns
// nil to fields (Lua's rule); such slots are reused by later insertions and dropped on rehash.
struct Node {
  Value val;
  Value key; // Nil: never used
};
struct Table : GCObject {
  std::uint8_t flags = 0;    // bit e set: metamethod e (< 8) known absent (cache, reset on writes)
  std::uint8_t weakMode = 0; // set by the GC from __mode: 1 weak keys, 2 weak values
  Table* metatable = nullptr;
  Value* array = nullptr;
  std::uint32_t asize = 0;
  std::uint32_t hcap = 0;    // 0 or a power of two
  std::uint32_t hused = 0;   // occupied slots (including removed entries)
  std::uint32_t lenHint = 0; // the border # found last (checked before use), as Lua's alimit
  Node* node = nullptr;
  Table* gclist = nullptr;
};

// Upvalue: open while the variable lives in a stack slot (v points into the stack, level is the
// slot's index), closed when the value moved into the upvalue itself.
struct UpVal : GCObject {
  Value* v = nullptr;
  Value closed;
  std::ptrdiff_t level = 0;
  UpVal* openNext = nullptr;
  Thread* owner = nullptr; // thread whose stack holds the open variable
  bool isOpen() const { return v != &closed; }
};

// A loaded prototype: the compiler's Proto plus its constants as runtime values.
struct LProto : GCObject {
  std::shared_ptr<const Proto> src;
  std::vector<Value> k;
  std::vector<LProto*> p;
  LString* source = nullptr;
};

struct LClosure : GCObject {
  std::uint8_t nupvalues = 0;
  LProto* p = nullptr;
  UpVal* upvals[1];
};

struct NClosure : GCObject {
  std::uint8_t nupvalues = 0;
  // Argument errors use `name` whatever the call site calls the native: sloth's module functions
  // say 'reliability.timeout', where Lua's own libraries say 'rep' for s:rep() as lua5.4 does.
  bool nameInErrors = false;
  NativeFn f = nullptr;
  const char* name = nullptr; // optional, for messages when the call site gives no name
  Value upvalue[1];
};

struct Userdata : GCObject {
  Table* metatable = nullptr;
  Value uservalue;
  std::size_t len = 0;
  alignas(16) unsigned char data[1];
};

// Function call bookkeeping; a doubly linked list reused across calls. Stack positions are
// indices, so growing (reallocating) the stack does not invalidate them.
inline constexpr std::uint16_t CIST_NATIVE = 1; // a native function
inline constexpr std::uint16_t CIST_FRESH = 2;  // execute() returns when this frame returns
inline constexpr std::uint16_t CIST_FIN = 4;    // running a finalizer
struct CallInfo {
  std::ptrdiff_t func = 0; // stack index of the function; its arguments/registers follow
  std::ptrdiff_t top = 0;  // stack limit of this frame
  CallInfo* prev = nullptr;
  CallInfo* next = nullptr;
  const Instruction* savedpc = nullptr;
  int nresults = 0;
  int nextraargs = 0; // vararg functions: number of extra arguments below func
  std::uint16_t callstatus = 0;
};

// Allocation sizes of the variable-length objects.
inline std::size_t lstringSize(std::size_t len) {
  return sizeof(LString) + len;
}
inline std::size_t lclosureSize(int n) {
  return sizeof(LClosure) + sizeof(UpVal*) * static_cast<std::size_t>(n > 1 ? n - 1 : 0);
}
inline std::size_t nclosureSize(int n) {
  return sizeof(NClosure) + sizeof(Value) * static_cast<std::size_t>(n > 1 ? n - 1 : 0);
}
inline std::size_t userdataSize(std::size_t len) {
  return sizeof(Userdata) + len;
}

inline LString* toStr(GCObject* o) {
  return static_cast<LString*>(o);
}
inline Table* toTable(GCObject* o) {
  return static_cast<Table*>(o);
}
inline LClosure* toLClosure(const Value& v) {
  return static_cast<LClosure*>(v.gc);
}
inline NClosure* toNClosure(const Value& v) {
  return static_cast<NClosure*>(v.gc);
}
inline Userdata* toUserdata(const Value& v) {
  return static_cast<Userdata*>(v.gc);
}

} // namespace sloth::vm
