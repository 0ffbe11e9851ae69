// Closures, upvalues, to-be-closed variables, and loading prototypes.
#include "Internal.h"

#include <cstring>

namespace sloth::vm {

LClosure* newLClosure(Thread* L, int n) {
  std::size_t size = lclosureSize(n);
  void* mem = rawAlloc(L, size);
  auto* c = new (mem) LClosure();
  c->nupvalues = static_cast<std::uint8_t>(n);
  for (int i = 0; i < n; i++)
    c->upvals[i] = nullptr;
  linkObject(L->g, c, Tag::LuaClosure);
  return c;
}

NClosure* newNClosure(Thread* L, int n) {
  std::size_t size = nclosureSize(n);
  void* mem = rawAlloc(L, size);
  auto* c = new (mem) NClosure();
  c->nupvalues = static_cast<std::uint8_t>(n);
  for (int i = 0; i < n; i++)
    new (&c->upvalue[i]) Value();
  linkObject(L->g, c, Tag::NativeClosure);
  return c;
}

UpVal* findUpval(Thread* L, std::ptrdiff_t level) {
  UpVal** pp = &L->openupval;
  UpVal* p;
  while ((p = *pp) != nullptr && p->level >= level) {
    if (p->level == level)
      return p;
    pp = &p->openNext;
  }
  UpVal* u = newObject<UpVal>(L, Tag::UpVal, sizeof(UpVal));
  u->v = &L->stack[level];
  u->level = level;
  u->owner = L;
  u->openNext = p;
  *pp = u;
  return u;
}

void closeUpvals(Thread* L, std::ptrdiff_t level) {
  while (UpVal* u = L->openupval) {
    if (u->level < level)
      break;
    u->closed = *u->v;
    u->v = &u->closed;
    L->openupval = u->openNext;
    u->openNext = nullptr;
  }
}

void newTbc(Thread* L, std::ptrdiff_t level) {
  const Value& obj = L->stack[level];
  if (obj.isFalsy())
    return; // false and nil need no closing
  const Value* tm = tmByObj(L, obj, TM_CLOSE);
  if (!tm || tm->isNil()) {
    std::string name = "?";
    CallInfo* ci = L->ci;
    if (!(ci->callstatus & CIST_NATIVE)) {
      const Proto& p = *toLClosure(L->stack[ci->func])->p->src;
      int pc = static_cast<int>(ci->savedpc - p.code.data()) - 1;
      int reg = static_cast<int>(level - (ci->func + 1));
      int n = 0;
      for (const LocVar& lv : p.locvars) {
        if (lv.startpc > pc)
          break;
        if (pc < lv.endpc && n++ == reg) {
          name = lv.name;
          break;
        }
      }
    }
    runError(L, "variable '" + name + "' got a non-closable value");
  }
  L->tbclist.push_back(level);
}

void closeFrame(Thread* L, std::ptrdiff_t level, Status status) {
  closeUpvals(L, level);
  while (!L->tbclist.empty() && L->tbclist.back() >= level) {
    std::ptrdiff_t idx = L->tbclist.back();
    L->tbclist.pop_back();
    Value obj = L->stack[idx];
    const Value* tm = tmByObj(L, obj, TM_CLOSE);
    if (!tm || tm->isNil())
      continue; // metatable changed meanwhile; nothing to call
    if (L->stop <= idx)
      L->stop = idx + 1;
    ensureStack(L, 4);
    std::ptrdiff_t func = L->stop;
    L->stack[L->stop++] = *tm;
    L->stack[L->stop++] = obj;
    L->stack[L->stop++] = status == Status::Ok ? Value() : L->errorValue;
    if (status == Status::Ok) {
      callValue(L, func, 0);
    } else {
      Status st = pcallValue(L, func, 0, 0);
      if (st != Status::Ok)
        status = st; // the new error replaces the old one (L->errorValue)
    }
  }
}

LProto* loadProto(Thread* L, const std::shared_ptr<const Proto>& src) {
  auto* lp = newObject<LProto>(L, Tag::Proto, sizeof(LProto));
  lp->src = src;
  lp->source = newString(L, src->source);
  lp->k.reserve(src->k.size());
  L->g->totalBytes += src->k.size() * sizeof(Value);
  for (const Constant& c : src->k) {
    Value v;
    switch (c.value.index()) {
    case 1:
      v = Value::boolean(std::get<bool>(c.value));
      break;
    case 2:
      v = Value::integer(std::get<std::int64_t>(c.value));
      break;
    case 3:
      v = Value::number(std::get<double>(c.value));
      break;
    case 4:
      v = strValue(newString(L, std::get<std::string>(c.value)));
      break;
    default:
      break;
    }
    lp->k.push_back(v);
  }
  for (const auto& child : src->p)
    lp->p.push_back(loadProto(L, child));
  return lp;
}

Userdata* newUserdataObj(Thread* L, std::size_t size) {
  std::size_t total = userdataSize(size);
  void* mem = rawAlloc(L, total);
  auto* u = new (mem) Userdata();
  u->len = size;
  std::memset(u->data, 0, size);
  linkObject(L->g, u, Tag::Userdata);
  return u;
}

} // namespace sloth::vm
