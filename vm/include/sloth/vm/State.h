// The VM's public interface: a State (one VM instance: heap, strings, globals, GC) and its
// Threads (the main thread and coroutines). Natives — the stdlib and the sloth modules — are
// written against Thread, whose interface follows Lua's C API closely (a value stack addressed by
// index), so anyone who knows lua.h / lauxlib.h knows this.
//
// Native functions
//   int fn(Thread& L): arguments are at stack indices 1..L.top(); push the results and return how
//   many there are. Register one with L.pushNative(fn, nupvalues, "name") and L.setGlobal /
//   L.setField. Upvalues of a native closure are at upvalueIndex(i), i >= 1.
//   Natives are called through the same call path as Lua functions (metamethods, pcall,
//   coroutines all work with them). Example:
//
//     int strlen_(Thread& L) {                  // strlen_(s) -> #s
//       std::string_view s = L.checkString(1);  // "bad argument #1 to 'strlen_' (...)"
//       L.pushInteger(static_cast<std::int64_t>(s.size()));
//       return 1;
//     }
//     L.pushNative(strlen_, 0, "strlen_"); L.setGlobal("strlen_");
//
// Running a script: L.load(proto) pushes the main chunk as a function; L.pcall(0, kMultRet, h)
//   runs it (h: stack index of a message handler, e.g. one calling L.traceback, or 0).
//
// Indices: 1..top() address the current frame from the bottom, -1..-top() from the top.
//   kRegistryIndex is the registry table; upvalueIndex(i) a native closure's upvalue.
//
// Errors: L.error() raises the value on top of the stack; L.runError(msg) raises a string with
//   the "source:line:" of the calling Lua code prepended; argError / typeError / checkX produce
//   "bad argument #N to 'name' (...)". Errors are C++ exceptions (LuaError): a native need not
//   catch them, and must not swallow them (catch (...) must rethrow). Objects held by a native
//   in C++ variables are only guaranteed alive while they are also on the native's stack (the GC
//   runs when the stack API allocates or when Lua code is called).
//
// Coroutines: every coroutine runs on its own C stack (Boost.Context), so L.yield() can be
//   called from any depth — a native, a metamethod, inside a pcall — and simply returns when the
//   coroutine is resumed, with the resume arguments on the stack. A native that starts an
//   asynchronous operation suspends its coroutine with L.yield(0); when the operation completes,
//   the event loop pushes the results on its own thread and calls loop.resume(co, nresults, &n)
//   — L.yield then returns nresults and the native returns them. Keep a suspended coroutine
//   referenced from Lua (e.g. the registry) while C++ holds its Thread*, or the GC may free it.
#pragma once

#include "sloth/vm/Object.h"

#include <boost/context/fiber.hpp>

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

namespace sloth::vm {

enum class Status : std::uint8_t {
  Ok = 0,
  Yield = 1,
  ErrRun = 2,
  ErrSyntax = 3,
  ErrMem = 4,
  ErrErr = 5, // error in the message handler
};

// Thrown by a Lua error; the error value is kept by the thread (Thread::errorValue) so the GC sees
// it. Never derives from std::exception so natives' generic handlers do not swallow it by accident.
struct LuaError {
  Status status = Status::ErrRun;
};

// Arithmetic and comparison operators for Thread::arith / compare (Lua's order).
enum class ArithOp : std::uint8_t {
  Add,
  Sub,
  Mul,
  Mod,
  Pow,
  Div,
  IDiv,
  BAnd,
  BOr,
  BXor,
  Shl,
  Shr,
  Unm,
  BNot
};
enum class CompareOp : std::uint8_t { Eq, Lt, Le };

inline constexpr int kRegistryIndex = -1000000 - 1000;
inline constexpr int upvalueIndex(int i) {
  return kRegistryIndex - i;
}
inline constexpr int kMultRet = -1;
inline constexpr int kMinStack = 20; // free slots guaranteed to a native on entry

// Limits.
inline constexpr int kMaxStack = 1000000; // Lua's LUAI_MAXSTACK: beyond it, "stack overflow"
inline constexpr int kMaxCCalls = 200;    // nested native/interpreter calls: "C stack overflow"

struct Global;
class State;

enum class ThreadStatus : std::uint8_t { Suspended, Running, Normal, Dead };

class Thread : public GCObject {
public:
  // ---- stack manipulation ----
  int top() const;
  void setTop(int idx); // grows with nils or shrinks
  void pop(int n = 1) { setTop(-n - 1); }
  void pushValue(int idx);
  void insert(int idx);  // moves the top element into idx, shifting up
  void remove(int idx);  // removes idx, shifting down
  void replace(int idx); // pops the top into idx
  void copy(int from, int to);
  void checkStack(int n);    // ensures n free slots (error "stack overflow" if impossible)
  bool tryCheckStack(int n); // as lua_checkstack: false (nothing raised) if n slots cannot be had
  int absIndex(int idx) const;

