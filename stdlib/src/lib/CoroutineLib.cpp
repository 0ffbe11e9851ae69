// The coroutine library (Lua 5.4 manual §6.2, lcorolib.c). Every coroutine runs on its own C
// stack in the VM, so yield works from natives, metamethods and pcall alike.
#include "LibSupport.h"

#include "sloth/stdlib/Stdlib.h"

#include <fmt/format.h>

namespace sloth::stdlib {

using vm::Thread;
using vm::ThreadStatus;
using vm::Type;

namespace {

Thread& coroutineArg(Thread& L, int arg) {
  Thread* co = L.toThread(arg);
  if (co == nullptr)
    L.typeError(arg, "thread"); // lua5.4 (5.4.4) says "thread expected"
  return *co;
}

// Resumes co with narg values from L's top. Returns the number of results moved onto L, or -1
// with the error message on L's top.
int auxResume(Thread& L, Thread& co, int narg) {
  int nres = 0;
  vm::Status status = L.resume(co, narg, &nres);
  if (status == vm::Status::Ok || status == vm::Status::Yield)
    return nres;
  return -1;
}

int coCreate(Thread& L) {
  L.checkType(1, Type::Function);
  Thread* co = L.newThread();
  L.pushValue(1);
  L.xmove(*co, 1);
  return 1;
}

int coResume(Thread& L) {
  Thread& co = coroutineArg(L, 1);
  int r = auxResume(L, co, L.top() - 1);
  if (r < 0) {
    L.pushBoolean(false);
    L.insert(-2);
    return 2;
  }
  L.pushBoolean(true);
  L.insert(-(r + 1));
  return r + 1;
}

int wrapStep(Thread& L) {
  Thread& co = *L.toThread(vm::upvalueIndex(1));
  bool wasResumable = co.coStatus(&L) == ThreadStatus::Suspended;
  int r = auxResume(L, co, L.top());
  if (r >= 0)
    return r;
  vm::Status status = vm::Status::ErrRun;
  if (wasResumable && co.coStatus(&L) == ThreadStatus::Dead) {
    // An error inside the coroutine: close its pending to-be-closed variables first; their
    // errors replace the original one.
    status = L.closeThread(co);
    if (status != vm::Status::Ok)
      L.remove(-2);
    else
      status = vm::Status::ErrRun;
  }
  if (status != vm::Status::ErrMem && L.type(-1) == Type::String) {
    L.pushString(L.where(1));
    L.insert(-2);
    L.concat(2);
  }
  L.error();
}

int coWrap(Thread& L) {
  coCreate(L);
  L.pushNative(wrapStep, 1, nullptr);
  return 1;
}

int coYield(Thread& L) {
  return L.yield(L.top());
}

constexpr const char* kStatusNames[] = {"suspended", "running", "normal", "dead"};

const char* statusName(ThreadStatus status) {
  switch (status) {
  case ThreadStatus::Suspended:
    return kStatusNames[0];
  case ThreadStatus::Running:
    return kStatusNames[1];
  case ThreadStatus::Normal:
    return kStatusNames[2];
  case ThreadStatus::Dead:
    break;
  }
  return kStatusNames[3];
}

int coStatus(Thread& L) {
  Thread& co = coroutineArg(L, 1);
  L.pushString(statusName(co.coStatus(&L)));
  return 1;
}

int coRunning(Thread& L) {
  bool isMain = L.pushThread();
  L.pushBoolean(isMain);
  return 2;
}

int coIsYieldable(Thread& L) {
  Thread& co = L.isNone(1) ? L : coroutineArg(L, 1);
  L.pushBoolean(co.isYieldable());
  return 1;
}

int coClose(Thread& L) {
  Thread& co = coroutineArg(L, 1);
  ThreadStatus status = co.coStatus(&L);
  if (status != ThreadStatus::Dead && status != ThreadStatus::Suspended)
    lib::raiseError(L, fmt::format("cannot close a {} coroutine", statusName(status)));
  if (L.closeThread(co) == vm::Status::Ok) {
    L.pushBoolean(true);
    return 1;
  }
  L.pushBoolean(false);
  L.insert(-2);
  return 2;
}

} // namespace

void openCoroutine(Thread& L) {
  lib::newLibrary(L, "coroutine",
                  {{"create", coCreate},
                   {"resume", coResume},
                   {"running", coRunning},
                   {"status", coStatus},
                   {"wrap", coWrap},
                   {"yield", coYield},
                   {"isyieldable", coIsYieldable},
                   {"close", coClose}});
  L.pop();
}

} // namespace sloth::stdlib
