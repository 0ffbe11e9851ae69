// Debug information: names of variables and functions for error messages (by symbolic
// execution of the bytecode, as Lua's ldebug.c does), positions, and tracebacks.
#include "Internal.h"

#include <fmt/format.h>

#include <cstring>

namespace sloth::vm {

static bool isLua(const CallInfo* ci) {
  return !(ci->callstatus & CIST_NATIVE) && ci->savedpc;
}

static LClosure* ciClosure(Thread* L, CallInfo* ci) {
  return toLClosure(L->stack[ci->func]);
}

static int currentPc(Thread* L, CallInfo* ci) {
  const Proto& p = *ciClosure(L, ci)->p->src;
  return static_cast<int>(ci->savedpc - p.code.data()) - 1;
}

int currentLine(Thread* L, CallInfo* ci) {
  if (!isLua(ci))
    return -1;
  return ciClosure(L, ci)->p->src->lineAt(currentPc(L, ci));
}

std::string whereInfo(Thread* L, CallInfo* ci) {
  if (!ci || ci == &L->baseCi || !isLua(ci))
    return "";
  return fmt::format("{}:{}: ", ciClosure(L, ci)->p->src->source, currentLine(L, ci));
}

static bool isMM(OpCode op) {
  return op == OpCode::MMBIN || op == OpCode::MMBINI || op == OpCode::MMBINK;
}

static const char* localName(const Proto& p, int localNumber, int pc) {
  for (const LocVar& lv : p.locvars) {
    if (lv.startpc > pc)
      break;
    if (pc < lv.endpc) {
      localNumber--;
      if (localNumber == 0)
        return lv.name.c_str();
    }
  }
  return nullptr;
}

static int findSetReg(const Proto& p, int lastpc, int reg) {
  if (lastpc >= 0 && static_cast<std::size_t>(lastpc) < p.code.size() &&
      isMM(GET_OPCODE(p.code[lastpc])))
    lastpc--; // the arithmetic instruction before MMBIN did not assign its result
  int setreg = -1, jmptarget = 0;
  for (int pc = 0; pc < lastpc; pc++) {
    Instruction i = p.code[pc];
    OpCode op = GET_OPCODE(i);
    int a = GETARG_A(i);
    bool change;
    switch (op) {
    case OpCode::LOADNIL:
      change = a <= reg && reg <= a + GETARG_B(i);
      break;
    case OpCode::TFORCALL:
      change = reg >= a + 2;
      break;
    case OpCode::CALL:
    case OpCode::TAILCALL:
      change = reg >= a;
      break;
    case OpCode::JMP: {
      int dest = pc + 1 + GETARG_sJ(i);
      if (dest <= lastpc && dest > jmptarget)
        jmptarget = dest;
      change = false;
      break;
    }
    default:
      change = opSetsA(op) && reg == a;
      break;
    }
    if (change)
      setreg = pc < jmptarget ? -1 : pc;
  }
  return setreg;
}

static std::string upvalName(const Proto& p, int uv) {
  if (uv < 0 || static_cast<std::size_t>(uv) >= p.upvalues.size() || p.upvalues[uv].name.empty())
    return "?";
  return p.upvalues[uv].name;
}

static const char* objName(const Proto& p, int lastpc, int reg, std::string& name);

static std::string kName(const Proto& p, int k) {
  if (k >= 0 && static_cast<std::size_t>(k) < p.k.size() &&
      std::holds_alternative<std::string>(p.k[k].value))
    return std::get<std::string>(p.k[k].value);
  return "?";
}

static std::string rName(const Proto& p, int pc, int c) {
  std::string name;
  const char* what = objName(p, pc, c, name);
  if (!(what && *what == 'c'))
    return "?";
  return name;
}

// "global" when t (a register or, for GETTABUP, an upvalue) is _ENV, else "field".
static const char* gxf(const Proto& p, int pc, Instruction i, bool isUp) {
  int t = GETARG_B(i);
  std::string name;
  if (isUp)
    name = upvalName(p, t);
  else
    objName(p, pc, t, name);
  return name == "_ENV" ? "global" : "field";
}

static const char* objName(const Proto& p, int lastpc, int reg, std::string& name) {
  if (const char* ln = localName(p, reg + 1, lastpc)) {
    name = ln;
    return "local";
  }
  int pc = findSetReg(p, lastpc, reg);
  if (pc == -1)
    return nullptr;
  Instruction i = p.code[pc];
  switch (GET_OPCODE(i)) {
  case OpCode::MOVE: {
    int b = GETARG_B(i);
    if (b < GETARG_A(i))
      return objName(p, pc, b, name);
    break;
  }
  case OpCode::GETTABUP:
    name = kName(p, GETARG_C(i));
    return gxf(p, pc, i, true);
  case OpCode::GETTABLE:
    name = rName(p, pc, GETARG_C(i));
    return gxf(p, pc, i, false);
  case OpCode::GETI:
    name = "integer index";
    return "field";
  case OpCode::GETFIELD:
    name = kName(p, GETARG_C(i));
    return gxf(p, pc, i, false);
  case OpCode::GETUPVAL:
    name = upvalName(p, GETARG_B(i));
    return "upvalue";
  case OpCode::LOADK:
  case OpCode::LOADKX: {
    int b = GET_OPCODE(i) == OpCode::LOADK ? GETARG_Bx(i) : GETARG_Ax(p.code[pc + 1]);
    if (b >= 0 && static_cast<std::size_t>(b) < p.k.size() &&
        std::holds_alternative<std::string>(p.k[b].value)) {
      name = std::get<std::string>(p.k[b].value);
      return "constant";
    }
    break;
  }
  case OpCode::SELF:
    name = GETARG_k(i) ? kName(p, GETARG_C(i)) : rName(p, pc, GETARG_C(i));
    return "method";
  default:
    break;
  }
  return nullptr;
}

static const char* funcNameFromCode(Thread* L, const Proto& p, int pc, std::string& name) {
  Instruction i = p.code[pc];
  int tm;
  switch (GET_OPCODE(i)) {
  case OpCode::CALL:
  case OpCode::TAILCALL:
    return objName(p, pc, GETARG_A(i), name);
  case OpCode::TFORCALL:
    name = "for iterator";
    return "for iterator";
  case OpCode::SELF:
  case OpCode::GETTABUP:
  case OpCode::GETTABLE:
  case OpCode::GETI:
  case OpCode::GETFIELD:
    tm = TM_INDEX;
    break;
  case OpCode::SETTABUP:
  case OpCode::SETTABLE:
  case OpCode::SETI:
  case OpCode::SETFIELD:
    tm = TM_NEWINDEX;
    break;
  case OpCode::MMBIN:
  case OpCode::MMBINI:
  case OpCode::MMBINK:
    tm = GETARG_C(i);
    break;
  case OpCode::UNM:
    tm = TM_UNM;
    break;
  case OpCode::BNOT:
    tm = TM_BNOT;
    break;
  case OpCode::LEN:
    tm = TM_LEN;
    break;
  case OpCode::CONCAT:
    tm = TM_CONCAT;
    break;
  case OpCode::EQ:
    tm = TM_EQ;
    break;
  case OpCode::LT:
  case OpCode::LTI:
  case OpCode::GTI:
    tm = TM_LT;
    break;
  case OpCode::LE:
  case OpCode::LEI:
  case OpCode::GEI:
    tm = TM_LE;
    break;
  case OpCode::CLOSE:
  case OpCode::RETURN:
    tm = TM_CLOSE;
    break;
  default:
    return nullptr;
  }
  if (tm >= TM_N)
    return nullptr;
  name = std::string(L->g->tmname[tm]->view().substr(2));
  return "metamethod";
}

std::string functionName(Thread* L, CallInfo* ci, std::string* kind) {
  if (ci->callstatus & CIST_FIN) {
    *kind = "metamethod";
    return "__gc";
  }
  CallInfo* caller = ci->prev;
  if (caller && caller != &L->baseCi && isLua(caller)) {
    std::string name;
    const Proto& p = *ciClosure(L, caller)->p->src;
    if (const char* k = funcNameFromCode(L, p, currentPc(L, caller), name)) {
      *kind = k;
      return name;
    }
  }
  kind->clear();
  return "";
}

std::string varInfo(Thread* L, const Value* o) {
  CallInfo* ci = L->ci;
  if (!isLua(ci))
    return "";
  LClosure* cl = ciClosure(L, ci);
  const Proto& p = *cl->p->src;
  std::string name;
  const char* kind = nullptr;
  for (int i = 0; i < cl->nupvalues; i++) {
    if (cl->upvals[i] && cl->upvals[i]->v == o) {
      name = upvalName(p, i);
      kind = "upvalue";
      break;
    }
  }
  Value* base = L->stack + ci->func + 1;
  if (!kind && o >= base && o < L->stack + ci->top)
    kind = objName(p, currentPc(L, ci), static_cast<int>(o - base), name);
  if (!kind)
    return "";
  name.resize(std::strlen(name.c_str())); // Lua prints the name as a C string: cut at a NUL
  return fmt::format(" ({} '{}')", kind, name);
}

[[noreturn]] void runError(Thread* L, std::string_view msg) {
  std::string full = whereInfo(L, L->ci);
  full.append(msg);
  L->errorValue = strValue(newString(L, full));
  throwError(L, Status::ErrRun);
}

[[noreturn]] void typeError(Thread* L, const Value* o, const char* op) {
  std::string info = varInfo(L, o);
  std::string message = fmt::format("attempt to {} a {} value{}", op, objTypeName(L, *o), info);
  constexpr std::string_view kGlobal = " (global '";
  if (o->isNil() && L->g->missingGlobalNote && info.starts_with(kGlobal)) {
    std::string_view name(info);
    name = name.substr(kGlobal.size(), name.size() - kGlobal.size() - 2);
    if (std::string note = L->g->missingGlobalNote(name); !note.empty())
      message += ": " + note;
  }
  runError(L, message);
}

[[noreturn]] void callError(Thread* L, const Value* o) {
  typeError(L, o, "call");
}

[[noreturn]] void forError(Thread* L, const Value* o, const char* what) {
  runError(L, fmt::format("bad 'for' {} (number expected, got {})", what, objTypeName(L, *o)));
}

[[noreturn]] void concatError(Thread* L, const Value* a, const Value* b) {
  if (a->isString() || a->isNumber())
    a = b;
  typeError(L, a, "concatenate");
}

[[noreturn]] void opintError(Thread* L, const Value* a, const Value* b, const char* msg) {
  if (!a->isNumber())
    b = a;
  typeError(L, b, msg);
}

[[noreturn]] void toIntError(Thread* L, const Value* a, const Value* b) {
  std::int64_t tmp;
  if (!toInteger(*a, tmp))
    b = a;
  runError(L, fmt::format("number{} has no integer representation", varInfo(L, b)));
}

[[noreturn]] void orderError(Thread* L, const Value* a, const Value* b) {
  std::string t1 = objTypeName(L, *a), t2 = objTypeName(L, *b);
  if (t1 == t2)
    runError(L, fmt::format("attempt to compare two {} values", t1));
  runError(L, fmt::format("attempt to compare {} with {}", t1, t2));
}

// Lua's pushglobalfuncname: "mod.name" when f is a field of a loaded module (package.loaded,
// which the stdlib keeps in the registry as _LOADED), "name" for a global; "" if neither.
static std::string loadedName(Thread* L, const Value& f) {
  const Value* loaded = tableGetStr(L->g->registry, newString(L, "_LOADED"));
  if (!loaded->isTable())
    return "";
  Table* modules = loaded->table();
  Value mod[2];
  while (tableNext(L, modules, mod)) {
    if (!mod[0].isString() || !mod[1].isTable())
      continue;
    Value field[2];
    while (tableNext(L, mod[1].table(), field)) {
      if (field[0].isString() && rawEquals(field[1], f)) {
        std::string_view modName = mod[0].str()->view();
        if (modName == "_G")
          return std::string(field[0].str()->view());
        return fmt::format("{}.{}", modName, field[0].str()->view());
      }
    }
  }
  return "";
}

// How a traceback names a frame's function, as lua5.4's luaL_traceback: a native by the
// qualified name it was registered with ("string.rep"), a function found in a loaded module or
// among the globals by that name, else by how the calling code refers to it.
static std::string frameDescription(Thread* L, CallInfo* ci) {
  std::string out;
  if (isLua(ci))
    out = fmt::format("{}:{}: in ", ciClosure(L, ci)->p->src->source, currentLine(L, ci));
  else
    out = "[C]: in ";
  const Value& f = L->stack[ci->func];
  // A native registered without a name (a wrapper) has none to show: "?", as Lua's "in ?".
  const char* nativeName = f.tt == Tag::NativeClosure && toNClosure(f)->name && *toNClosure(f)->name
                               ? toNClosure(f)->name
                               : nullptr;
  if (!isLua(ci) && nativeName && !(ci->callstatus & CIST_FIN))
    return out + fmt::format("function '{}'", nativeName);
  if (std::string global = loadedName(L, f); !global.empty())
    return out + fmt::format("function '{}'", global);
  std::string kind;
  std::string name = functionName(L, ci, &kind);
  if (!kind.empty()) {
    if (kind == "global")
      out += fmt::format("function '{}'", name);
    else
      out += fmt::format("{} '{}'", kind, name);
  } else if (isLua(ci)) {
    const Proto& p = *ciClosure(L, ci)->p->src;
    if (p.linedefined == 0)
      out += "main chunk";
    else
      out += fmt::format("function <{}:{}>", p.source, p.linedefined);
  } else {
    if (nativeName)
      out += fmt::format("function '{}'", nativeName);
    else
      out += "?";
  }
  return out;
}

std::string buildTraceback(Thread* L, std::string_view msg, int level) {
  std::vector<CallInfo*> frames;
  for (CallInfo* ci = L->ci; ci && ci != &L->baseCi; ci = ci->prev)
    frames.push_back(ci);
  std::string out(msg);
  if (!out.empty())
    out += "\n";
  out += "stack traceback:";
  std::size_t first = static_cast<std::size_t>(level < 0 ? 0 : level);
  std::size_t n = frames.size() > first ? frames.size() - first : 0;
  for (std::size_t i = 0; i < n; i++) {
    if (n > 22 && i == 10) {
      out += fmt::format("\n\t...\t(skipping {} levels)", n - 21);
      i = n - 11;
    }
    out += "\n\t" + frameDescription(L, frames[first + i]);
  }
  return out;
}

} // namespace sloth::vm
