// The interpreter loop. Dispatch is by computed goto (a GNU extension, hence the pragma); Lua to
// Lua calls and returns switch frames inside this loop without growing the C++ stack.
#include "Internal.h"

#include <cmath>

#pragma GCC diagnostic ignored "-Wpedantic"

namespace sloth::vm {

namespace {

// Lua's forprep: prepares a numeric for loop; true means "skip the loop".
bool forPrep(Thread* L, Value* ra) {
  Value* pinit = ra;
  Value* plimit = ra + 1;
  Value* pstep = ra + 2;
  if (pinit->isInteger() && pstep->isInteger()) {
    std::int64_t init = pinit->i, step = pstep->i, limit;
    if (step == 0)
      runError(L, "'for' step is zero");
    ra[3] = Value::integer(init);
    if (!toInteger(*plimit, limit, step < 0 ? F2I::Ceil : F2I::Floor)) {
      double flim;
      if (!toNumber(*plimit, flim))
        forError(L, plimit, "limit");
      if (0 < flim) {
        if (step < 0)
          return true;
        limit = INT64_MAX;
      } else {
        if (step > 0)
          return true;
        limit = INT64_MIN;
      }
    }
    if (step > 0 ? init > limit : init < limit)
      return true;
    std::uint64_t count;
    if (step > 0) {
      count = static_cast<std::uint64_t>(limit) - static_cast<std::uint64_t>(init);
      if (step != 1)
        count /= static_cast<std::uint64_t>(step);
    } else {
      count = static_cast<std::uint64_t>(init) - static_cast<std::uint64_t>(limit);
      count /= static_cast<std::uint64_t>(-(step + 1)) + 1u;
    }
    *plimit = Value::integer(static_cast<std::int64_t>(count));
    return false;
  }
  double init, flimit, step;
  if (!toNumber(*plimit, flimit))
    forError(L, plimit, "limit");
  if (!toNumber(*pstep, step))
    forError(L, pstep, "step");
  if (!toNumber(*pinit, init))
    forError(L, pinit, "initial value");
  if (step == 0)
    runError(L, "'for' step is zero");
  if (0 < step ? flimit < init : init < flimit)
    return true;
  *plimit = Value::number(flimit);
  *pstep = Value::number(step);
  *ra = Value::number(init);
  ra[3] = Value::number(init);
  return false;
}

bool hasPendingClose(Thread* L, std::ptrdiff_t level) {
  return (L->openupval && L->openupval->level >= level) ||
         (!L->tbclist.empty() && L->tbclist.back() >= level);
}

} // namespace

void execute(Thread* L, CallInfo* ci) {
  static const void* const dispatch[] = {
#define SLOTH_X(name, operands, semantics) &&L_##name,
      SLOTH_OPCODES(SLOTH_X)
#undef SLOTH_X
  };
  LClosure* cl;
  const Value* k;
  Value* base;
  const Instruction* pc;
  Instruction i;

#define RA (base + GETARG_A(i))
#define RB (base + GETARG_B(i))
#define RC (base + GETARG_C(i))
#define KB (k + GETARG_B(i))
#define KC (k + GETARG_C(i))
#define RKC (GETARG_k(i) ? k + GETARG_C(i) : base + GETARG_C(i))
#define IDX(p) ((p)-L->stack)
#define RELOAD() (base = L->stack + ci->func + 1)
#define SAVEPC() (ci->savedpc = pc)
#define SAVESTATE() (SAVEPC(), L->stop = ci->top)
#define PROTECT(exp)                                                                               \
  do {                                                                                             \
    SAVESTATE();                                                                                   \
    exp;                                                                                           \
    RELOAD();                                                                                      \
  } while (0)
#define DISPATCH()                                                                                 \
  do {                                                                                             \
    i = *pc++;                                                                                     \
    goto* dispatch[static_cast<int>(GET_OPCODE(i))];                                               \
  } while (0)
// Interrupt requests (State::requestInterrupt) are honoured at backward jumps and calls: every
// loop and every recursion passes one, and the check is one relaxed load and a branch.
#define CHECK_INTERRUPT()                                                                          \
  do {                                                                                             \
    if (__builtin_expect(L->g->interruptRequested.load(std::memory_order_relaxed), 0))             \
      PROTECT(serviceInterrupt(L));                                                                \
  } while (0)
#define DONEXTJUMP() (pc += GETARG_sJ(*pc) + 1)
#define CONDJUMP(cond)                                                                             \
  do {                                                                                             \
    if ((cond) != (GETARG_k(i) != 0))                                                              \
      pc++;                                                                                        \
    else                                                                                           \
      DONEXTJUMP();                                                                                \
    DISPATCH();                                                                                    \
  } while (0)

startfunc:
returning:
  cl = toLClosure(L->stack[ci->func]);
  k = cl->p->k.data();
  pc = ci->savedpc;
  RELOAD();
  DISPATCH();

L_MOVE : {
  *RA = *RB;
  DISPATCH();
}
L_LOADI : {
  *RA = Value::integer(GETARG_sBx(i));
  DISPATCH();
}
L_LOADF : {
  *RA = Value::number(GETARG_sBx(i));
  DISPATCH();
}
L_LOADK : {
  *RA = k[GETARG_Bx(i)];
  DISPATCH();
}
L_LOADKX : {
  *RA = k[GETARG_Ax(*pc)];
  pc++;
  DISPATCH();
}
L_LOADFALSE : {
  *RA = Value::boolean(false);
  DISPATCH();
}
L_LFALSESKIP : {
  *RA = Value::boolean(false);
  pc++;
  DISPATCH();
}
L_LOADTRUE : {
  *RA = Value::boolean(true);
  DISPATCH();
}
L_LOADNIL : {
  Value* ra = RA;
  for (int b = GETARG_B(i); b >= 0; b--)
    *ra++ = Value();
  DISPATCH();
}
L_GETUPVAL : {
  *RA = *cl->upvals[GETARG_B(i)]->v;
  DISPATCH();
}
L_SETUPVAL : {
  *cl->upvals[GETARG_B(i)]->v = *RA;
  DISPATCH();
}
L_GETTABUP : {
  Value* up = cl->upvals[GETARG_B(i)]->v;
  if (up->isTable()) {
    const Value* slot = tableGetStr(up->table(), KC->str());
    if (!slot->isNil()) {
      *RA = *slot;
      DISPATCH();
    }
  }
  std::ptrdiff_t ra = IDX(RA);
  PROTECT(getValue(L, up, KC, ra));
  DISPATCH();
}
L_GETTABLE : {
  Value* rb = RB;
  Value* rc = RC;
  if (rb->isTable()) {
    const Value* slot =
        rc->isInteger() ? tableGetInt(rb->table(), rc->i) : tableGet(rb->table(), *rc);
    if (!slot->isNil()) {
      *RA = *slot;
      DISPATCH();
    }
  }
  std::ptrdiff_t ra = IDX(RA);
  PROTECT(getValue(L, rb, rc, ra));
  DISPATCH();
}
L_GETI : {
  Value* rb = RB;
  if (rb->isTable()) {
    const Value* slot = tableGetInt(rb->table(), GETARG_C(i));
    if (!slot->isNil()) {
      *RA = *slot;
      DISPATCH();
    }
  }
  Value key = Value::integer(GETARG_C(i));
  std::ptrdiff_t ra = IDX(RA);
  PROTECT(getValue(L, rb, &key, ra));
  DISPATCH();
}
L_GETFIELD : {
  Value* rb = RB;
  if (rb->isTable()) {
    const Value* slot = tableGetStr(rb->table(), KC->str());
    if (!slot->isNil()) {
      *RA = *slot;
      DISPATCH();
    }
  }
  std::ptrdiff_t ra = IDX(RA);
  PROTECT(getValue(L, rb, KC, ra));
  DISPATCH();
}
L_SETTABUP : {
  Value* up = cl->upvals[GETARG_A(i)]->v;
  const Value* rc = RKC;
  if (up->isTable()) {
    if (Value* slot = tableFastSetSlot(up->table(), tableGetStr(up->table(), KB->str()))) {
      *slot = *rc;
      DISPATCH();
    }
  }
  PROTECT(setValue(L, up, KB, rc));
  DISPATCH();
}
L_SETTABLE : {
  Value* ra = RA;
  Value* rb = RB;
  const Value* rc = RKC;
  if (ra->isTable()) {
    Table* t = ra->table();
    const Value* slot = rb->isInteger() ? tableGetInt(t, rb->i) : tableGet(t, *rb);
    if (Value* dst = tableFastSetSlot(t, slot)) {
      *dst = *rc;
      DISPATCH();
    }
  }
  PROTECT(setValue(L, ra, rb, rc));
  DISPATCH();
}
L_SETI : {
  Value* ra = RA;
  const Value* rc = RKC;
  if (ra->isTable()) {
    if (Value* slot = tableFastSetSlot(ra->table(), tableGetInt(ra->table(), GETARG_B(i)))) {
      *slot = *rc;
      DISPATCH();
    }
  }
  Value key = Value::integer(GETARG_B(i));
  PROTECT(setValue(L, ra, &key, rc));
  DISPATCH();
}
L_SETFIELD : {
  Value* ra = RA;
  const Value* rc = RKC;
  if (ra->isTable()) {
    if (Value* slot = tableFastSetSlot(ra->table(), tableGetStr(ra->table(), KB->str()))) {
      *slot = *rc;
      DISPATCH();
    }
  }
  PROTECT(setValue(L, ra, KB, rc));
  DISPATCH();
}
L_NEWTABLE : {
  int b = GETARG_B(i);
  std::uint32_t c = static_cast<std::uint32_t>(GETARG_C(i));
  if (b > 0)
    b = b <= 26 ? 1 << (b - 1) : 1 << 25; // a size hint; malformed code must not overflow
  if (GETARG_k(i))
    c += static_cast<std::uint32_t>(GETARG_Ax(*pc)) * (MAXARG_C + 1);
  pc++;
  std::ptrdiff_t ra = IDX(RA);
  SAVESTATE();
  Table* t = newTable(L);
  L->stack[ra] = Value::object(t, Tag::Table);
  if (b > 0 || c > 0)
    tableResize(L, t, c, static_cast<std::uint32_t>(b));
  checkGC(L);
  RELOAD();
  DISPATCH();
}
L_SELF : {
  Value* rb = RB;
  const Value* rc = RKC;
  Value obj = *rb;
  RA[1] = obj;
  if (obj.isTable() && rc->tt == Tag::ShortString) {
    const Value* slot = tableGetStr(obj.table(), rc->str());
    if (!slot->isNil()) {
      *RA = *slot;
      DISPATCH();
    }
  }
  std::ptrdiff_t ra = IDX(RA);
  PROTECT(getValue(L, rb, rc, ra));
  DISPATCH();
}

#define ARITH_IMM(iop, fop)                                                                        \
  {                                                                                                \
    Value* rb = RB;                                                                                \
    int imm = GETARG_sC(i);                                                                        \
    if (rb->isInteger()) {                                                                         \
      *RA = Value::integer(static_cast<std::int64_t>(static_cast<std::uint64_t>(rb->i)             \
                                                         iop static_cast<std::uint64_t>(imm)));    \
      pc++;                                                                                        \
    } else if (rb->isFloat()) {                                                                    \
      *RA = Value::number(rb->n fop static_cast<double>(imm));                                     \
      pc++;                                                                                        \
    }                                                                                              \
    DISPATCH();                                                                                    \
  }
L_ADDI:
  ARITH_IMM(+, +)

// Arithmetic with a numeric second operand v2 (register or constant); on success skip MMBIN.
#define ARITH_GEN(v2expr, op)                                                                      \
  {                                                                                                \
    const Value* v1 = RB;                                                                          \
    const Value* v2 = v2expr;                                                                      \
    Value res;                                                                                     \
    if (v1->isNumber() && v2->isNumber()) {                                                        \
      SAVEPC(); /* integer division by zero raises */                                              \
      if (rawArith(L, op, *v1, *v2, res)) {                                                        \
        *RA = res;                                                                                 \
        pc++;                                                                                      \
      }                                                                                            \
    }                                                                                              \
    DISPATCH();                                                                                    \
  }
#define ARITH_FAST(v2expr, iop, fop)                                                               \
  {                                                                                                \
    const Value* v1 = RB;                                                                          \
    const Value* v2 = v2expr;                                                                      \
    if (v1->isInteger() && v2->isInteger()) {                                                      \
      *RA = Value::integer(static_cast<std::int64_t>(static_cast<std::uint64_t>(v1->i)             \
                                                         iop static_cast<std::uint64_t>(v2->i)));  \
      pc++;                                                                                        \
    } else if (v1->isFloat() && v2->isFloat()) {                                                   \
      *RA = Value::number(v1->n fop v2->n);                                                        \
      pc++;                                                                                        \
    } else if (v1->isNumber() && v2->isNumber()) {                                                 \
      *RA = Value::number(v1->asFloat() fop v2->asFloat());                                        \
      pc++;                                                                                        \
    }                                                                                              \
    DISPATCH();                                                                                    \
  }
// '/' always divides as floats.
#define ARITH_FDIV(v2expr)                                                                         \
  {                                                                                                \
    const Value* v1 = RB;                                                                          \
    const Value* v2 = v2expr;                                                                      \
    if (v1->isNumber() && v2->isNumber()) {                                                        \
      *RA = Value::number(v1->asFloat() / v2->asFloat());                                          \
      pc++;                                                                                        \
    }                                                                                              \
    DISPATCH();                                                                                    \
  }
// Integer '%' inline (Lua's luaV_mod: the result takes the divisor's sign; a zero divisor raises);
// floats in rawArith.
#define ARITH_IMOD(v2expr)                                                                         \
  {                                                                                                \
    const Value* v1 = RB;                                                                          \
    const Value* v2 = v2expr;                                                                      \
    if (v1->isInteger() && v2->isInteger()) {                                                      \
      SAVEPC(); /* a zero divisor raises */                                                        \
      *RA = Value::integer(intMod(L, v1->i, v2->i));                                               \
      pc++;                                                                                        \
      DISPATCH();                                                                                  \
    }                                                                                              \
    ARITH_GEN(v2expr, ArithOp::Mod)                                                                \
  }
// Integer '//' inline (a zero divisor raises, hence SAVEPC); floats and the rest in rawArith.
#define ARITH_IIDIV(v2expr)                                                                        \
  {                                                                                                \
    const Value* v1 = RB;                                                                          \
    const Value* v2 = v2expr;                                                                      \
    if (v1->isInteger() && v2->isInteger()) {                                                      \
      SAVEPC();                                                                                    \
      *RA = Value::integer(intDiv(L, v1->i, v2->i));                                               \
      pc++;                                                                                        \
      DISPATCH();                                                                                  \
    }                                                                                              \
    ARITH_GEN(v2expr, ArithOp::IDiv)                                                               \
  }
#define BITWISE(v2expr, op)                                                                        \
  {                                                                                                \
    const Value* v1 = RB;                                                                          \
    const Value* v2 = v2expr;                                                                      \
    std::int64_t x, y;                                                                             \
    if (v1->isInteger() && v2->isInteger()) {                                                      \
      *RA = Value::integer(static_cast<std::int64_t>(static_cast<std::uint64_t>(v1->i)             \
                                                         op static_cast<std::uint64_t>(v2->i)));   \
      pc++;                                                                                        \
    } else if (toIntegerNS(*v1, x) && toIntegerNS(*v2, y)) {                                       \
      std::uint64_t ux = static_cast<std::uint64_t>(x), uy = static_cast<std::uint64_t>(y);        \
      *RA = Value::integer(static_cast<std::int64_t>(ux op uy));                                   \
      pc++;                                                                                        \
    }                                                                                              \
    DISPATCH();                                                                                    \
  }

L_ADDK:
  ARITH_FAST(KC, +, +)
L_SUBK:
  ARITH_FAST(KC, -, -)
L_MULK:
  ARITH_FAST(KC, *, *)
L_MODK:
  ARITH_IMOD(KC)
L_POWK:
  ARITH_GEN(KC, ArithOp::Pow)
L_DIVK:
  ARITH_FDIV(KC)
L_IDIVK:
  ARITH_IIDIV(KC)
L_BANDK:
  BITWISE(KC, &)
L_BORK:
  BITWISE(KC, |)
L_BXORK:
  BITWISE(KC, ^)
L_SHRI : {
  std::int64_t x;
  if (toIntegerNS(*RB, x)) {
    *RA = Value::integer(shiftLeft(x, -static_cast<std::int64_t>(GETARG_sC(i))));
    pc++;
  }
  DISPATCH();
}
L_SHLI : {
  std::int64_t x;
  if (toIntegerNS(*RB, x)) {
    *RA = Value::integer(shiftLeft(GETARG_sC(i), x));
    pc++;
  }
  DISPATCH();
}
L_ADD:
  ARITH_FAST(RC, +, +)
L_SUB:
  ARITH_FAST(RC, -, -)
L_MUL:
  ARITH_FAST(RC, *, *)
L_MOD:
  ARITH_IMOD(RC)
L_POW:
  ARITH_GEN(RC, ArithOp::Pow)
L_DIV:
  ARITH_FDIV(RC)
L_IDIV:
  ARITH_IIDIV(RC)
L_BAND:
  BITWISE(RC, &)
L_BOR:
  BITWISE(RC, |)
L_BXOR:
  BITWISE(RC, ^)
L_SHL : {
  std::int64_t x, y;
  if (toIntegerNS(*RB, x) && toIntegerNS(*RC, y)) {
    *RA = Value::integer(shiftLeft(x, y));
    pc++;
  }
  DISPATCH();
}
L_SHR : {
  std::int64_t x, y;
  if (toIntegerNS(*RB, x) && toIntegerNS(*RC, y)) {
    *RA =
        Value::integer(shiftLeft(x, static_cast<std::int64_t>(0u - static_cast<std::uint64_t>(y))));
    pc++;
  }
  DISPATCH();
}
L_MMBIN : {
  Instruction prev = pc[-2];
  std::ptrdiff_t res = IDX(base + GETARG_A(prev));
  PROTECT(arithTm(L, RA, RB, res, static_cast<TMS>(GETARG_C(i))));
  DISPATCH();
}
L_MMBINI : {
  Instruction prev = pc[-2];
  std::ptrdiff_t res = IDX(base + GETARG_A(prev));
  Value imm = Value::integer(GETARG_sB(i));
  PROTECT(arithTm(L, RA, &imm, res, static_cast<TMS>(GETARG_C(i)), GETARG_k(i) != 0));
  DISPATCH();
}
L_MMBINK : {
  Instruction prev = pc[-2];
  std::ptrdiff_t res = IDX(base + GETARG_A(prev));
  PROTECT(arithTm(L, RA, KB, res, static_cast<TMS>(GETARG_C(i)), GETARG_k(i) != 0));
  DISPATCH();
}
L_UNM : {
  Value* rb = RB;
  if (rb->isInteger())
    *RA = Value::integer(static_cast<std::int64_t>(0u - static_cast<std::uint64_t>(rb->i)));
  else if (rb->isFloat())
    *RA = Value::number(-rb->n);
  else {
    std::ptrdiff_t ra = IDX(RA);
    PROTECT(arithTm(L, rb, rb, ra, TM_UNM));
  }
  DISPATCH();
}
L_BNOT : {
  Value* rb = RB;
  std::int64_t x;
  if (toIntegerNS(*rb, x))
    *RA = Value::integer(static_cast<std::int64_t>(~static_cast<std::uint64_t>(x)));
  else {
    std::ptrdiff_t ra = IDX(RA);
    PROTECT(arithTm(L, rb, rb, ra, TM_BNOT));
  }
  DISPATCH();
}
L_NOT : {
  *RA = Value::boolean(RB->isFalsy());
  DISPATCH();
}
L_LEN : {
  Value* rb = RB;
  if (rb->isString()) {
    *RA = Value::integer(static_cast<std::int64_t>(rb->str()->len));
    DISPATCH();
  }
  if (rb->isTable() && !rb->table()->metatable) { // the append idiom t[#t + 1] = v
    *RA = Value::integer(tableLength(rb->table()));
    DISPATCH();
  }
  std::ptrdiff_t ra = IDX(RA);
  PROTECT(objLen(L, ra, RB));
  DISPATCH();
}
L_CONCAT : {
  int n = GETARG_B(i);
  std::ptrdiff_t ra = IDX(RA);
  SAVEPC();
  L->stop = ra + n;
  concatValues(L, n);
  L->stop = ci->top;
  checkGC(L);
  RELOAD();
  DISPATCH();
}
L_CLOSE : {
  std::ptrdiff_t ra = IDX(RA);
  PROTECT(closeFrame(L, ra, Status::Ok));
  DISPATCH();
}
L_TBC : {
  std::ptrdiff_t ra = IDX(RA);
  PROTECT(newTbc(L, ra));
  DISPATCH();
}
L_JMP : {
  int offset = GETARG_sJ(i);
  if (offset < 0)
    CHECK_INTERRUPT();
  pc += offset;
  DISPATCH();
}
L_EQ : {
  bool cond;
  Value* ra = RA;
  Value* rb = RB;
  PROTECT(cond = equalObj(L, ra, rb));
  CONDJUMP(cond);
}
L_LT : {
  bool cond;
  Value* ra = RA;
  Value* rb = RB;
  if (ra->isNumber() && rb->isNumber())
    cond = numLess(*ra, *rb);
  else
    PROTECT(cond = lessThan(L, ra, rb));
  CONDJUMP(cond);
}
L_LE : {
  bool cond;
  Value* ra = RA;
  Value* rb = RB;
  if (ra->isNumber() && rb->isNumber())
    cond = numLessEq(*ra, *rb);
  else
    PROTECT(cond = lessEqual(L, ra, rb));
  CONDJUMP(cond);
}
L_EQK : {
  bool cond = rawEquals(*RA, *KB);
  CONDJUMP(cond);
}
L_EQI : {
  Value* ra = RA;
  int im = GETARG_sB(i);
  bool cond;
  if (ra->isInteger())
    cond = ra->i == im;
  else if (ra->isFloat())
    cond = ra->n == static_cast<double>(im);
  else
    cond = false;
  CONDJUMP(cond);
}

#define ORDER_IMM(op, inv, tm)                                                                     \
  {                                                                                                \
    Value* ra = RA;                                                                                \
    int im = GETARG_sB(i);                                                                         \
    bool cond;                                                                                     \
    if (ra->isInteger())                                                                           \
      cond = ra->i op im;                                                                          \
    else if (ra->isFloat())                                                                        \
      cond = ra->n op static_cast<double>(im);                                                     \
    else {                                                                                         \
      Value imm = GETARG_C(i) ? Value::number(im) : Value::integer(im);                            \
      if (inv)                                                                                     \
        PROTECT(cond = (tm)(L, &imm, ra));                                                         \
      else                                                                                         \
        PROTECT(cond = (tm)(L, ra, &imm));                                                         \
    }                                                                                              \
    CONDJUMP(cond);                                                                                \
  }
L_LTI:
  ORDER_IMM(<, false, lessThan)
L_LEI:
  ORDER_IMM(<=, false, lessEqual)
L_GTI:
  ORDER_IMM(>, true, lessThan)
L_GEI:
  ORDER_IMM(>=, true, lessEqual)
L_TEST : {
  bool cond = !RA->isFalsy();
  CONDJUMP(cond);
}
L_TESTSET : {
  Value* rb = RB;
  if (rb->isFalsy() == (GETARG_k(i) != 0))
    pc++;
  else {
    *RA = *rb;
    DONEXTJUMP();
  }
  DISPATCH();
}
L_CALL : {
  if (__builtin_expect(L->g->interruptRequested.load(std::memory_order_relaxed), 0)) {
    std::ptrdiff_t top = L->stop; // with B = 0 the arguments end at the top: keep it
    PROTECT(serviceInterrupt(L));
    L->stop = top;
  }
  std::ptrdiff_t ra = IDX(RA);
  int b = GETARG_B(i);
  int nresults = GETARG_C(i) - 1;
  if (b != 0)
    L->stop = ra + b;
  SAVEPC();
  if (L->stack[ra].tt == Tag::LuaClosure) {
    // precall's Lua case, inline: the frame switch is the commonest call of all.
    LClosure* ncl = toLClosure(L->stack[ra]);
    CallInfo* newci = enterLuaFrame(L, ra, nresults, ncl->p->src.get());
    ci = newci;
    cl = ncl;
    k = ncl->p->k.data();
    pc = newci->savedpc;
    RELOAD();
    DISPATCH();
  }
  if (CallInfo* newci = precall(L, ra, nresults)) {
    ci = newci;
    goto startfunc;
  }
  RELOAD();
  DISPATCH();
}
L_TAILCALL : {
  if (__builtin_expect(L->g->interruptRequested.load(std::memory_order_relaxed), 0)) {
    std::ptrdiff_t top = L->stop;
    PROTECT(serviceInterrupt(L));
    L->stop = top;
  }
  std::ptrdiff_t func = IDX(RA);
  int b = GETARG_B(i);
  if (b != 0)
    L->stop = func + b;
  SAVEPC();
  closeUpvals(L, ci->func + 1);
  // Resolve __call so the callee is a function.
  while (!L->stack[func].isFunction()) {
    const Value* tm = tmByObj(L, L->stack[func], TM_CALL);
    if (!tm)
      callError(L, &L->stack[func]);
    Value h = *tm;
    ensureStack(L, 1);
    for (std::ptrdiff_t p = L->stop; p > func; p--)
      L->stack[p] = L->stack[p - 1];
    L->stop++;
    L->stack[func] = h;
  }
  if (L->stack[func].tt == Tag::LuaClosure) {
    const Proto* cur = cl->p->src.get();
    if (cur->is_vararg)
      ci->func -= ci->nextraargs + cur->numparams + 1;
    std::ptrdiff_t n = L->stop - func;
    for (std::ptrdiff_t j = 0; j < n; j++)
      L->stack[ci->func + j] = L->stack[func + j];
    L->stop = ci->func + n;
    const Proto* p = toLClosure(L->stack[ci->func])->p->src.get();
    ensureStack(L, p->maxstacksize + p->numparams);
    for (int narg = static_cast<int>(n - 1); narg < p->numparams; narg++)
      L->stack[L->stop++] = Value();
    ci->top = ci->func + 1 + p->maxstacksize;
    ci->savedpc = p->code.data();
    ci->nextraargs = 0;
    goto startfunc;
  }
  // A native: call it, then return all its results.
  precall(L, func, kMultRet);
  RELOAD();
  {
    std::ptrdiff_t n = L->stop - func;
    const Proto* cur = cl->p->src.get();
    if (cur->is_vararg)
      ci->func -= ci->nextraargs + cur->numparams + 1;
    poscall(L, ci, static_cast<int>(n));
  }
  goto ret;
}
L_RETURN : {
  std::ptrdiff_t ra = IDX(RA);
  int n = GETARG_B(i) - 1;
  if (n < 0)
    n = L->stop > ra ? static_cast<int>(L->stop - ra) : 0;
  SAVEPC();
  if (hasPendingClose(L, ci->func + 1)) {
    L->stop = ra + n > ci->top ? ra + n : ci->top; // keep the results
    closeFrame(L, ci->func + 1, Status::Ok);
    RELOAD();
  }
  const Proto* cur = cl->p->src.get();
  if (cur->is_vararg)
    ci->func -= ci->nextraargs + cur->numparams + 1;
  L->stop = ra + n;
  poscall(L, ci, n);
  goto ret;
}
L_RETURN0 : {
  SAVEPC();
  if (hasPendingClose(L, ci->func + 1)) {
    L->stop = ci->top;
    closeFrame(L, ci->func + 1, Status::Ok);
  }
  const Proto* cur = cl->p->src.get();
  if (cur->is_vararg)
    ci->func -= ci->nextraargs + cur->numparams + 1;
  L->stop = ci->func + 1;
  poscall(L, ci, 0);
  goto ret;
}
L_RETURN1 : {
  std::ptrdiff_t ra = IDX(RA);
  SAVEPC();
  if (hasPendingClose(L, ci->func + 1)) {
    L->stop = ci->top;
    closeFrame(L, ci->func + 1, Status::Ok);
  }
  const Proto* cur = cl->p->src.get();
  if (cur->is_vararg)
    ci->func -= ci->nextraargs + cur->numparams + 1;
  if (ci->nresults == 1) { // poscall's common case, inline
    L->stack[ci->func] = L->stack[ra];
    L->stop = ci->func + 1;
    L->ci = ci->prev;
  } else {
    L->stop = ra + 1;
    poscall(L, ci, 1);
  }
  goto ret;
}
ret:
  if (ci->callstatus & CIST_FRESH)
    return;
  ci = ci->prev;
  goto returning;

L_FORLOOP : {
  Value* ra = RA;
  if (ra[2].isInteger()) {
    std::uint64_t count = static_cast<std::uint64_t>(ra[1].i);
    if (count > 0) {
      std::int64_t idx = static_cast<std::int64_t>(static_cast<std::uint64_t>(ra->i) +
                                                   static_cast<std::uint64_t>(ra[2].i));
      ra[1].i = static_cast<std::int64_t>(count - 1);
      ra->i = idx;
      ra[3] = Value::integer(idx);
      pc -= GETARG_Bx(i);
      CHECK_INTERRUPT();
    }
  } else {
    double step = ra[2].n, limit = ra[1].n, idx = ra->n + step;
    if (0 < step ? idx <= limit : limit <= idx) {
      ra->n = idx;
      ra[3] = Value::number(idx);
      pc -= GETARG_Bx(i);
      CHECK_INTERRUPT();
    }
  }
  DISPATCH();
}
L_FORPREP : {
  bool skip;
  SAVESTATE();
  skip = forPrep(L, RA);
  if (skip)
    pc += GETARG_Bx(i) + 1;
  DISPATCH();
}
L_TFORPREP : {
  std::ptrdiff_t ra = IDX(RA);
  PROTECT(newTbc(L, ra + 3));
  pc += GETARG_Bx(i);
  DISPATCH();
}
L_TFORCALL : {
  Value* ra = RA;
  ra[4] = ra[0];
  ra[5] = ra[1];
  ra[6] = ra[2];
  std::ptrdiff_t func = IDX(ra + 4);
  SAVEPC();
  L->stop = func + 3;
  callValue(L, func, GETARG_C(i));
  RELOAD();
  DISPATCH();
}
L_TFORLOOP : {
  Value* ra = RA;
  if (!ra[4].isNil()) {
    ra[2] = ra[4];
    pc -= GETARG_Bx(i);
    CHECK_INTERRUPT();
  }
  DISPATCH();
}
L_SETLIST : {
  std::ptrdiff_t ra = IDX(RA);
  int n = GETARG_B(i);
  std::uint64_t last = static_cast<std::uint64_t>(GETARG_C(i));
  if (n == 0)
    n = static_cast<int>(L->stop - ra) - 1;
  if (n < 0)
    n = 0;
  if (!L->stack[ra].isTable()) {
    SAVEPC();
    runError(L, "SETLIST target is not a table");
  }
  if (GETARG_k(i)) {
    last += static_cast<std::uint64_t>(GETARG_Ax(*pc)) * (MAXARG_C + 1);
    pc++;
  }
  SAVEPC();
  Table* h = L->stack[ra].table();
  last += static_cast<std::uint64_t>(n);
  if (last > h->asize)
    tableResize(L, h, static_cast<std::uint32_t>(last), h->hused);
  for (; n > 0; n--) {
    h->array[last - 1] = L->stack[ra + n];
    last--;
  }
  L->stop = ci->top;
  RELOAD();
  DISPATCH();
}
L_CLOSURE : {
  std::ptrdiff_t ra = IDX(RA);
  LProto* p = cl->p->p[GETARG_Bx(i)];
  const auto& uvs = p->src->upvalues;
  SAVESTATE();
  LClosure* ncl = newLClosure(L, static_cast<int>(uvs.size()));
  ncl->p = p;
  L->stack[ra] = Value::object(ncl, Tag::LuaClosure);
  for (std::size_t j = 0; j < uvs.size(); j++) {
    if (uvs[j].instack)
      ncl->upvals[j] = findUpval(L, ci->func + 1 + uvs[j].index);
    else
      ncl->upvals[j] = cl->upvals[uvs[j].index];
  }
  checkGC(L);
  RELOAD();
  DISPATCH();
}
L_VARARG : {
  std::ptrdiff_t ra = IDX(RA);
  int n = GETARG_C(i) - 1;
  int nextra = ci->nextraargs;
  SAVEPC();
  if (n < 0) {
    n = nextra;
    L->stop = ra;
    ensureStack(L, nextra);
    L->stop = ra + nextra;
  }
  int j = 0;
  for (; j < n && j < nextra; j++)
    L->stack[ra + j] = L->stack[ci->func - nextra + j];
  for (; j < n; j++)
    L->stack[ra + j] = Value();
  RELOAD();
  DISPATCH();
}
L_VARARGPREP : {
  SAVEPC();
  adjustVarargs(L, ci, cl->p->src.get());
  RELOAD();
  DISPATCH();
}
L_EXTRAARG : { DISPATCH(); }
}

} // namespace sloth::vm
