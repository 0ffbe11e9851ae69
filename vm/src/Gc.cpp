// The garbage collector: precise, stop-the-world mark & sweep with weak tables (ephemerons for
// weak keys), finalizers (__gc) and memory accounting.
//
// Collections run only at safe points (checkGC): in the interpreter after instructions that
// allocate, and when natives allocate through the API. At those points every live value is in a
// stack slot below the thread's frame tops, in a table, or in another object, so marking is exact.
#include "Internal.h"

#include <cstdlib>
#include <cstring>

namespace sloth::vm {

// Growth allowed after a collection before the next one, in percent of the surviving heap, and
// at least kGcMinGrowth bytes: a small heap (a few hundred KB of live objects beside a stream of
// short-lived tables) would otherwise be marked again after every few hundred KB allocated.
static constexpr std::size_t kGcPausePercent = 45;
static constexpr std::size_t kGcMinGrowth = 1024 * 1024;

// Every block is allocated with its size rounded up to 16 bytes, so a block of any size in a
// class can hold any request of that class.
static std::size_t blockSize(std::size_t size) {
  return size == 0 ? 16 : (size + 15) & ~std::size_t{15};
}

void* rawAlloc(Thread* L, std::size_t size) {
  Global* g = L->g;
  if (g->memLimit != 0 && g->totalBytes + size > g->memLimit)
    throwMemError(L);
  std::size_t bsize = blockSize(size);
  void* p;
  if (bsize <= Global::kSmallBlockMax)
    g->blocksAllocated[bsize / 16]++;
  if (bsize <= Global::kSmallBlockMax && g->freeBlocks[bsize / 16]) {
    p = g->freeBlocks[bsize / 16];
    g->freeBlocks[bsize / 16] = *static_cast<void**>(p);
    g->freeBlockCount[bsize / 16]--;
  } else {
    p = std::malloc(bsize);
    if (!p)
      throwMemError(L);
  }
  g->totalBytes += size;
  return p;
}

void* rawRealloc(Thread* L, void* p, std::size_t osize, std::size_t nsize) {
  Global* g = L->g;
  // Small blocks come from and go back to the free lists, as rawAlloc's do: a table's first
  // array part (the constructor {a, b}) is the commonest resize, and malloc costs more than a pop.
  if (!p)
    return rawAlloc(L, nsize);
  if (blockSize(osize) <= Global::kSmallBlockMax && blockSize(nsize) <= Global::kSmallBlockMax) {
    if (blockSize(osize) == blockSize(nsize)) {
      if (nsize > osize && g->memLimit != 0 && g->totalBytes + (nsize - osize) > g->memLimit)
        throwMemError(L);
      g->totalBytes = g->totalBytes - osize + nsize;
      return p;
    }
    void* np = rawAlloc(L, nsize);
    std::memcpy(np, p, osize < nsize ? osize : nsize);
    rawFree(g, p, osize);
    return np;
  }
  if (nsize > osize && g->memLimit != 0 && g->totalBytes + (nsize - osize) > g->memLimit)
    throwMemError(L);
  void* np = std::realloc(p, blockSize(nsize));
  if (!np)
    throwMemError(L);
  g->totalBytes = g->totalBytes - osize + nsize;
  return np;
}

void rawFree(Global* g, void* p, std::size_t size) {
  g->totalBytes -= size;
  std::size_t bsize = blockSize(size);
  if (bsize <= Global::kSmallBlockMax && g->freeBlockCount[bsize / 16] < Global::kSmallBlockCache) {
    *static_cast<void**>(p) = g->freeBlocks[bsize / 16];
    g->freeBlocks[bsize / 16] = p;
    g->freeBlockCount[bsize / 16]++;
    return;
  }
  std::free(p);
}

void trimFreeBlocks(Global* g) {
  for (std::size_t c = 0; c <= Global::kSmallBlockMax / 16; c++) {
    while (g->freeBlockCount[c] > g->blocksAllocated[c]) {
      void* p = g->freeBlocks[c];
      g->freeBlocks[c] = *static_cast<void**>(p);
      g->freeBlockCount[c]--;
      std::free(p);
    }
    g->blocksAllocated[c] = 0;
  }
}

void releaseFreeBlocks(Global* g) {
  for (std::size_t c = 0; c <= Global::kSmallBlockMax / 16; c++) {
    while (void* p = g->freeBlocks[c]) {
      g->freeBlocks[c] = *static_cast<void**>(p);
      std::free(p);
    }
    g->freeBlockCount[c] = 0;
  }
}

void linkObject(Global* g, GCObject* o, Tag tt) {
  o->tt = tt;
  o->next = g->allgc;
  g->allgc = o;
}

void freeObject(Global* g, GCObject* o) {
  switch (o->tt) {
  case Tag::ShortString:
  case Tag::LongString: {
    auto* s = toStr(o);
    if (o->tt == Tag::ShortString)
      removeShortString(g, s);
    std::size_t size = lstringSize(s->len);
    s->~LString();
    rawFree(g, s, size);
    break;
  }
  case Tag::Table:
    freeTable(g, toTable(o));
    break;
  case Tag::LuaClosure: {
    auto* c = static_cast<LClosure*>(o);
    std::size_t size = lclosureSize(c->nupvalues);
    c->~LClosure();
    rawFree(g, c, size);
    break;
  }
  case Tag::NativeClosure: {
    auto* c = static_cast<NClosure*>(o);
    std::size_t size = nclosureSize(c->nupvalues);
    c->~NClosure();
    rawFree(g, c, size);
    break;
  }
  case Tag::UpVal: {
    auto* u = static_cast<UpVal*>(o);
    u->~UpVal();
    rawFree(g, u, sizeof(UpVal));
    break;
  }
  case Tag::Proto: {
    auto* p = static_cast<LProto*>(o);
    g->totalBytes -= p->k.size() * sizeof(Value); // the constants, accounted by loadProto
    p->~LProto();
    rawFree(g, p, sizeof(LProto));
    break;
  }
  case Tag::Userdata: {
    auto* u = static_cast<Userdata*>(o);
    std::size_t size = userdataSize(u->len);
    u->~Userdata();
    rawFree(g, u, size);
    break;
  }
  case Tag::Thread: {
    auto* t = static_cast<Thread*>(o);
    destroyFiber(t); // a suspended coroutine's C++ frames unwind first
    if (t->coPrev)
      t->coPrev->coNext = t->coNext;
    else if (g->coroutines == t)
      g->coroutines = t->coNext;
    if (t->coNext)
      t->coNext->coPrev = t->coPrev;
    if (t->stack)
      rawFree(g, t->stack, static_cast<std::size_t>(t->stacksize) * sizeof(Value));
    t->stack = nullptr;
    t->~Thread();
    rawFree(g, t, sizeof(Thread));
    break;
  }
  default:
    break;
  }
}

// ---- marking ----

// Inline: marking is most of a collection's time, and most calls find the object marked.
[[gnu::always_inline]] static inline void markObject(Global* g, GCObject* o) {
  if (o->marked & kMarkBit)
    return;
  o->marked |= kMarkBit;
  if (o->tt == Tag::ShortString || o->tt == Tag::LongString)
    return;
  g->gray.push_back(o);
}

[[gnu::always_inline]] static inline void markValue(Global* g, const Value& v) {
  if (v.isCollectable() && v.tt != Tag::DeadKey)
    markObject(g, v.gc);
}

static bool isMarked(const Value& v) {
  return (v.gc->marked & (kMarkBit | kFixedBit)) != 0;
}

// Whether a weak entry holding v should be removed. Strings are values, not objects, for weak
// tables (Lua's rule): they are kept (and marked).
static bool isCleared(Global* g, const Value& v) {
  if (!v.isCollectable())
    return false;
  if (v.isString()) {
    markObject(g, v.gc);
    return false;
  }
  return !isMarked(v);
}

static int weakModeOf(Thread* L, Table* t) {
  if (!t->metatable)
    return 0;
  const Value* mode = fastTm(L, t->metatable, TM_MODE);
  if (!mode || !mode->isString())
    return 0;
  std::string_view m = mode->str()->view();
  return (m.find('k') != std::string_view::npos ? 1 : 0) |
         (m.find('v') != std::string_view::npos ? 2 : 0);
}

static void killDeadKeys(Table* t) {
  for (std::uint32_t i = 0; i < t->hcap; i++) {
    Node& n = t->node[i];
    if (n.val.isNil() && n.key.isCollectable() && n.key.tt != Tag::DeadKey)
      n.key.tt = Tag::DeadKey;
  }
}

static void traverseTable(Thread* L, Table* t) {
  Global* g = L->g;
  int mode = 0;
  if (t->metatable) {
    markObject(g, t->metatable);
    mode = weakModeOf(L, t);
  }
  t->weakMode = static_cast<std::uint8_t>(mode);
  if (mode == 0) { // killDeadKeys fused with the marking: one pass over the nodes
    for (std::uint32_t i = 0; i < t->asize; i++)
      markValue(g, t->array[i]);
    for (std::uint32_t i = 0; i < t->hcap; i++) {
      Node& n = t->node[i];
      if (!n.val.isNil()) {
        markValue(g, n.key);
        markValue(g, n.val);
      } else if (n.key.isCollectable()) {
        n.key.tt = Tag::DeadKey;
      }
    }
    return;
  }
  killDeadKeys(t);
  if (mode == 2) { // weak values: keys are strong
    for (std::uint32_t i = 0; i < t->hcap; i++)
      if (!t->node[i].val.isNil())
        markValue(g, t->node[i].key);
    g->weak.push_back(t);
    return;
  }
  if (mode == 1) { // ephemeron: a value is reachable if its key is
    for (std::uint32_t i = 0; i < t->asize; i++)
      markValue(g, t->array[i]);
    for (std::uint32_t i = 0; i < t->hcap; i++) {
      Node& n = t->node[i];
      if (!n.val.isNil() && !isCleared(g, n.key))
        markValue(g, n.val);
    }
    g->ephemerons.push_back(t);
    return;
  }
  g->weak.push_back(t); // weak keys and values: nothing marked
}

static void traverseThread(Global* g, Thread* th) {
  if (!th->stack)
    return;
  // Everything live is below the top: the interpreter raises the top to its frame's limit before
  // anything can collect, and a frame's caller's registers lie below the frame.
  std::ptrdiff_t maxTop = th->stop < th->stacksize ? th->stop : th->stacksize;
  for (std::ptrdiff_t i = 0; i < maxTop; i++)
    markValue(g, th->stack[i]);
  // Slots above every frame are dead: clear them so they never hold dangling references.
  for (std::ptrdiff_t i = maxTop; i < th->stacksize; i++)
    th->stack[i] = Value();
  for (UpVal* u = th->openupval; u; u = u->openNext)
    markObject(g, u);
  markValue(g, th->errorValue);
  if (th->resumer)
    markObject(g, th->resumer);
}

static void propagate(Thread* L) {
  Global* g = L->g;
  while (!g->gray.empty()) {
    GCObject* o = g->gray.back();
    g->gray.pop_back();
    switch (o->tt) {
    case Tag::Table:
      traverseTable(L, toTable(o));
      break;
    case Tag::LuaClosure: {
      auto* c = static_cast<LClosure*>(o);
      markObject(g, c->p);
      for (int i = 0; i < c->nupvalues; i++)
        if (c->upvals[i])
          markObject(g, c->upvals[i]);
      break;
    }
    case Tag::NativeClosure: {
      auto* c = static_cast<NClosure*>(o);
      for (int i = 0; i < c->nupvalues; i++)
        markValue(g, c->upvalue[i]);
      break;
    }
    case Tag::UpVal:
      markValue(g, *static_cast<UpVal*>(o)->v);
      break;
    case Tag::Proto: {
      auto* p = static_cast<LProto*>(o);
      for (const Value& v : p->k)
        markValue(g, v);
      for (LProto* q : p->p)
        markObject(g, q);
      if (p->source)
        markObject(g, p->source);
      break;
    }
    case Tag::Userdata: {
      auto* u = static_cast<Userdata*>(o);
      if (u->metatable)
        markObject(g, u->metatable);
      markValue(g, u->uservalue);
      break;
    }
    case Tag::Thread:
      traverseThread(g, static_cast<Thread*>(o));
      break;
    default:
      break;
    }
  }
}

// Marks values of ephemeron entries whose keys became reachable, until nothing changes.
static void convergeEphemerons(Thread* L) {
  Global* g = L->g;
  bool changed;
  do {
    changed = false;
    for (std::size_t k = 0; k < g->ephemerons.size(); k++) {
      Table* t = g->ephemerons[k];
      for (std::uint32_t i = 0; i < t->hcap; i++) {
        Node& n = t->node[i];
        if (!n.val.isNil() && n.val.isCollectable() && !isMarked(n.val) && !isCleared(g, n.key)) {
          markObject(g, n.val.gc);
          changed = true;
        }
      }
    }
    propagate(L);
  } while (changed);
}

static void clearByValues(Global* g, std::vector<Table*>& list) {
  for (Table* t : list) {
    if (!(t->weakMode & 2))
      continue;
    for (std::uint32_t i = 0; i < t->asize; i++)
      if (isCleared(g, t->array[i]))
        t->array[i] = Value();
    for (std::uint32_t i = 0; i < t->hcap; i++)
      if (!t->node[i].val.isNil() && isCleared(g, t->node[i].val))
        t->node[i].val = Value();
    killDeadKeys(t);
  }
}

static void clearByKeys(Global* g, std::vector<Table*>& list) {
  for (Table* t : list) {
    if (!(t->weakMode & 1))
      continue;
    for (std::uint32_t i = 0; i < t->hcap; i++)
      if (!t->node[i].val.isNil() && isCleared(g, t->node[i].key))
        t->node[i].val = Value();
    killDeadKeys(t);
  }
}

static void markRoots(Thread* L) {
  Global* g = L->g;
  markObject(g, g->mainThread);
  markObject(g, g->registry);
  markObject(g, L);
  if (g->running)
    markObject(g, g->running);
  for (Table* mt : g->typeMt)
    if (mt)
      markObject(g, mt);
  for (GCObject* o = g->tobefnz; o; o = o->next)
    markObject(g, o);
}

static void sweepList(Global* g, GCObject** list) {
  while (GCObject* o = *list) {
    if (o->marked & (kMarkBit | kFixedBit)) {
      o->marked &= static_cast<std::uint8_t>(~kMarkBit);
      list = &o->next;
    } else {
      *list = o->next;
      freeObject(g, o);
    }
  }
}

static void closeDeadThreadUpvals(Thread* coroutines) {
  for (Thread* th = coroutines; th; th = th->coNext) {
    if (th->marked & kMarkBit)
      continue;
    for (UpVal* u = th->openupval; u; u = u->openNext) {
      u->closed = *u->v;
      u->v = &u->closed;
    }
    th->openupval = nullptr;
  }
}

static void callPendingFinalizers(Thread* L) {
  Global* g = L->g;
  while (GCObject* o = g->tobefnz) {
    g->tobefnz = o->next;
    o->next = g->allgc;
    g->allgc = o;
    o->marked &= static_cast<std::uint8_t>(~kFinalizeBit);
    Value obj = Value::object(o, o->tt);
    const Value* tm = tmByObj(L, obj, TM_GC);
    if (!tm || tm->isNil())
      continue;
    Value f = *tm;
    ensureStack(L, 3);
    std::ptrdiff_t func = L->stop;
    L->stack[L->stop++] = f;
    L->stack[L->stop++] = obj;
    std::ptrdiff_t oldErrfunc = L->errfunc;
    // Errors in finalizers are ignored (Lua turns them into warnings). A finalizer runs wherever
    // an allocation started the collection: a yield would suspend that code at a random point.
    Thread* oldFinalizing = g->finalizing;
    g->finalizing = L;
    Status st = pcallValue(L, func, 0, 0);
    g->finalizing = oldFinalizing;
    L->errfunc = oldErrfunc;
    if (st != Status::Ok)
      L->stop = func;
  }
}

void fullGC(Thread* L) {
  Global* g = L->g;
  if (g->gcRunning)
    return;
  g->gcRunning = true;
  g->gray.clear();
  g->weak.clear();
  g->ephemerons.clear();
  markRoots(L);
  propagate(L);
  convergeEphemerons(L);
  clearByValues(g, g->weak);
  clearByValues(g, g->ephemerons);
  // Unreachable objects with finalizers are resurrected until their finalizer has run.
  GCObject** p = &g->finobj;
  GCObject** lastTbf = &g->tobefnz;
  while (*lastTbf)
    lastTbf = &(*lastTbf)->next;
  while (GCObject* o = *p) {
    if (o->marked & kMarkBit) {
      p = &o->next;
    } else {
      *p = o->next;
      o->next = nullptr;
      *lastTbf = o;
      lastTbf = &o->next;
    }
  }
  for (GCObject* o = g->tobefnz; o; o = o->next)
    markObject(g, o);
  propagate(L);
  convergeEphemerons(L);
  clearByKeys(g, g->weak);
  clearByKeys(g, g->ephemerons);
  clearByValues(g, g->weak);
  clearByValues(g, g->ephemerons);
  closeDeadThreadUpvals(g->coroutines);
  sweepList(g, &g->allgc);
  sweepList(g, &g->finobj);
  trimFreeBlocks(g);
  for (GCObject* o = g->tobefnz; o; o = o->next)
    o->marked &= static_cast<std::uint8_t>(~kMarkBit);
  g->mainThread->marked &= static_cast<std::uint8_t>(~kMarkBit); // not on any list
  // Next collection when the heap has grown by kGcPausePercent of what survived (Lua 5.4 collects
  // incrementally at 200%; a stop-the-world collector peaks higher, so it starts earlier).
  std::size_t growth = g->totalBytes / 100 * kGcPausePercent;
  g->gcThreshold = g->totalBytes + (growth < kGcMinGrowth ? kGcMinGrowth : growth);
  // Under a memory limit, collect before reaching it rather than failing with garbage around.
  if (g->memLimit != 0 && g->gcThreshold > g->memLimit - g->memLimit / 8)
    g->gcThreshold = g->memLimit - g->memLimit / 8;
  g->gcRunning = false;
  callPendingFinalizers(L);
}

void checkGC(Thread* L) {
  Global* g = L->g;
  if (g->totalBytes >= g->gcThreshold && !g->gcStopped && !g->gcRunning)
    fullGC(L);
}

void checkFinalizer(Thread* L, GCObject* o, Table* mt) {
  Global* g = L->g;
  if ((o->marked & kFinalizeBit) || !mt || !fastTm(L, mt, TM_GC) || g->closing)
    return;
  // Move o from allgc to finobj.
  GCObject** p = &g->allgc;
  while (*p != o)
    p = &(*p)->next;
  *p = o->next;
  o->next = g->finobj;
  g->finobj = o;
  o->marked |= kFinalizeBit;
}

void freeAll(Global* g) {
  Thread* L = g->mainThread;
  // Run every pending finalizer, as lua_close does.
  g->closing = true;
  while (GCObject* o = g->finobj) {
    g->finobj = o->next;
    o->next = g->tobefnz;
    g->tobefnz = o;
  }
  L->ci = &L->baseCi;
  L->stop = 1;
  L->errfunc = 0;
  try {
    callPendingFinalizers(L);
  } catch (const LuaError&) {
  }
  // Coroutines first: unwinding their fibers must see a consistent heap.
  for (GCObject* o = g->allgc; o; o = o->next)
    if (o->tt == Tag::Thread)
      destroyFiber(static_cast<Thread*>(o));
  for (GCObject* list : {g->allgc, g->finobj, g->tobefnz}) {
    while (list) {
      GCObject* nx = list->next;
      if (list != L)
        freeObject(g, list);
      list = nx;
    }
  }
  g->allgc = g->finobj = g->tobefnz = nullptr;
}

} // namespace sloth::vm
