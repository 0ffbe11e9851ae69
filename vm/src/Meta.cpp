// Metatables and the generic operations that fall back on metamethods: indexing, arithmetic,
// comparison, concatenation, length, tostring.
#include "Internal.h"

#include <fmt/format.h>

#include <cstdio>
#include <cstring>

namespace sloth::vm {

static constexpr int kMaxTagLoop = 2000; // __index/__newindex chains longer than this are loops

Table* metatableOf(Thread* L, const Value& o) {
  switch (o.tt) {
  case Tag::Table:
    return o.table()->metatable;
  case Tag::Userdata:
    return toUserdata(o)->metatable;
  default: {
    Type t = o.type();
    return t == Type::None ? nullptr : L->g->typeMt[static_cast<int>(t)];
  }
  }
}

const Value* fastTm(Thread* L, Table* mt, TMS e) {
  if (!mt)
    return nullptr;
  if (e < 8 && (mt->flags & (1u << e)))
    return nullptr;
  const Value* v = tableGetStr(mt, L->g->tmname[e]);
  if (v->isNil()) {
    if (e < 8)
      mt->flags |= static_cast<std::uint8_t>(1u << e);
    return nullptr;
  }
  return v;
}

const Value* tmByObj(Thread* L, const Value& o, TMS e) {
  Table* mt = metatableOf(L, o);
  if (!mt)
    return nullptr;
  const Value* v = tableGetStr(mt, L->g->tmname[e]);
  return v->isNil() ? nullptr : v;
}

// Arguments by value: they may live in the stack, which ensureStack can move.
void callTmRes(Thread* L, Value f, Value a, Value b, std::ptrdiff_t res) {
  ensureStack(L, 3);
  std::ptrdiff_t func = L->stop;
  L->stack[func] = f;
  L->stack[func + 1] = a;
  L->stack[func + 2] = b;
  L->stop = func + 3;
  callValue(L, func, 1);
  L->stop--;
  L->stack[res] = L->stack[L->stop];
}

static void callTm(Thread* L, Value f, Value a, Value b, Value c) {
  ensureStack(L, 4);
  std::ptrdiff_t func = L->stop;
  L->stack[func] = f;
  L->stack[func + 1] = a;
  L->stack[func + 2] = b;
  L->stack[func + 3] = c;
  L->stop = func + 4;
  callValue(L, func, 0);
}

void getValue(Thread* L, const Value* t, const Value* key, std::ptrdiff_t res) {
  Value tv = *t, k = *key;
  for (int loop = 0; loop < kMaxTagLoop; loop++) {
    const Value* tm;
    if (tv.tt == Tag::Table) {
      Table* h = tv.table();
      const Value* slot = tableGet(h, k);
      if (!slot->isNil()) {
        L->stack[res] = *slot;
        return;
      }
      tm = fastTm(L, h->metatable, TM_INDEX);
      if (!tm) {
        L->stack[res] = Value();
        return;
      }
    } else {
      tm = tmByObj(L, tv, TM_INDEX);
      if (!tm)
        typeError(L, loop == 0 ? t : &tv, "index");
    }
    if (tm->isFunction()) {
      callTmRes(L, *tm, tv, k, res);
      return;
    }
    tv = *tm;
  }
  runError(L, "'__index' chain too long; possible loop");
}

void setValue(Thread* L, const Value* t, const Value* key, const Value* val) {
  Value tv = *t, k = *key, v = *val;
  for (int loop = 0; loop < kMaxTagLoop; loop++) {
    const Value* tm;
    if (tv.tt == Tag::Table) {
      Table* h = tv.table();
      const Value* slot = tableGet(h, k);
      if (!slot->isNil()) {
        *const_cast<Value*>(slot) = v;
        h->flags = 0;
        return;
      }
      tm = fastTm(L, h->metatable, TM_NEWINDEX);
      if (!tm) {
        tableSet(L, h, k, v);
        return;
      }
    } else {
      tm = tmByObj(L, tv, TM_NEWINDEX);
      if (!tm)
        typeError(L, loop == 0 ? t : &tv, "index");
    }
    if (tm->isFunction()) {
      callTm(L, *tm, tv, k, v);
      return;
    }
    tv = *tm;
  }
  runError(L, "'__newindex' chain too long; possible loop");
}

static bool isBitwise(TMS e) {
  return (e >= TM_BAND && e <= TM_SHR) || e == TM_BNOT;
}

void arithTm(Thread* L, const Value* p1, const Value* p2, std::ptrdiff_t res, TMS event,
             bool flip) {
  if (flip)
    std::swap(p1, p2);
  Value a = *p1, b = *p2;
  const Value* tm = tmByObj(L, a, event);
  if (!tm)
    tm = tmByObj(L, b, event);
  if (tm) {
    callTmRes(L, *tm, a, b, res);
    return;
  }
  // Strings convert to numbers for arithmetic, not for bitwise operators (Lua 5.4 does this in
  // the string metatable; the VM does it here so it holds whatever metatable the string library
  // installs). The messages are the string library's.
  if (!isBitwise(event) && (a.isString() || b.isString())) {
    Value na, nb, r;
    auto op =
        static_cast<ArithOp>(event == TM_UNM ? static_cast<int>(ArithOp::Unm) : event - TM_ADD);
    if (toNumberValue(a, na) && toNumberValue(b, nb) && rawArith(L, op, na, nb, r)) {
      L->stack[res] = r;
      return;
    }
    runError(L,
             fmt::format("attempt to {} a '{}' with a '{}'", L->g->tmname[event]->view().substr(2),
                         typeName(a.type()), typeName(b.type())));
  }
  if (isBitwise(event)) {
    if (a.isNumber() && b.isNumber())
      toIntError(L, p1, p2);
    opintError(L, p1, p2, "perform bitwise operation on");
  }
  opintError(L, p1, p2, "perform arithmetic on");
}

void arithValue(Thread* L, ArithOp op, const Value* a, const Value* b, std::ptrdiff_t res) {
  Value r;
  if (rawArith(L, op, *a, *b, r)) {
    L->stack[res] = r;
    return;
  }
  TMS e = op == ArithOp::Unm    ? TM_UNM
          : op == ArithOp::BNot ? TM_BNOT
                                : static_cast<TMS>(TM_ADD + static_cast<int>(op));
  arithTm(L, a, b, res, e);
}

static bool callOrderTm(Thread* L, const Value* a, const Value* b, TMS e) {
  const Value* tm = tmByObj(L, *a, e);
  if (!tm)
    tm = tmByObj(L, *b, e);
  if (!tm)
    orderError(L, a, b);
  std::ptrdiff_t res = L->stop;
  ensureStack(L, 4);
  L->stop++;
  callTmRes(L, *tm, *a, *b, res);
  L->stop = res;
  return !L->stack[res].isFalsy();
}

bool lessThan(Thread* L, const Value* a, const Value* b) {
  if (a->isNumber() && b->isNumber())
    return numLess(*a, *b);
  if (a->isString() && b->isString())
    return a->str()->view() < b->str()->view();
  return callOrderTm(L, a, b, TM_LT);
}

bool lessEqual(Thread* L, const Value* a, const Value* b) {
  if (a->isNumber() && b->isNumber())
    return numLessEq(*a, *b);
  if (a->isString() && b->isString())
    return a->str()->view() <= b->str()->view();
  return callOrderTm(L, a, b, TM_LE);
}

bool rawEquals(const Value& a, const Value& b) {
  if (a.tt != b.tt) {
    if (a.isNumber() && b.isNumber()) {
      std::int64_t x, y;
      return toIntegerNS(a, x) && toIntegerNS(b, y) && x == y;
    }
    return false;
  }
  switch (a.tt) {
  case Tag::Nil:
    return true;
  case Tag::Boolean:
    return a.b == b.b;
  case Tag::Integer:
    return a.i == b.i;
  case Tag::Float:
    return a.n == b.n;
  case Tag::LongString:
    return stringEq(a.str(), b.str());
  default:
    return a.p == b.p;
  }
}

bool equalObj(Thread* L, const Value* a, const Value* b) {
  if (rawEquals(*a, *b))
    return true;
  if (a->tt != b->tt || (a->tt != Tag::Table && a->tt != Tag::Userdata))
    return false;
  const Value* tm = tmByObj(L, *a, TM_EQ);
  if (!tm)
    tm = tmByObj(L, *b, TM_EQ);
  if (!tm)
    return false;
  std::ptrdiff_t res = L->stop;
  ensureStack(L, 4);
  L->stop++;
  callTmRes(L, *tm, *a, *b, res);
  L->stop = res;
  return !L->stack[res].isFalsy();
}

LString* toStringObj(Thread* L, const Value& v) {
  if (v.isString())
    return v.str();
  if (v.isNumber())
    return newString(L, numberToString(v));
  return nullptr;
}

static bool isStringLike(const Value& v) {
  return v.isString() || v.isNumber();
}

void concatValues(Thread* L, int total) {
  while (total > 1) {
    Value* top = L->stack + L->stop;
    int n = 2;
    if (!isStringLike(top[-2]) || !isStringLike(top[-1])) {
      std::ptrdiff_t res = L->stop - 2;
      const Value* tm = tmByObj(L, top[-2], TM_CONCAT);
      if (!tm)
        tm = tmByObj(L, top[-1], TM_CONCAT);
      if (!tm)
        concatError(L, &top[-2], &top[-1]);
      callTmRes(L, *tm, top[-2], top[-1], res);
    } else {
      // Gather as many string-like values as possible into one new string: a short result is
      // assembled on the C++ stack and interned, a long one written straight into its string.
      std::size_t len = 0;
      for (n = 0; n < total && isStringLike(top[-n - 1]); n++) {
        const Value& v = top[-n - 1];
        if (v.isString()) {
          len += v.str()->len;
        } else {
          char num[kNumberBufSize];
          len += formatNumber(v, num);
        }
      }
      char shortBuf[kMaxShortLen];
      LString* longStr = len > kMaxShortLen ? newLongString(L, len) : nullptr;
      char* dst = longStr ? longStr->data : shortBuf;
      for (int i = n; i > 0; i--) {
        const Value& v = top[-i];
        if (v.isString()) {
          std::memcpy(dst, v.str()->data, v.str()->len);
          dst += v.str()->len;
        } else {
          char num[kNumberBufSize];
          std::size_t l = formatNumber(v, num);
          std::memcpy(dst, num, l);
          dst += l;
        }
      }
      L->stack[L->stop - n] =
          strValue(longStr ? longStr : newString(L, std::string_view(shortBuf, len)));
    }
    total -= n - 1;
    L->stop -= n - 1;
  }
}

void objLen(Thread* L, std::ptrdiff_t res, const Value* rb) {
  const Value* tm;
  Value v = *rb;
  switch (v.tt) {
  case Tag::Table:
    tm = fastTm(L, v.table()->metatable, TM_LEN);
    if (!tm) {
      L->stack[res] = Value::integer(tableLength(v.table()));
      return;
    }
    break;
  case Tag::ShortString:
  case Tag::LongString:
    L->stack[res] = Value::integer(static_cast<std::int64_t>(v.str()->len));
    return;
  default:
    tm = tmByObj(L, v, TM_LEN);
    if (!tm)
      typeError(L, rb, "get length of");
    break;
  }
  callTmRes(L, *tm, v, v, res);
}

const char* objTypeName(Thread* L, const Value& o) {
  Table* mt = nullptr;
  if (o.tt == Tag::Table || o.tt == Tag::Userdata)
    mt = metatableOf(L, o);
  if (mt) {
    const Value* name = tableGetStr(mt, newString(L, "__name"));
    if (name->isString())
      return name->str()->data;
  }
  return typeName(o.type());
}

std::string_view displayString(Thread* L, std::ptrdiff_t idx, std::ptrdiff_t out) {
  Value v = L->stack[idx];
  const Value* tm = nullptr;
  if (Table* mt = metatableOf(L, v)) {
    const Value* f = tableGetStr(mt, newString(L, "__tostring"));
    if (!f->isNil())
      tm = f;
  }
  if (tm) {
    callTmRes(L, *tm, v, v, out);
    if (L->stack[out].isNumber()) // a number is a string here (lua_isstring)
      L->stack[out] = strValue(newString(L, numberToString(L->stack[out])));
    if (!L->stack[out].isString())
      runError(L, "'__tostring' must return a string");
    return L->stack[out].str()->view();
  }
  std::string s;
  switch (v.tt) {
  case Tag::Nil:
    s = "nil";
    break;
  case Tag::Boolean:
    s = v.b ? "true" : "false";
    break;
  case Tag::Integer:
  case Tag::Float:
    s = numberToString(v);
    break;
  case Tag::ShortString:
  case Tag::LongString:
    L->stack[out] = v;
    return v.str()->view();
  default: {
    char buf[64];
    std::snprintf(buf, sizeof buf, ": %p", v.p);
    s = std::string(objTypeName(L, v)) + buf;
    break;
  }
  }
  L->stack[out] = strValue(newString(L, s));
  return L->stack[out].str()->view();
}

} // namespace sloth::vm