  // ---- inspection ----
  Type type(int idx) const;
  const char* typeNameAt(int idx) const { return typeName(type(idx)); }
  bool isNone(int idx) const { return type(idx) == Type::None; }
  bool isNil(int idx) const { return type(idx) == Type::Nil; }
  bool isNoneOrNil(int idx) const { return type(idx) <= Type::Nil; }
  bool isInteger(int idx) const;
  bool isNumber(int idx) const; // number or convertible string
  bool isString(int idx) const; // string or number
  bool isFunction(int idx) const { return type(idx) == Type::Function; }
  bool isTable(int idx) const { return type(idx) == Type::Table; }
  bool isNative(int idx) const;

  bool toBoolean(int idx) const;
  std::int64_t toInteger(int idx, bool* ok = nullptr); // strings/floats convert when exact
  double toNumber(int idx, bool* ok = nullptr);
  // Strings, and numbers converted in place (as lua_tolstring); nullopt-like: returns false.
  bool toStringView(int idx, std::string_view& out);
  void* toUserdata(int idx) const;
  Thread* toThread(int idx) const;
  const void* toPointer(int idx) const;
  std::size_t rawLen(int idx) const;
  // Converts a numeral with Lua's rules (hex, exponents, surrounding spaces) and pushes the
  // number, integer or float as written; false (nothing pushed) if s is not a numeral.
  bool pushNumeral(std::string_view s);
  // The value itself (runtime-internal users: the GC-aware code in vm/ and careful natives).
  Value& at(int idx) const;

  // ---- pushing ----
  void pushNil();
  void pushBoolean(bool b);
  void pushInteger(std::int64_t i);
  void pushNumber(double n);
  void pushString(std::string_view s);
  void pushLightUserdata(void* p);
  // `nameInErrors`: argument errors call it `name` rather than what the call site calls it.
  void pushNative(NativeFn f, int nupvalues = 0, const char* name = nullptr,
                  bool nameInErrors = false);
  void pushGlobalTable();
  bool pushThread(); // pushes this thread; true if it is the main thread
  void push(const Value& v);

  // ---- tables (the non-raw forms honour metamethods) ----
  void newTable(int narr = 0, int nrec = 0);
  Type getTable(int idx); // t[k], k popped, result pushed
  Type getField(int idx, std::string_view k);
  Type getI(int idx, std::int64_t i);
  Type getGlobal(std::string_view name);
  void setTable(int idx);                     // t[k] = v with k at -2, v at -1; both popped
  void setField(int idx, std::string_view k); // t[k] = top, popped
  void setI(int idx, std::int64_t i);
  void setGlobal(std::string_view name);
  Type rawGet(int idx);
  Type rawGetI(int idx, std::int64_t i);
  void rawSet(int idx);
  void rawSetI(int idx, std::int64_t i);
  bool next(int idx);         // pops a key, pushes key and value; false (nothing pushed) at the end
  void len(int idx);          // pushes #v, honouring __len
  bool getMetatable(int idx); // pushes the metatable if any
  void setMetatable(int idx); // pops a table or nil; sets it as idx's metatable
  Type getMetafield(int idx, std::string_view event); // pushes it unless nil (returns Nil)
  // As lua_getupvalue / lua_setupvalue on the function at funcIdx, upvalue n >= 1: get pushes the
  // value, set pops one into it. Both return the upvalue's name ("" for natives, "(no name)"
  // without debug info), or nullptr when there is no such upvalue.
  const char* getUpvalue(int funcIdx, int n);
  const char* setUpvalue(int funcIdx, int n);
  void* newUserdata(std::size_t size); // pushes it; memory is 16-byte aligned, zeroed
  // Registry-keyed metatables for userdata types (luaL_newmetatable / checkudata).
  bool newMetatable(std::string_view tname); // pushes registry[tname] (false if it existed)
  void* testUserdata(int idx, std::string_view tname);
  void* checkUserdata(int idx, std::string_view tname);

  // ---- operators ----
  void arith(ArithOp op); // operands popped (one for Unm/BNot), result pushed
  bool compare(int a, int b, CompareOp op);
  bool rawEqual(int a, int b);
  void concat(int n); // concatenates the n top values, pushes the result
  // tostring(v) as the base library prints it (__tostring, __name); pushes and returns it.
  std::string_view toDisplayString(int idx);

  // ---- calls and errors ----
  void call(int nargs, int nresults); // function below its nargs arguments
  // Protected call; msgh is the stack index of a message handler or 0. On error the stack holds
  // the (handled) error value where the function was.
  Status pcall(int nargs, int nresults, int msgh = 0);
  [[noreturn]] void error();                        // raises the value on top
  [[noreturn]] void runError(std::string_view msg); // "source:line: msg"
  [[noreturn]] void argError(int arg, std::string_view extramsg);
  [[noreturn]] void typeError(int arg, std::string_view expected);
  void checkAny(int arg);
  void checkType(int arg, Type t);
  std::int64_t checkInteger(int arg);
  double checkNumber(int arg);
  std::string_view checkString(int arg);
  std::int64_t optInteger(int arg, std::int64_t def);
  double optNumber(int arg, double def);
  std::string_view optString(int arg, std::string_view def);
  // "source:line:" of the function at the given level (1 = the caller of the running native).
  std::string where(int level);
  // Pushes "msg\nstack traceback:\n\t..." for this thread's stack, from level on.
  void traceback(std::string_view msg, int level = 1);
  // Name of the running native as its caller spelled it ("insert", "?" when unknown).
  std::string currentFunctionName();

