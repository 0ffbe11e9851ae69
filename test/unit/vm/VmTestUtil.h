// Helpers for VM tests: a tiny assembler for hand-built prototypes and a minimal set of base
// natives (the real standard library lives in stdlib/).
#pragma once

#include "sloth/vm/Opcodes.h"
#include "sloth/vm/Proto.h"
#include "sloth/vm/State.h"

#include <memory>
#include <string>

namespace vmtest {

using namespace sloth::vm;

inline Instruction ABC(OpCode o, int a, int b, int c, int k = 0) {
  return CREATE_ABCk(o, a, b, c, k);
}
inline Instruction ABx(OpCode o, int a, int bx) {
  return CREATE_ABx(o, a, bx);
}
inline Instruction AsBx(OpCode o, int a, int sbx) {
  return CREATE_AsBx(o, a, sbx);
}
inline Instruction Jmp(int sj) {
  return CREATE_sJ(OpCode::JMP, sj);
}

struct Asm {
  std::shared_ptr<Proto> p = std::make_shared<Proto>();

  // A main chunk: vararg, upvalue 0 is _ENV, starts with VARARGPREP.
  static Asm main(std::string source = "test.lua") {
    Asm a;
    a.p->source = std::move(source);
    a.p->is_vararg = true;
    a.p->upvalues.push_back({"_ENV", true, 0, 0});
    a.op(ABC(OpCode::VARARGPREP, 0, 0, 0));
    return a;
  }
  static Asm function(int nparams, int line = 1, bool vararg = false) {
    Asm a;
    a.p->source = "test.lua";
    a.p->numparams = static_cast<std::uint8_t>(nparams);
    a.p->is_vararg = vararg;
    a.p->linedefined = line;
    if (vararg)
      a.op(ABC(OpCode::VARARGPREP, nparams, 0, 0), line);
    return a;
  }

  int k(Constant c) {
    for (std::size_t i = 0; i < p->k.size(); i++)
      if (p->k[i] == c)
        return static_cast<int>(i);
    p->k.push_back(std::move(c));
    return static_cast<int>(p->k.size() - 1);
  }
  int ks(const std::string& s) { return k(Constant::string(s)); }
  int ki(std::int64_t i) { return k(Constant::integer(i)); }
  int kf(double d) { return k(Constant::number(d)); }

  Asm& op(Instruction i, int line = 1) {
    p->code.push_back(i);
    p->lineinfo.push_back(line);
    return *this;
  }
  int pc() const { return static_cast<int>(p->code.size()); }
  Asm& local(const std::string& name, int startpc, int endpc) {
    p->locvars.push_back({name, startpc, endpc});
    return *this;
  }
  Asm& upval(const std::string& name, bool instack, int idx) {
    p->upvalues.push_back({name, instack, static_cast<std::uint8_t>(idx), 0});
    return *this;
  }
  int child(const Asm& c) {
    p->p.push_back(c.p);
    return static_cast<int>(p->p.size() - 1);
  }
  std::shared_ptr<Proto> done(int maxstack) {
    p->maxstacksize = static_cast<std::uint8_t>(maxstack);
    return p;
  }
};

// Base natives for tests.
inline int bPcall(Thread& L) {
  L.checkAny(1);
  Status st = L.pcall(L.top() - 1, kMultRet, 0);
  if (st != Status::Ok) {
    L.pushBoolean(false);
    L.insert(-2);
    return 2;
  }
  L.pushBoolean(true);
  L.insert(1);
  return L.top();
}

inline int bError(Thread& L) {
  std::int64_t level = L.optInteger(2, 1);
  L.setTop(1);
  if (L.type(1) == Type::String && level > 0) {
    std::string msg = L.where(static_cast<int>(level)) + std::string(L.checkString(1));
    L.pushString(msg);
  }
  L.error();
}

inline int bSetmetatable(Thread& L) {
  L.checkType(1, Type::Table);
  L.setTop(2);
  L.setMetatable(1);
  return 1;
}

inline int bTostring(Thread& L) {
  L.checkAny(1);
  L.toDisplayString(1);
  return 1;
}

inline int bCollect(Thread& L) {
  L.state().collectGarbage();
  L.pushNumber(static_cast<double>(L.state().memoryInUse()) / 1024.0);
  return 1;
}

inline int bCoCreate(Thread& L) {
  L.checkType(1, Type::Function);
  Thread* co = L.newThread();
  L.pushValue(1);
  L.xmove(*co, 1);
  return 1;
}

inline int bCoResume(Thread& L) {
  Thread* co = L.toThread(1);
  if (!co)
    L.typeError(1, "coroutine");
  int nres = 0;
  Status st = L.resume(*co, L.top() - 1, &nres);
  if (st == Status::Ok || st == Status::Yield) {
    L.pushBoolean(true);
    L.insert(-(nres + 1));
    return nres + 1;
  }
  L.pushBoolean(false);
  L.insert(-2);
  return 2;
}

inline int bCoYield(Thread& L) {
  return L.yield(L.top());
}

inline void openTestBase(Thread& L) {
  L.pushNative(bPcall, 0, "pcall");
  L.setGlobal("pcall");
  L.pushNative(bError, 0, "error");
  L.setGlobal("error");
  L.pushNative(bSetmetatable, 0, "setmetatable");
  L.setGlobal("setmetatable");
  L.pushNative(bTostring, 0, "tostring");
  L.setGlobal("tostring");
  L.pushNative(bCollect, 0, "collectgarbage");
  L.setGlobal("collectgarbage");
  L.pushNative(bCoCreate, 0, "create");
  L.setGlobal("cocreate");
  L.pushNative(bCoResume, 0, "resume");
  L.setGlobal("coresume");
  L.pushNative(bCoYield, 0, "yield");
  L.setGlobal("coyield");
}

// Loads and runs a chunk in protected mode; returns the status, results (or error) on the stack.
inline Status run(Thread& L, const std::shared_ptr<const Proto>& p, int nresults = kMultRet) {
  L.load(p);
  return L.pcall(0, nresults, 0);
}

// tostring of a stack value, leaving the stack as it was.
inline std::string str(Thread& L, int idx) {
  std::string s(L.toDisplayString(idx));
  L.pop();
  return s;
}

} // namespace vmtest
