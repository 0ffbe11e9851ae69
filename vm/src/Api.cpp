// The public API (State.h): stack manipulation, tables, calls, errors, chunk loading.
#include "Internal.h"

#include <fmt/format.h>

#include <cstdlib>
#include <cstring>

namespace sloth::vm {

static const Value kNoneValue;

// ---- State ----

static constexpr const char* kTmNames[TM_N] = {
    "__index", "__newindex", "__gc",  "__mode", "__len",    "__eq",   "__add",  "__sub", "__mul",
    "__mod",   "__pow",      "__div", "__idiv", "__band",   "__bor",  "__bxor", "__shl", "__shr",
    "__unm",   "__bnot",     "__lt",  "__le",   "__concat", "__call", "__close"};

State::State() : g_(new Global()) {
  g_->owner = this;
  void* mem = std::malloc(sizeof(Thread));
  if (!mem)
    throw std::bad_alloc();
  g_->totalBytes += sizeof(Thread);
  Thread* L = new (mem) Thread(g_);
  L->tt = Tag::Thread;
  L->isMain = true;
  L->started = true;
  L->costatus = ThreadStatus::Running;
  g_->mainThread = L;
  g_->running = L;
  growStack(L, 2 * kMinStack);
  L->stop = 1; // slot 0 stands for the base frame's function
  L->baseCi.top = 1 + kMinStack;
  g_->memerrmsg = newFixedString(L, "not enough memory");
  for (int i = 0; i < TM_N; i++)
    g_->tmname[i] = newFixedString(L, kTmNames[i]);
  g_->registry = newTable(L);
  g_->registryValue = Value::object(g_->registry, Tag::Table);
  g_->globals = newTable(L);
  tableSetInt(L, g_->registry, 1, Value::object(L, Tag::Thread));
  tableSetInt(L, g_->registry, 2, Value::object(g_->globals, Tag::Table));
}

State::~State() {
  freeAll(g_);
  Thread* L = g_->mainThread;
  if (L->stack)
    rawFree(g_, L->stack, static_cast<std::size_t>(L->stacksize) * sizeof(Value));
  L->stack = nullptr;
  L->~Thread();
  std::free(L);
  releaseSpareFiberStacks(g_);
  releaseFreeBlocks(g_);
  delete g_;
}

Thread& State::main() {
  return *g_->mainThread;
}
std::size_t State::memoryInUse() const {
  return g_->totalBytes;
}
void State::setMemoryLimit(std::size_t bytes) {
  g_->memLimit = bytes;
  if (bytes != 0 && g_->gcThreshold > bytes - bytes / 8)
    g_->gcThreshold = bytes - bytes / 8;
}
void State::collectGarbage() {
  // Finalizers run on the thread executing now (a coroutine, if one called this).
  fullGC(g_->running ? g_->running : g_->mainThread);
}
void State::stopGc(bool stopped) {
  g_->gcStopped = stopped;
}
void State::setInterruptHandler(InterruptHandler handler) {
  g_->interruptHandler = std::move(handler);
}

void State::setMissingGlobalNote(MissingGlobalNote note) {
  g_->missingGlobalNote = note;
}

void State::requestInterrupt() noexcept {
  g_->interruptRequested.store(true, std::memory_order_relaxed);
}

void serviceInterrupt(Thread* L) {
  Global* g = L->g;
  g->interruptRequested.store(false, std::memory_order_relaxed);
  if (g->interruptHandler)
    g->interruptHandler(*L);
}

void Thread::pollInterrupt() {
  if (g->interruptRequested.load(std::memory_order_relaxed))
    serviceInterrupt(this);
}

bool State::isGcStopped() const {
  return g_->gcStopped;
}

// ---- Thread basics ----

Thread::Thread(Global* gl) : g(gl) {
  ci = &baseCi;
  baseCi.func = 0;
  baseCi.top = 0;
}

Thread::~Thread() {
  CallInfo* c = baseCi.next;
  while (c) {
    CallInfo* nx = c->next;
    rawFree(g, c, sizeof(CallInfo));
    c = nx;
  }
}

Value* Thread::index2value(int idx) const {
  if (idx > 0) {
    std::ptrdiff_t p = ci->func + idx;
    if (p >= stop)
      return const_cast<Value*>(&kNoneValue);
    return stack + p;
  }
  if (idx > kRegistryIndex)
    return stack + stop + idx;
  if (idx == kRegistryIndex)
    return &g->registryValue;
  int n = kRegistryIndex - idx;
  const Value& f = stack[ci->func];
  if (f.tt == Tag::NativeClosure && n <= toNClosure(f)->nupvalues)
    return &toNClosure(f)->upvalue[n - 1];
  return const_cast<Value*>(&kNoneValue);
}

Value& Thread::at(int idx) const {
  return *index2value(idx);
}

int Thread::top() const {
  return static_cast<int>(stop - (ci->func + 1));
}

int Thread::absIndex(int idx) const {
  return (idx > 0 || idx <= kRegistryIndex) ? idx : top() + 1 + idx;
}

void Thread::setTop(int idx) {
  std::ptrdiff_t newTop = idx >= 0 ? ci->func + 1 + idx : stop + idx + 1;
  if (newTop > stop)
    ensureStack(this, newTop - stop);
  while (stop < newTop)
    stack[stop++] = Value();
  stop = newTop;
}

void Thread::checkStack(int n) {
  ensureStack(this, n);
  if (ci->top < stop + n)
    ci->top = stop + n;
}

bool Thread::tryCheckStack(int n) {
  if (n < 0 || stop + n > kMaxStack)
    return false;
  checkStack(n);
  return true;
}

void Thread::push(const Value& v) {
  if (stop >= ci->top || stop + 1 >= stacksize) {
    ensureStack(this, 1);
    if (ci->top <= stop)
      ci->top = stop + 1;
  }
  stack[stop++] = v;
}

void Thread::pushValue(int idx) {
  push(*index2value(idx));
}

void Thread::insert(int idx) {
  Value* p = index2value(idx);
  Value v = stack[stop - 1];
  for (Value* q = stack + stop - 1; q > p; q--)
    *q = q[-1];
  *p = v;
}

void Thread::remove(int idx) {
  Value* p = index2value(idx);
  for (; p < stack + stop - 1; p++)
    *p = p[1];
  stop--;
}

void Thread::replace(int idx) {
  *index2value(idx) = stack[stop - 1];
  stop--;
}

void Thread::copy(int from, int to) {
  *index2value(to) = *index2value(from);
}

// ---- inspection ----

Type Thread::type(int idx) const {
  Value* v = index2value(idx);
  if (v == &kNoneValue)
    return Type::None;
  return v->type();
}

bool Thread::isInteger(int idx) const {
  return index2value(idx)->isInteger();
}

bool Thread::isNumber(int idx) const {
  Value n;
  return toNumberValue(*index2value(idx), n);
}

bool Thread::isString(int idx) const {
  const Value* v = index2value(idx);
  return v->isString() || v->isNumber();
}

bool Thread::isNative(int idx) const {
  return index2value(idx)->tt == Tag::NativeClosure;
}

bool Thread::toBoolean(int idx) const {
  return !index2value(idx)->isFalsy();
}

std::int64_t Thread::toInteger(int idx, bool* ok) {
  std::int64_t r = 0;
  bool good = sloth::vm::toInteger(*index2value(idx), r);
  if (ok)
    *ok = good;
  return good ? r : 0;
}

double Thread::toNumber(int idx, bool* ok) {
  double r = 0;
  bool good = sloth::vm::toNumber(*index2value(idx), r);
  if (ok)
    *ok = good;
  return good ? r : 0;
}

bool Thread::toStringView(int idx, std::string_view& out) {
  Value* v = index2value(idx);
  if (v->isNumber()) {
    LString* s = newString(this, numberToString(*v));
    v = index2value(idx); // a stack slot: unaffected by allocation, but be safe
    *v = strValue(s);
  }
  if (!v->isString())
    return false;
  out = v->str()->view();
  return true;
}

void* Thread::toUserdata(int idx) const {
  const Value* v = index2value(idx);
  if (v->tt == Tag::Userdata)
    return ::sloth::vm::toUserdata(*v)->data;
  if (v->tt == Tag::LightUserdata)
    return v->p;
  return nullptr;
}

Thread* Thread::toThread(int idx) const {
  const Value* v = index2value(idx);
  return v->tt == Tag::Thread ? static_cast<Thread*>(v->gc) : nullptr;
}

const void* Thread::toPointer(int idx) const {
  const Value* v = index2value(idx);
  switch (v->tt) {
  case Tag::Userdata:
    return ::sloth::vm::toUserdata(*v)->data;
  case Tag::LightUserdata:
    return v->p;
  default:
    return v->isCollectable() ? v->gc : nullptr;
  }
}

std::size_t Thread::rawLen(int idx) const {
  const Value* v = index2value(idx);
  switch (v->tt) {
  case Tag::ShortString:
  case Tag::LongString:
    return v->str()->len;
  case Tag::Table:
    return static_cast<std::size_t>(tableLength(v->table()));
  case Tag::Userdata:
    return ::sloth::vm::toUserdata(*v)->len;
  default:
    return 0;
  }
}

bool Thread::pushNumeral(std::string_view s) {
  Value v;
  if (!stringToNumber(s, v))
    return false;
  push(v);
  return true;
}

// ---- pushing ----

void Thread::pushNil() {
  push(Value());
}
void Thread::pushBoolean(bool b) {
  push(Value::boolean(b));
}
void Thread::pushInteger(std::int64_t i) {
  push(Value::integer(i));
}
void Thread::pushNumber(double n) {
  push(Value::number(n));
}
void Thread::pushLightUserdata(void* p) {
  push(Value::lightUserdata(p));
}

void Thread::pushString(std::string_view s) {
  push(Value());
  stack[stop - 1] = strValue(newString(this, s));
  checkGC(this);
}

void Thread::pushNative(NativeFn f, int nupvalues, const char* name, bool nameInErrors) {
  NClosure* c = newNClosure(this, nupvalues);
  c->f = f;
  c->name = name;
  c->nameInErrors = nameInErrors && name;
  for (int i = nupvalues; i > 0; i--)
    c->upvalue[i - 1] = stack[--stop];
  push(Value::object(c, Tag::NativeClosure));
  checkGC(this);
}

void Thread::pushGlobalTable() {
  push(Value::object(g->globals, Tag::Table));
}

bool Thread::pushThread() {
  push(Value::object(this, Tag::Thread));
  return isMain;
}

// ---- tables ----

void Thread::newTable(int narr, int nrec) {
  Table* t = sloth::vm::newTable(this);
  push(Value::object(t, Tag::Table));
  if (narr > 0 || nrec > 0)
    tableResize(this, t, static_cast<std::uint32_t>(narr), static_cast<std::uint32_t>(nrec));
  checkGC(this);
}

Type Thread::getTable(int idx) {
  Value t = *index2value(idx);
  getValue(this, &t, &stack[stop - 1], stop - 1);
  return stack[stop - 1].type();
}

Type Thread::getField(int idx, std::string_view k) {
  Value t = *index2value(idx);
  pushString(k);
  getValue(this, &t, &stack[stop - 1], stop - 1);
  return stack[stop - 1].type();
}

Type Thread::getI(int idx, std::int64_t i) {
  Value t = *index2value(idx);
  if (t.isTable()) { // the common case first: no metamethod involved
    const Value* slot = tableGetInt(t.table(), i);
    if (!slot->isNil()) {
      push(*slot);
      return slot->type();
    }
  }
  Value key = Value::integer(i);
  push(Value());
  getValue(this, &t, &key, stop - 1);
  return stack[stop - 1].type();
}

Type Thread::getGlobal(std::string_view name) {
  pushGlobalTable();
  Type ty = getField(-1, name);
  remove(-2);
  return ty;
}

void Thread::setTable(int idx) {
  Value t = *index2value(idx);
  setValue(this, &t, &stack[stop - 2], &stack[stop - 1]);
  stop -= 2;
}

void Thread::setField(int idx, std::string_view k) {
  Value t = *index2value(idx);
  pushString(k);
  setValue(this, &t, &stack[stop - 1], &stack[stop - 2]);
  stop -= 2;
}

void Thread::setI(int idx, std::int64_t i) {
  Value t = *index2value(idx);
  if (t.isTable()) {
    if (Value* slot = tableFastSetSlot(t.table(), tableGetInt(t.table(), i))) {
      *slot = stack[--stop];
      return;
    }
  }
  Value key = Value::integer(i);
  setValue(this, &t, &key, &stack[stop - 1]);
  stop--;
}

void Thread::setGlobal(std::string_view name) {
  pushGlobalTable();
  insert(-2);
  setField(-2, name);
  pop();
}

static Table* tableAt(Thread* L, int idx) {
  Value* v = L->index2value(idx);
  if (!v->isTable())
    runError(L, "table expected");
  return v->table();
}

Type Thread::rawGet(int idx) {
  Table* t = tableAt(this, idx);
  stack[stop - 1] = *tableGet(t, stack[stop - 1]);
  return stack[stop - 1].type();
}

Type Thread::rawGetI(int idx, std::int64_t i) {
  Table* t = tableAt(this, idx);
  push(*tableGetInt(t, i));
  return stack[stop - 1].type();
}

void Thread::rawSet(int idx) {
  Table* t = tableAt(this, idx);
  tableSet(this, t, stack[stop - 2], stack[stop - 1]);
  stop -= 2;
}

void Thread::rawSetI(int idx, std::int64_t i) {
  Table* t = tableAt(this, idx);
  tableSetInt(this, t, i, stack[stop - 1]);
  stop--;
}

bool Thread::next(int idx) {
  Table* t = tableAt(this, idx);
  ensureStack(this, 1);
  Value kv[2] = {stack[stop - 1], Value()};
  if (tableNext(this, t, kv)) {
    stack[stop - 1] = kv[0];
    push(kv[1]);
    return true;
  }
  stop--;
  return false;
}

void Thread::len(int idx) {
  Value v = *index2value(idx);
  push(Value());
  objLen(this, stop - 1, &v);
}

bool Thread::getMetatable(int idx) {
  Table* mt = metatableOf(this, *index2value(idx));
  if (!mt)
    return false;
  push(Value::object(mt, Tag::Table));
  return true;
}

void Thread::setMetatable(int idx) {
  Value* v = index2value(idx);
  Table* mt = stack[stop - 1].isNil() ? nullptr : stack[stop - 1].table();
  switch (v->tt) {
  case Tag::Table:
    v->table()->metatable = mt;
    checkFinalizer(this, v->gc, mt);
    break;
  case Tag::Userdata:
    ::sloth::vm::toUserdata(*v)->metatable = mt;
    checkFinalizer(this, v->gc, mt);
    break;
  default:
    g->typeMt[static_cast<int>(v->type())] = mt;
    break;
  }
  stop--;
}

Type Thread::getMetafield(int idx, std::string_view event) {
  Table* mt = metatableOf(this, *index2value(idx));
  if (!mt)
    return Type::Nil;
  pushString(event);
  stack[stop - 1] = *tableGet(mt, stack[stop - 1]);
  if (stack[stop - 1].isNil()) {
    stop--;
    return Type::Nil;
  }
  return stack[stop - 1].type();
}

// The upvalue slot n of the function at funcIdx, and its name; nullptr if none.
static Value* upvalueSlot(Thread* L, int funcIdx, int n, const char** name) {
  Value* f = L->index2value(funcIdx);
  if (f->tt == Tag::LuaClosure) {
    LClosure* cl = toLClosure(*f);
    if (n < 1 || n > cl->nupvalues || !cl->upvals[n - 1])
      return nullptr;
    const std::string& nm = cl->p->src->upvalues[static_cast<std::size_t>(n - 1)].name;
    *name = nm.empty() ? "(no name)" : nm.c_str();
    return cl->upvals[n - 1]->v;
  }
  if (f->tt == Tag::NativeClosure) {
    NClosure* c = toNClosure(*f);
    if (n < 1 || n > c->nupvalues)
      return nullptr;
    *name = "";
    return &c->upvalue[n - 1];
  }
  return nullptr;
}

const char* Thread::getUpvalue(int funcIdx, int n) {
  const char* name = nullptr;
  Value* v = upvalueSlot(this, funcIdx, n, &name);
  if (v)
    push(*v);
  return name;
}

const char* Thread::setUpvalue(int funcIdx, int n) {
  const char* name = nullptr;
  Value* v = upvalueSlot(this, funcIdx, n, &name);
  if (v) {
    *v = stack[stop - 1]; // stop-the-world collector: no write barrier needed
    stop--;
  }
  return name;
}

void* Thread::newUserdata(std::size_t size) {
  Userdata* u = newUserdataObj(this, size);
  push(Value::object(u, Tag::Userdata));
  checkGC(this);
  return u->data;
}

bool Thread::newMetatable(std::string_view tname) {
  if (getField(kRegistryIndex, tname) != Type::Nil)
    return false;
  pop();
  newTable(0, 2);
  pushString(tname);
  setField(-2, "__name");
  pushValue(-1);
  setField(kRegistryIndex, tname);
  return true;
}

void* Thread::testUserdata(int idx, std::string_view tname) {
  void* p = toUserdata(idx);
  if (!p || type(idx) != Type::Userdata)
    return nullptr;
  if (!getMetatable(idx))
    return nullptr;
  getField(kRegistryIndex, tname);
  bool same = rawEquals(stack[stop - 1], stack[stop - 2]);
  pop(2);
  return same ? p : nullptr;
}

void* Thread::checkUserdata(int idx, std::string_view tname) {
  void* p = testUserdata(idx, tname);
  if (!p)
    typeError(idx, tname);
  return p;
}

// ---- operators ----

void Thread::arith(ArithOp op) {
  if (op == ArithOp::Unm || op == ArithOp::BNot)
    push(stack[stop - 1]); // fake second operand
  arithValue(this, op, &stack[stop - 2], &stack[stop - 1], stop - 2);
  stop--;
}

bool Thread::compare(int a, int b, CompareOp op) {
  Value x = *index2value(a), y = *index2value(b);
  switch (op) {
  case CompareOp::Eq:
    return equalObj(this, &x, &y);
  case CompareOp::Lt:
    return lessThan(this, &x, &y);
  case CompareOp::Le:
    return lessEqual(this, &x, &y);
  }
  return false;
}

bool Thread::rawEqual(int a, int b) {
  return rawEquals(*index2value(a), *index2value(b));
}

void Thread::concat(int n) {
  if (n == 0)
    pushString("");
  else if (n > 1)
    concatValues(this, n);
  checkGC(this);
}

std::string_view Thread::toDisplayString(int idx) {
  std::ptrdiff_t i = index2value(idx) - stack;
  push(Value());
  return displayString(this, i, stop - 1);
}

// ---- calls and errors ----

void Thread::call(int nargs, int nresults) {
  callValue(this, stop - nargs - 1, nresults);
  if (nresults == kMultRet && ci->top < stop)
    ci->top = stop;
}

Status Thread::pcall(int nargs, int nresults, int msgh) {
  std::ptrdiff_t func = stop - nargs - 1;
  std::ptrdiff_t ef = msgh == 0 ? 0 : index2value(msgh) - stack;
  Status st = pcallValue(this, func, nresults, ef);
  if (st != Status::Ok)
    push(errorValue);
  else if (nresults == kMultRet && ci->top < stop)
    ci->top = stop;
  return st;
}

void Thread::error() {
  throwValue(this, stack[stop - 1]);
}

std::string Thread::where(int level) {
  CallInfo* c = ci;
  for (int l = 0; l < level && c && c != &baseCi; l++)
    c = c->prev;
  if (!c || c == &baseCi)
    return "";
  return whereInfo(this, c);
}

void Thread::runError(std::string_view msg) {
  std::string full = where(1);
  full.append(msg);
  pushString(full);
  error();
}

std::string Thread::currentFunctionName() {
  std::string kind;
  std::string name = functionName(this, ci, &kind);
  if (!kind.empty())
    return name;
  const Value& f = stack[ci->func];
  if (f.tt == Tag::NativeClosure && toNClosure(f)->name)
    return toNClosure(f)->name;
  return "?";
}

void Thread::argError(int arg, std::string_view extramsg) {
  std::string kind;
  std::string name = functionName(this, ci, &kind);
  if (kind == "method") {
    arg--;
    if (arg == 0)
      runError(fmt::format("calling '{}' on bad self ({})", name, extramsg));
  }
  const Value& f = stack[ci->func];
  if (f.tt == Tag::NativeClosure && toNClosure(f)->nameInErrors)
    name = toNClosure(f)->name;
  else if (kind.empty())
    name = currentFunctionName();
  runError(fmt::format("bad argument #{} to '{}' ({})", arg, name, extramsg));
}

void Thread::typeError(int arg, std::string_view expected) {
  std::string actual;
  if (getMetafield(arg, "__name") == Type::String) {
    actual = std::string(stack[stop - 1].str()->view());
    pop();
  } else if (type(arg) == Type::LightUserdata) {
    actual = "light userdata";
  } else {
    actual = typeNameAt(arg);
  }
  argError(arg, fmt::format("{} expected, got {}", expected, actual));
}

void Thread::checkAny(int arg) {
  if (type(arg) == Type::None)
    argError(arg, "value expected");
}

void Thread::checkType(int arg, Type t) {
  if (type(arg) != t)
    typeError(arg, typeName(t));
}

std::int64_t Thread::checkInteger(int arg) {
  bool ok;
  std::int64_t v = toInteger(arg, &ok);
  if (!ok) {
    if (isNumber(arg))
      argError(arg, "number has no integer representation");
    typeError(arg, "number");
  }
  return v;
}

double Thread::checkNumber(int arg) {
  bool ok;
  double v = toNumber(arg, &ok);
  if (!ok)
    typeError(arg, "number");
  return v;
}

std::string_view Thread::checkString(int arg) {
  std::string_view s;
  if (!toStringView(arg, s))
    typeError(arg, "string");
  return s;
}

std::int64_t Thread::optInteger(int arg, std::int64_t def) {
  return isNoneOrNil(arg) ? def : checkInteger(arg);
}
double Thread::optNumber(int arg, double def) {
  return isNoneOrNil(arg) ? def : checkNumber(arg);
}
std::string_view Thread::optString(int arg, std::string_view def) {
  return isNoneOrNil(arg) ? def : checkString(arg);
}

void Thread::traceback(std::string_view msg, int level) {
  pushString(buildTraceback(this, msg, level));
}

// ---- chunks and threads ----

State& Thread::state() const {
  return *g->owner;
}

void Thread::xmove(Thread& to, int n) {
  ensureStack(&to, n);
  for (int i = 0; i < n; i++)
    to.stack[to.stop + i] = stack[stop - n + i];
  to.stop += n;
  stop -= n;
}

void Thread::load(std::shared_ptr<const Proto> proto) {
  LProto* p = loadProto(this, proto);
  push(Value::object(p, Tag::Proto)); // keep it reachable while the closure is built
  LClosure* cl = newLClosure(this, static_cast<int>(proto->upvalues.size()));
  cl->p = p;
  stack[stop - 1] = Value::object(cl, Tag::LuaClosure);
  for (int i = 0; i < cl->nupvalues; i++) {
    UpVal* u = newObject<UpVal>(this, Tag::UpVal, sizeof(UpVal));
    u->v = &u->closed;
    cl->upvals[i] = u;
  }
  if (cl->nupvalues > 0)
    cl->upvals[0]->closed = Value::object(g->globals, Tag::Table);
  checkGC(this);
}

Thread* Thread::newThread() {
  void* mem = rawAlloc(this, sizeof(Thread));
  Thread* th = new (mem) Thread(g);
  linkObject(g, th, Tag::Thread);
  th->coNext = g->coroutines;
  if (g->coroutines)
    g->coroutines->coPrev = th;
  g->coroutines = th;
  push(Value::object(th, Tag::Thread));
  try {
    growStack(th, 2 * kMinStack);
    th->stop = 1;
    th->baseCi.top = 1 + kMinStack;
  } catch (...) {
    stop--;
    throw;
  }
  checkGC(this);
  return th;
}

} // namespace sloth::vm
