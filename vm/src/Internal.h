// Declarations shared by the runtime's source files (not part of the public interface).
#pragma once

#include "sloth/vm/Object.h"
#include "sloth/vm/State.h"

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace sloth::vm {

struct Global;
// Frees the stacks kept in Global::spareFiberStacks (at State close).
void releaseSpareFiberStacks(Global* g);
// Frees the blocks kept in Global::freeBlocks beyond the last cycle's demand (after a
// collection), or all of them (at State close).
void trimFreeBlocks(Global* g);
void releaseFreeBlocks(Global* g);

// A coroutine's C stack kept for reuse (see Do.cpp); sp is the top, as Boost.Context has it.
struct SpareFiberStack {
  void* sp = nullptr;
  std::size_t size = 0;
};

struct Global {
  // Set by State::requestInterrupt (any OS thread); checked by the interpreter at backward jumps
  // and calls, which then runs interruptHandler.
  std::atomic<bool> interruptRequested{false};
  State::InterruptHandler interruptHandler;
  State::MissingGlobalNote missingGlobalNote = nullptr; // see State::setMissingGlobalNote
  // Stacks of finished coroutines, reused by the next ones: a fresh protected stack costs an
  // mmap, a guard page and new page faults, which made short-lived coroutines 17x slower.
  std::vector<SpareFiberStack> spareFiberStacks;
  State* owner = nullptr;
  Thread* mainThread = nullptr;
  Thread* running = nullptr;    // the thread executing now (a GC root with its resumers)
  Thread* coroutines = nullptr; // every thread but the main one (linked by coNext/coPrev)
  // Freed small blocks by size class (16-byte steps up to kSmallBlockMax), reused before malloc:
  // the VM frees and allocates millions of closures, upvalues and small tables, and malloc's
  // bins (thread-safe once the process has a second thread) cost more than a list pop.
  static constexpr std::size_t kSmallBlockMax = 128;
  static constexpr std::size_t kSmallBlockCache = 1 << 18; // blocks kept per class at most
  void* freeBlocks[kSmallBlockMax / 16 + 1] = {};
  std::size_t freeBlockCount[kSmallBlockMax / 16 + 1] = {};
  // Blocks of each class allocated since the last collection: after one, a class keeps only as
  // many free blocks as the last cycle used, so garbage of a size no longer in demand goes back
  // to malloc instead of raising the peak memory.
  std::size_t blocksAllocated[kSmallBlockMax / 16 + 1] = {};
  // Memory accounting and collector state.
  std::size_t totalBytes = 0;
  std::size_t gcThreshold = 256 * 1024;
  std::size_t memLimit = 0;
  bool gcStopped = false;
  bool gcRunning = false;
  bool closing = false;
  // The thread running a __gc finalizer, which may not yield (as in Lua: a yield there is an
  // error, ignored like any error in a finalizer). Saved and restored around each finalizer.
  Thread* finalizing = nullptr;
  GCObject* allgc = nullptr;   // every object, except those below
  GCObject* finobj = nullptr;  // objects with a __gc metamethod
  GCObject* tobefnz = nullptr; // unreachable objects whose finalizer is pending
  std::vector<GCObject*> gray;
  std::vector<Table*> weak;       // weak tables seen in the current cycle
  std::vector<Table*> ephemerons; // tables with weak keys and strong values
  // Short-string table.
  std::vector<LString*> strt;
  std::size_t strcount = 0;
  std::uint32_t seed = 0x2545F491u;
  Table* registry = nullptr;
  Value registryValue; // registry as a value, for kRegistryIndex
  Table* globals = nullptr;
  Table* typeMt[9] = {}; // metatables of the basic types other than table/userdata
  LString* tmname[TM_N] = {};
  LString* memerrmsg = nullptr;
};

// ---- memory and GC (Gc.cpp) ----
void* rawAlloc(Thread* L, std::size_t size);
// Resizes a block from rawAlloc (realloc keeps large blocks' pages: no copy, no page faults).
void* rawRealloc(Thread* L, void* p, std::size_t osize, std::size_t nsize);
void rawFree(Global* g, void* p, std::size_t size);
template <class T> T* newObject(Thread* L, Tag tt, std::size_t size);
void linkObject(Global* g, GCObject* o, Tag tt);
void freeObject(Global* g, GCObject* o);
void checkGC(Thread* L);
void fullGC(Thread* L);
void checkFinalizer(Thread* L, GCObject* o, Table* mt); // called by setmetatable
void freeAll(Global* g);

template <class T> T* newObject(Thread* L, Tag tt, std::size_t size) {
  void* mem = rawAlloc(L, size);
  T* o = new (mem) T();
  linkObject(L->g, o, tt);
  return o;
}

// ---- strings (String.cpp) ----
LString* newString(Thread* L, std::string_view s);
LString* newFixedString(Thread* L, std::string_view s); // never collected
// A long string (len > kMaxShortLen) with its len bytes uninitialised, for the caller to fill
// (concatenation writes its result in place).
LString* newLongString(Thread* L, std::size_t len);
std::uint32_t stringHash(LString* s);
bool stringEq(const LString* a, const LString* b);
void removeShortString(Global* g, LString* s);
inline Value strValue(LString* s) {
  return Value::object(s, s->len <= kMaxShortLen ? Tag::ShortString : Tag::LongString);
}

// ---- tables (Table.cpp) ----
Table* newTable(Thread* L);
void freeTable(Global* g, Table* t);
extern const Value kAbsent; // a nil to return pointers to
const Value* tableGet(Table* t, const Value& key);
const Value* tableGetIntHash(Table* t, std::int64_t key); // key outside the array part
const Value* tableGetLongStr(Table* t, LString* key);
// The lookups the interpreter does most, inline: integer keys in the array part, and short
// strings (interned, so found by their precomputed hash and compared by pointer).
inline const Value* tableGetInt(Table* t, std::int64_t key) {
  if (static_cast<std::uint64_t>(key) - 1u < t->asize)
    return &t->array[key - 1];
  return tableGetIntHash(t, key);
}
inline const Value* tableGetStr(Table* t, LString* key) {
  if (key->tt != Tag::ShortString)
    return tableGetLongStr(t, key);
  if (t->hcap == 0)
    return &kAbsent;
  std::uint32_t mask = t->hcap - 1;
  for (std::uint32_t i = key->hash & mask;; i = (i + 1) & mask) {
    const Node* n = &t->node[i];
    if (n->key.gc == key && n->key.tt == Tag::ShortString)
      return &n->val;
    if (n->key.tt == Tag::Nil)
      return &kAbsent;
  }
}
// The slot an assignment t[k] = v may write directly, given slot = the lookup of k in t: an
// existing entry, or an empty one when no __newindex can intercept (t's metatable is absent or
// known to lack it). nullptr when the assignment needs tableSet or a metamethod.
inline Value* tableFastSetSlot(Table* t, const Value* slot) {
  if (!slot->isNil())
    return const_cast<Value*>(slot);
  if (slot == &kAbsent)
    return nullptr;
  if (t->metatable && !(t->metatable->flags & (1u << TM_NEWINDEX)))
    return nullptr;
  t->flags = 0; // t may be a metatable whose cached "no such metamethod" this write ends
  return const_cast<Value*>(slot);
}
void tableSet(Thread* L, Table* t, const Value& key, const Value& val);
void tableSetInt(Thread* L, Table* t, std::int64_t key, const Value& val);
void tableResize(Thread* L, Table* t, std::uint32_t asize, std::uint32_t hsize);
std::int64_t tableLength(Table* t);
// kv[0] is the previous key (nil to start); on true kv[0], kv[1] hold the next entry.
bool tableNext(Thread* L, Table* t, Value* kv);
std::size_t tableBytes(const Table* t);

// ---- numbers (Number.cpp) ----
bool stringToNumber(std::string_view s, Value& out);
std::string numberToString(const Value& v);
// numberToString into buf, returning the length: for callers that copy the text anyway.
inline constexpr std::size_t kNumberBufSize = 64;
std::size_t formatNumber(const Value& v, char (&buf)[kNumberBufSize]);
enum class F2I { Eq, Floor, Ceil };
bool floatToInt(double n, std::int64_t& out, F2I mode);
// No strings. Inline (as the next three): the interpreter's bitwise, shift and integer division
// instructions call them on every execution.
inline bool toIntegerNS(const Value& v, std::int64_t& out, F2I mode = F2I::Eq) {
  if (v.tt == Tag::Integer) {
    out = v.i;
    return true;
  }
  if (v.tt == Tag::Float)
    return floatToInt(v.n, out, mode);
  return false;
}
bool toInteger(const Value& v, std::int64_t& out, F2I mode = F2I::Eq); // strings convert
bool toNumber(const Value& v, double& out);                            // strings convert
bool toNumberValue(const Value& v, Value& out); // number or numeric string -> number value
[[noreturn]] void runError(Thread* L, std::string_view msg); // Debug.cpp
// Floor division and modulo (Lua's luaV_idiv, luaV_mod); a zero divisor raises.
inline std::int64_t intDiv(Thread* L, std::int64_t a, std::int64_t b) {
  if (static_cast<std::uint64_t>(b) + 1u <= 1u) { // b is 0 or -1
    if (b == 0)
      runError(L, "attempt to divide by zero");                           // lua5.4's wording for //
    return static_cast<std::int64_t>(0u - static_cast<std::uint64_t>(a)); // avoids overflow
  }
  std::int64_t q = a / b;
  if ((a ^ b) < 0 && a % b != 0)
    q -= 1;
  return q;
}
inline std::int64_t intMod(Thread* L, std::int64_t a, std::int64_t b) {
  if (static_cast<std::uint64_t>(b) + 1u <= 1u) {
    if (b == 0)
      runError(L, "attempt to perform 'n%0'");
    return 0;
  }
  std::int64_t r = a % b;
  if (r != 0 && (r ^ b) < 0)
    r += b;
  return r;
}
double floatMod(double a, double b);
// x << y, and x >> -y for negative y; shifts of 64 bits or more give 0 (Lua's luaV_shiftl).
inline std::int64_t shiftLeft(std::int64_t x, std::int64_t y) {
  if (y < 0) {
    if (y <= -64)
      return 0;
    return static_cast<std::int64_t>(static_cast<std::uint64_t>(x) >> (-y));
  }
  if (y >= 64)
    return 0;
  return static_cast<std::int64_t>(static_cast<std::uint64_t>(x) << y);
}
// Arithmetic on numbers only (no metamethods, no strings); false if not applicable.
bool rawArith(Thread* L, ArithOp op, const Value& a, const Value& b, Value& res);
bool numLess(const Value& a, const Value& b);
bool numLessEq(const Value& a, const Value& b);

// ---- functions, upvalues, to-be-closed (Func.cpp) ----
LClosure* newLClosure(Thread* L, int nupvals);
NClosure* newNClosure(Thread* L, int nupvals);
UpVal* findUpval(Thread* L, std::ptrdiff_t level);
void closeUpvals(Thread* L, std::ptrdiff_t level);
void newTbc(Thread* L, std::ptrdiff_t level);
// Closes upvalues and to-be-closed variables at or above level; with an error status the error
// value is L->errorValue. Returns the status after closing (a __close error replaces it).
void closeFrame(Thread* L, std::ptrdiff_t level, Status status);
LProto* loadProto(Thread* L, const std::shared_ptr<const Proto>& p);
Userdata* newUserdataObj(Thread* L, std::size_t size);

// ---- metamethods and generic operations (Meta.cpp) ----
Table* metatableOf(Thread* L, const Value& o);
const Value* fastTm(Thread* L, Table* mt, TMS e);
const Value* tmByObj(Thread* L, const Value& o, TMS e);
// res is a stack index: the stack may move while a metamethod runs.
void getValue(Thread* L, const Value* t, const Value* key, std::ptrdiff_t res);
void setValue(Thread* L, const Value* t, const Value* key, const Value* val);
void callTmRes(Thread* L, Value f, Value a, Value b, std::ptrdiff_t res);
void arithTm(Thread* L, const Value* p1, const Value* p2, std::ptrdiff_t res, TMS event,
             bool flip = false);
bool lessThan(Thread* L, const Value* a, const Value* b);
bool lessEqual(Thread* L, const Value* a, const Value* b);
bool rawEquals(const Value& a, const Value& b);
bool equalObj(Thread* L, const Value* a, const Value* b);
void concatValues(Thread* L, int total); // the total values at the stack top -> one
void objLen(Thread* L, std::ptrdiff_t res, const Value* rb);
LString* toStringObj(Thread* L, const Value& v); // numbers and strings only (nullptr otherwise)
std::string_view displayString(Thread* L, std::ptrdiff_t idx, std::ptrdiff_t out);
void arithValue(Thread* L, ArithOp op, const Value* a, const Value* b, std::ptrdiff_t res);

// ---- calls, errors, stacks, coroutines (Do.cpp) ----
[[noreturn]] void throwError(Thread* L, Status status); // value in L->errorValue
[[noreturn]] void throwValue(Thread* L, const Value& v);
[[noreturn]] void throwMemError(Thread* L);
void growStack(Thread* L, std::ptrdiff_t n);
inline void ensureStack(Thread* L, std::ptrdiff_t n) {
  if (L->stacksize - L->stop <= n)
    growStack(L, n);
}
CallInfo* growCi(Thread* L);
inline CallInfo* nextCi(Thread* L) {
  CallInfo* n = L->ci->next ? L->ci->next : growCi(L);
  n->callstatus = 0;
  n->nextraargs = 0;
  n->savedpc = nullptr;
  return n;
}
// Pushes the frame of a call to a Lua function with prototype p at stack[func] (arguments up to
// the top): precall's Lua case, inline for the interpreter's CALL.
inline CallInfo* enterLuaFrame(Thread* L, std::ptrdiff_t func, int nresults, const Proto* p) {
  int narg = static_cast<int>(L->stop - func - 1);
  int fsize = p->maxstacksize;
  ensureStack(L, fsize + p->numparams);
  CallInfo* ci = nextCi(L);
  ci->func = func;
  ci->nresults = nresults;
  ci->top = func + 1 + fsize;
  ci->savedpc = p->code.data();
  L->ci = ci;
  for (; narg < p->numparams; narg++)
    L->stack[L->stop++] = Value();
  return ci;
}
CallInfo* precall(Thread* L, std::ptrdiff_t func, int nresults);
void poscall(Thread* L, CallInfo* ci, int nres);
void callValue(Thread* L, std::ptrdiff_t func, int nresults);
Status pcallValue(Thread* L, std::ptrdiff_t func, int nresults, std::ptrdiff_t errfunc);
void adjustVarargs(Thread* L, CallInfo* ci, const Proto* p);
void destroyFiber(Thread* t); // unwinds a suspended coroutine's C++ frames

// ---- debug information and error messages (Debug.cpp) ----
// runError (a message at the current line) is declared with the integer division above.
[[noreturn]] void typeError(Thread* L, const Value* o, const char* op);
[[noreturn]] void callError(Thread* L, const Value* o);
[[noreturn]] void forError(Thread* L, const Value* o, const char* what);
[[noreturn]] void concatError(Thread* L, const Value* a, const Value* b);
[[noreturn]] void opintError(Thread* L, const Value* a, const Value* b, const char* msg);
[[noreturn]] void toIntError(Thread* L, const Value* a, const Value* b);
[[noreturn]] void orderError(Thread* L, const Value* a, const Value* b);
std::string varInfo(Thread* L, const Value* o);
std::string functionName(Thread* L, CallInfo* ci, std::string* kind);
int currentLine(Thread* L, CallInfo* ci);
std::string whereInfo(Thread* L, CallInfo* ci);
std::string buildTraceback(Thread* L, std::string_view msg, int level);
const char* objTypeName(Thread* L, const Value& o); // honours __name

// ---- interpreter (Interp.cpp) ----
void execute(Thread* L, CallInfo* ci);
// Clears a pending interrupt request and runs the State's interrupt handler (Api.cpp).
void serviceInterrupt(Thread* L);

} // namespace sloth::vm