  // ---- chunks ----
  // Loads a compiled main chunk as a closure (pushed) whose _ENV upvalue is the globals table.
  void load(std::shared_ptr<const Proto> proto);

  // ---- coroutines ----
  Thread* newThread(); // pushes it
  // Runs co with nargs values moved from this stack; on return *nres results (or the error
  // value) are moved onto this stack. Status Yield means the coroutine is suspended.
  Status resume(Thread& co, int nargs, int* nres);
  // Suspends the running coroutine, handing nresults values from the top to the resumer; returns
  // how many values the next resume passed (they are on the stack top).
  int yield(int nresults);
  bool isYieldable() const;
  ThreadStatus coStatus(Thread* from) const; // as coroutine.status, seen from `from`
  // Closes a suspended or dead coroutine: pending to-be-closed variables are closed. Returns Ok or
  // the error status with the error value pushed on this stack.
  Status closeThread(Thread& co);

  // Moves n values from this stack's top to `to`'s top (both threads of the same State).
  void xmove(Thread& to, int n);

  // A native that may work for long without calling back into Lua (a pattern match that
  // backtracks, a huge table.sort or string.rep) calls this now and then: a pending interrupt
  // request (State::requestInterrupt) runs the interrupt handler here, which may raise to stop it.
  void pollInterrupt();

  State& state() const;
  Global& global() const { return *g; }

  // ---- runtime internals (used by vm/ itself) ----
  Global* g = nullptr;
  Value* stack = nullptr;
  std::ptrdiff_t stacksize = 0; // allocated slots
  std::ptrdiff_t stop = 0;      // first free slot
  CallInfo baseCi;              // the base frame (no function)
  CallInfo* ci = nullptr;
  UpVal* openupval = nullptr; // sorted by level, highest first
  std::vector<std::ptrdiff_t> tbclist;
  Value errorValue;
  std::ptrdiff_t errfunc = 0; // stack index of the current message handler, 0 if none
  int nCcalls = 0;
  ThreadStatus costatus = ThreadStatus::Suspended;
  bool started = false;
  bool isMain = false;
  Thread* resumer = nullptr;
  // Every coroutine is on Global::coroutines, so the collector finds dead ones without walking
  // all objects.
  Thread* coPrev = nullptr;
  Thread* coNext = nullptr;
  boost::context::fiber fiber;    // when suspended: the coroutine's continuation
  boost::context::fiber backlink; // while running: the resumer's continuation
  int transferCount = 0;          // values passed across resume/yield
  // Stack bounds for AddressSanitizer's fiber-switch annotations (unused otherwise).
  const void* fiberStack = nullptr;
  std::size_t fiberStackSize = 0;
  const void* resumerStack = nullptr;
  std::size_t resumerStackSize = 0;
  Status finalStatus = Status::Ok;

  Thread(Global* g);
  ~Thread();
  Value* base() const { return stack + ci->func + 1; }
  Value* topPtr() const { return stack + stop; }
  Value* index2value(int idx) const;
};

// A VM instance. Owns every object; destroying it frees them all (without running Lua code
// except pending __gc finalizers).
class State {
public:
  State();
  ~State();
  State(const State&) = delete;
  State& operator=(const State&) = delete;

  Thread& main();
  std::size_t memoryInUse() const;        // bytes (collectgarbage "count" * 1024)
  void setMemoryLimit(std::size_t bytes); // 0 = unlimited; beyond it: "not enough memory"
  void collectGarbage();                  // full collection, runs pending finalizers
  void stopGc(bool stopped);
  bool isGcStopped() const;

  // Interrupts: a way to stop Lua code that never waits (`while true do end`), e.g. when a task
  // times out. requestInterrupt() may be called from any OS thread or a signal handler (it only
  // sets an atomic flag); the thread running Lua code notices it at its next backward jump or
  // call and runs the handler there, on the running Lua thread (a coroutine or the main thread),
  // with that thread's Lua frame as the current one. The handler decides: it may raise an error
  // (L.runError("timed out") gives "file:line: timed out") to stop the running code, or return
  // to let it continue. Each request runs the handler once; without a handler it is ignored.
  // The handler runs on the VM's thread, so it may use the API and read the caller's state.
  using InterruptHandler = std::function<void(Thread& L)>;
  void setInterruptHandler(InterruptHandler handler);
  void requestInterrupt() noexcept;

  // A note added to "attempt to index a nil value (global 'NAME')" and the like: the runtime
  // names the modules it declares but does not have ("the 'pkg' module is not built ..."). It
  // returns "" for other names.
  using MissingGlobalNote = std::string (*)(std::string_view name);
  void setMissingGlobalNote(MissingGlobalNote note);

private:
  Global* g_;
};

} // namespace sloth::vm
