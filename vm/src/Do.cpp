// Stacks, calls, errors and coroutines.
//
// Lua-to-Lua calls never recurse on the C++ stack (the interpreter switches frames in place);
// natives, metamethods and protected calls do, and are bounded by kMaxCCalls. Every coroutine
// runs on its own C++ stack (a Boost.Context fiber), so a yield is a plain context switch and
// works from any depth.
#include "Internal.h"

#include <boost/context/protected_fixedsize_stack.hpp>

#include <algorithm>
#include <exception>
#include <new>

#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/common_interface_defs.h>
#endif

namespace sloth::vm {

namespace ctx = boost::context;

static constexpr std::size_t kFiberStackSize = 1 << 20; // virtual; pages are committed on use
static constexpr std::size_t kMaxSpareFiberStacks = 16;

// AddressSanitizer must be told about stack switches, or it reports false errors on coroutine
// stacks (Debian's Boost.Context does not annotate its fcontext switches).
#if defined(__SANITIZE_ADDRESS__)
#define SLOTH_START_SWITCH(save, bottom, size) __sanitizer_start_switch_fiber(save, bottom, size)
#define SLOTH_FINISH_SWITCH(save, bottom, size) __sanitizer_finish_switch_fiber(save, bottom, size)
#else
#define SLOTH_START_SWITCH(save, bottom, size) ((void)(save), (void)(bottom), (void)(size))
#define SLOTH_FINISH_SWITCH(save, bottom, size) ((void)(save), (void)(bottom), (void)(size))
#endif

namespace {
// A protected stack that records its bounds in the coroutine (for the annotations above).
struct CoroutineStack {
  Thread* th;
  ctx::protected_fixedsize_stack inner{kFiberStackSize};
  ctx::stack_context allocate() {
    ctx::stack_context sc;
    std::vector<SpareFiberStack>& spare = th->g->spareFiberStacks;
    if (!spare.empty()) {
      sc.sp = spare.back().sp;
      sc.size = spare.back().size;
      spare.pop_back();
    } else {
      sc = inner.allocate();
    }
    th->fiberStack = static_cast<char*>(sc.sp) - sc.size;
    th->fiberStackSize = sc.size;
    return sc;
  }
  // Runs after the switch away from the finished coroutine, so the stack is free to reuse.
  void deallocate(ctx::stack_context& sc) noexcept {
    std::vector<SpareFiberStack>& spare = th->g->spareFiberStacks;
    if (spare.size() < kMaxSpareFiberStacks) {
      try {
        spare.push_back({sc.sp, sc.size});
        return;
      } catch (const std::bad_alloc&) {
      }
    }
    inner.deallocate(sc);
  }
};
} // namespace

void releaseSpareFiberStacks(Global* g) {
  ctx::protected_fixedsize_stack allocator{kFiberStackSize};
  for (const SpareFiberStack& stack : g->spareFiberStacks) {
    ctx::stack_context sc;
    sc.sp = stack.sp;
    sc.size = stack.size;
    allocator.deallocate(sc);
  }
  g->spareFiberStacks.clear();
}

static constexpr std::ptrdiff_t kErrorStackExtra = 200;

[[noreturn]] void throwError(Thread* L, Status status) {
  if (status == Status::ErrRun && L->errfunc != 0) {
    // Call the message handler at the point of error, before unwinding (xpcall).
    static thread_local int depth = 0;
    if (depth > 0) {
      L->errorValue = strValue(newString(L, "error in error handling"));
      throw LuaError{Status::ErrErr};
    }
    depth++;
    try {
      ensureStack(L, 2);
      std::ptrdiff_t func = L->stop;
      L->stack[func] = L->stack[L->errfunc];
      L->stack[func + 1] = L->errorValue;
      L->stop = func + 2;
      callValue(L, func, 1);
      L->errorValue = L->stack[L->stop - 1];
    } catch (const LuaError&) {
      depth--;
      L->errorValue = strValue(newString(L, "error in error handling"));
      throw LuaError{Status::ErrErr};
    }
    depth--;
  }
  throw LuaError{status};
}

[[noreturn]] void throwValue(Thread* L, const Value& v) {
  L->errorValue = v;
  throwError(L, Status::ErrRun);
}

[[noreturn]] void throwMemError(Thread* L) {
  L->errorValue = L->g->memerrmsg ? strValue(L->g->memerrmsg) : Value();
  throw LuaError{Status::ErrMem};
}

static void reallocStack(Thread* L, std::ptrdiff_t newsize) {
  auto* ns = static_cast<Value*>(rawAlloc(L, static_cast<std::size_t>(newsize) * sizeof(Value)));
  std::ptrdiff_t keep = std::min(newsize, L->stacksize);
  for (std::ptrdiff_t i = 0; i < keep; i++)
    new (&ns[i]) Value(L->stack[i]);
  for (std::ptrdiff_t i = keep; i < newsize; i++)
    new (&ns[i]) Value();
  if (L->stack)
    rawFree(L->g, L->stack, static_cast<std::size_t>(L->stacksize) * sizeof(Value));
  L->stack = ns;
  L->stacksize = newsize;
  for (UpVal* u = L->openupval; u; u = u->openNext)
    u->v = &ns[u->level];
}

void growStack(Thread* L, std::ptrdiff_t n) {
  std::ptrdiff_t needed = L->stop + n + 1;
  if (needed > kMaxStack) {
    if (L->stacksize >= kMaxStack + kErrorStackExtra || needed > kMaxStack + kErrorStackExtra) {
      L->errorValue = strValue(newString(L, "error in error handling"));
      throw LuaError{Status::ErrErr};
    }
    // Room for the error handling itself, then the error.
    reallocStack(L, kMaxStack + kErrorStackExtra);
    runError(L, "stack overflow");
  }
  std::ptrdiff_t newsize = std::max(L->stacksize * 2, needed + kMinStack);
  reallocStack(L, std::min<std::ptrdiff_t>(newsize, kMaxStack));
}

CallInfo* growCi(Thread* L) {
  CallInfo* ci = L->ci;
  auto* n = new (rawAlloc(L, sizeof(CallInfo))) CallInfo();
  n->prev = ci;
  ci->next = n;
  return n;
}

void poscall(Thread* L, CallInfo* ci, int nres) {
  std::ptrdiff_t res = ci->func;
  int wanted = ci->nresults;
  if (wanted == 1 && nres >= 1) { // the common case: one result kept
    L->stack[res] = L->stack[L->stop - nres];
    L->stop = res + 1;
    L->ci = ci->prev;
    return;
  }
  std::ptrdiff_t first = L->stop - nres;
  if (wanted == kMultRet)
    wanted = nres;
  if (wanted > nres)
    ensureStack(L, wanted - nres);
  int i = 0;
  for (; i < nres && i < wanted; i++)
    L->stack[res + i] = L->stack[first + i];
  for (; i < wanted; i++)
    L->stack[res + i] = Value();
  L->stop = res + wanted;
  L->ci = ci->prev;
}

CallInfo* precall(Thread* L, std::ptrdiff_t func, int nresults) {
  if (L->stop <= func) // only with malformed bytecode (B=0 without a preceding open call)
    L->stop = func + 1;
  for (;;) {
    const Value& f = L->stack[func];
    switch (f.tt) {
    case Tag::NativeClosure: {
      NativeFn fn = toNClosure(f)->f;
      ensureStack(L, kMinStack);
      CallInfo* ci = nextCi(L);
      ci->func = func;
      ci->nresults = nresults;
      ci->callstatus = CIST_NATIVE;
      ci->top = L->stop + kMinStack;
      L->ci = ci;
      int n = fn(*L);
      poscall(L, ci, n);
      return nullptr;
    }
    case Tag::LuaClosure:
      return enterLuaFrame(L, func, nresults, toLClosure(f)->p->src.get());
    default: {
      const Value* tm = tmByObj(L, f, TM_CALL);
      if (!tm)
        callError(L, &L->stack[func]);
      Value h = *tm;
      ensureStack(L, 1);
      for (std::ptrdiff_t p = L->stop; p > func; p--)
        L->stack[p] = L->stack[p - 1];
      L->stop++;
      L->stack[func] = h;
      break;
    }
    }
  }
}

void callValue(Thread* L, std::ptrdiff_t func, int nresults) {
  if (++L->nCcalls >= kMaxCCalls) {
    if (L->nCcalls == kMaxCCalls)
      runError(L, "C stack overflow");
    if (L->nCcalls >= kMaxCCalls + kMaxCCalls / 10) {
      L->errorValue = strValue(newString(L, "error in error handling"));
      throw LuaError{Status::ErrErr};
    }
  }
  if (CallInfo* ci = precall(L, func, nresults)) {
    ci->callstatus |= CIST_FRESH;
    execute(L, ci);
  }
  L->nCcalls--;
}

Status pcallValue(Thread* L, std::ptrdiff_t func, int nresults, std::ptrdiff_t errfunc) {
  CallInfo* oldCi = L->ci;
  int oldCcalls = L->nCcalls;
  std::ptrdiff_t oldErrfunc = L->errfunc;
  L->errfunc = errfunc;
  Status status = Status::Ok;
  try {
    callValue(L, func, nresults);
  } catch (const LuaError& e) {
    status = e.status;
  } catch (const std::bad_alloc&) {
    status = Status::ErrMem;
    L->errorValue = strValue(L->g->memerrmsg);
  } catch (const std::exception& e) {
    // A native failed with a C++ exception: make it an ordinary Lua error.
    status = Status::ErrRun;
    L->errorValue = strValue(newString(L, e.what()));
  }
  if (status != Status::Ok) {
    L->ci = oldCi;
    L->nCcalls = oldCcalls;
    for (;;) {
      try {
        closeFrame(L, func, status);
        break;
      } catch (const LuaError& e) {
        status = e.status;
        L->ci = oldCi;
        L->nCcalls = oldCcalls;
      }
    }
    L->stop = func;
    if (L->stacksize > kMaxStack)
      reallocStack(L, kMaxStack);
  }
  L->errfunc = oldErrfunc;
  return status;
}

void adjustVarargs(Thread* L, CallInfo* ci, const Proto* p) {
  int nfix = p->numparams;
  int actual = static_cast<int>(L->stop - ci->func - 1);
  int nextra = actual - nfix;
  ci->nextraargs = nextra;
  ensureStack(L, p->maxstacksize + 1);
  // Copy the function and the fixed parameters above the extra arguments.
  L->stack[L->stop++] = L->stack[ci->func];
  for (int i = 1; i <= nfix; i++) {
    L->stack[L->stop++] = L->stack[ci->func + i];
    L->stack[ci->func + i] = Value();
  }
  ci->func += actual + 1;
  ci->top += actual + 1;
}

// ---- coroutines ----

static void moveValues(Thread* from, Thread* to, int n) {
  ensureStack(to, n);
  for (int i = 0; i < n; i++)
    to->stack[to->stop + i] = from->stack[from->stop - n + i];
  to->stop += n;
  from->stop -= n;
}

Status Thread::resume(Thread& co, int nargs, int* nres) {
  Thread* L = this;
  auto fail = [&](const char* msg) {
    L->stop -= nargs;
    pushString(msg);
    *nres = 1;
    return Status::ErrRun;
  };
  if (co.costatus == ThreadStatus::Dead)
    return fail("cannot resume dead coroutine");
  if (&co == L || co.costatus != ThreadStatus::Suspended || co.isMain)
    return fail("cannot resume non-suspended coroutine");
  if (!co.started && co.stop <= 1)
    return fail("cannot resume dead coroutine"); // no function
  if (L->nCcalls >= kMaxCCalls)
    return fail("C stack overflow");
  moveValues(L, &co, nargs);
  co.transferCount = nargs;
  co.costatus = ThreadStatus::Running;
  co.resumer = L;
  ThreadStatus myStatus = L->costatus;
  L->costatus = ThreadStatus::Normal;
  if (!co.started) {
    co.started = true;
    // One level per resume, as lua_resume counts: callValue below adds the body's call.
    co.nCcalls = L->nCcalls;
    Thread* cp = &co;
    std::ptrdiff_t func = co.stop - nargs - 1;
    co.fiber = ctx::fiber(std::allocator_arg, CoroutineStack{cp}, [cp, func](ctx::fiber&& back) {
      SLOTH_FINISH_SWITCH(nullptr, &cp->resumerStack, &cp->resumerStackSize);
      cp->backlink = std::move(back);
      try {
        callValue(cp, func, kMultRet);
        cp->finalStatus = Status::Ok;
        cp->transferCount = static_cast<int>(cp->stop - func);
      } catch (const LuaError& e) {
        cp->finalStatus = e.status;
      } catch (const std::bad_alloc&) {
        cp->finalStatus = Status::ErrMem;
        cp->errorValue = strValue(cp->g->memerrmsg);
      } catch (const std::exception& e) {
        cp->finalStatus = Status::ErrRun;
        cp->errorValue = Value();
        try {
          cp->errorValue = strValue(newString(cp, e.what()));
        } catch (const LuaError&) {
        }
      }
      cp->costatus = ThreadStatus::Dead;
      SLOTH_START_SWITCH(nullptr, cp->resumerStack, cp->resumerStackSize);
      return std::move(cp->backlink);
    });
  }
  Thread* prevRunning = L->g->running;
  L->g->running = &co;
  void* fake = nullptr;
  SLOTH_START_SWITCH(&fake, co.fiberStack, co.fiberStackSize);
  co.fiber = std::move(co.fiber).resume();
  SLOTH_FINISH_SWITCH(fake, nullptr, nullptr);
  L->g->running = prevRunning;
  L->costatus = myStatus;
  co.resumer = nullptr;
  if (co.costatus == ThreadStatus::Dead) {
    if (co.finalStatus != Status::Ok) {
      push(co.errorValue);
      *nres = 1;
      return co.finalStatus;
    }
    int n = co.transferCount;
    moveValues(&co, L, n);
    co.stop = 1;
    *nres = n;
    return Status::Ok;
  }
  int n = co.transferCount;
  moveValues(&co, L, n);
  *nres = n;
  return Status::Yield;
}

void destroyFiber(Thread* t) {
  if (!t->fiber)
    return;
  void* fake = nullptr;
  SLOTH_START_SWITCH(&fake, t->fiberStack, t->fiberStackSize);
  t->fiber = ctx::fiber(); // unwinds the suspended coroutine's C++ frames
  SLOTH_FINISH_SWITCH(fake, nullptr, nullptr);
}

bool Thread::isYieldable() const {
  return !isMain && started && costatus == ThreadStatus::Running && g->finalizing != this;
}

int Thread::yield(int nresults) {
  if (!isYieldable() || !backlink)
    sloth::vm::runError(this, isMain ? "attempt to yield from outside a coroutine"
                                     : "attempt to yield across a C-call boundary");
  transferCount = nresults;
  costatus = ThreadStatus::Suspended;
  void* fake = nullptr;
  SLOTH_START_SWITCH(&fake, resumerStack, resumerStackSize);
  try {
    backlink = std::move(backlink).resume();
  } catch (...) { // the fiber is being destroyed (forced unwind): rethrown
    SLOTH_FINISH_SWITCH(fake, &resumerStack, &resumerStackSize);
    SLOTH_START_SWITCH(nullptr, resumerStack, resumerStackSize); // back to the destroyer
    throw;
  }
  SLOTH_FINISH_SWITCH(fake, &resumerStack, &resumerStackSize);
  // Resumed: the resumer moved its arguments onto our stack.
  return transferCount;
}

ThreadStatus Thread::coStatus(Thread* from) const {
  if (this == from)
    return ThreadStatus::Running;
  if (isMain)
    return costatus == ThreadStatus::Running ? ThreadStatus::Normal : costatus;
  if (costatus == ThreadStatus::Suspended && !started && stop <= 1)
    return ThreadStatus::Dead;
  return costatus;
}

Status Thread::closeThread(Thread& co) {
  if (co.costatus == ThreadStatus::Running || co.costatus == ThreadStatus::Normal || &co == this)
    sloth::vm::runError(this, co.costatus == ThreadStatus::Normal
                                  ? "cannot close a normal coroutine"
                                  : "cannot close a running coroutine");
  destroyFiber(&co);
  Status status = co.costatus == ThreadStatus::Dead ? co.finalStatus : Status::Ok;
  co.ci = &co.baseCi;
  co.nCcalls = nCcalls;
  co.costatus = ThreadStatus::Running;
  for (;;) {
    try {
      closeFrame(&co, 0, status);
      break;
    } catch (const LuaError& e) {
      status = e.status;
      co.ci = &co.baseCi;
      co.nCcalls = nCcalls;
    }
  }
  co.costatus = ThreadStatus::Dead;
  co.started = true;
  co.finalStatus = status;
  co.stop = 1;
  if (status != Status::Ok)
    push(co.errorValue);
  return status;
}

} // namespace sloth::vm
