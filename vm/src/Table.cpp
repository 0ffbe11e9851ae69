// Tables: an array part for keys 1..asize and an open-addressing hash part.
#include "Internal.h"

#include <cmath>
#include <cstdlib>
#include <cstring>

namespace sloth::vm {

const Value kAbsent;

static std::uint64_t mix(std::uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  return x;
}

static std::uint64_t hashKey(const Value& k) {
  switch (k.tt) {
  case Tag::Integer:
    return mix(static_cast<std::uint64_t>(k.i));
  case Tag::Float: {
    std::uint64_t bits;
    std::memcpy(&bits, &k.n, sizeof bits);
    return mix(bits);
  }
  case Tag::Boolean:
    return k.b ? 1 : 2;
  case Tag::ShortString: // hashed when interned
    return k.str()->hash;
  case Tag::LongString:
    return stringHash(k.str());
  default:
    return mix(reinterpret_cast<std::uintptr_t>(k.p));
  }
}

// Key equality for lookups; dead keys never match (deadOk: match them by identity, for next()).
static bool keyEq(const Value& a, const Value& b, bool deadOk = false) {
  if (a.tt != b.tt) {
    if (deadOk && a.tt == Tag::DeadKey && b.isCollectable())
      return a.gc == b.gc;
    return false;
  }
  switch (a.tt) {
  case Tag::Integer:
    return a.i == b.i;
  case Tag::Float:
    return a.n == b.n;
  case Tag::Boolean:
    return a.b == b.b;
  case Tag::LongString:
    return stringEq(a.str(), b.str());
  case Tag::DeadKey:
    return false;
  default:
    return a.p == b.p;
  }
}

Table* newTable(Thread* L) {
  return newObject<Table>(L, Tag::Table, sizeof(Table));
}

std::size_t tableBytes(const Table* t) {
  return sizeof(Table) + t->asize * sizeof(Value) + t->hcap * sizeof(Node);
}

void freeTable(Global* g, Table* t) {
  if (t->array)
    rawFree(g, t->array, t->asize * sizeof(Value));
  if (t->node)
    rawFree(g, t->node, t->hcap * sizeof(Node));
  t->~Table();
  rawFree(g, t, sizeof(Table));
}

static Node* findNode(Table* t, const Value& key, bool deadOk = false) {
  if (t->hcap == 0)
    return nullptr;
  std::uint32_t mask = t->hcap - 1;
  for (std::uint32_t i = static_cast<std::uint32_t>(hashKey(key)) & mask;; i = (i + 1) & mask) {
    Node* n = &t->node[i];
    if (n->key.isNil())
      return nullptr;
    if (keyEq(n->key, key, deadOk))
      return n;
  }
}

const Value* tableGetIntHash(Table* t, std::int64_t key) {
  Node* n = findNode(t, Value::integer(key));
  return n ? &n->val : &kAbsent;
}

const Value* tableGetLongStr(Table* t, LString* key) {
  Node* n = findNode(t, strValue(key));
  return n ? &n->val : &kAbsent;
}

const Value* tableGet(Table* t, const Value& key) {
  switch (key.tt) {
  case Tag::Integer:
    return tableGetInt(t, key.i);
  case Tag::ShortString:
    return tableGetStr(t, key.str());
  case Tag::Nil:
    return &kAbsent;
  case Tag::Float: {
    std::int64_t k;
    if (floatToInt(key.n, k, F2I::Eq))
      return tableGetInt(t, k);
    break;
  }
  default:
    break;
  }
  Node* n = findNode(t, key);
  return n ? &n->val : &kAbsent;
}

// Lua's computesizes: the largest power of two n such that more than n/2 of 1..n are in use.
static std::uint32_t computeArraySize(const std::uint32_t nums[], std::uint32_t& narray) {
  std::uint32_t a = 0, na = 0, optimal = 0;
  for (int i = 0; i < 32 && (1u << i) > 0 && narray > (1u << i) / 2; i++) {
    a += nums[i];
    if (a > (1u << i) / 2) {
      optimal = 1u << i;
      na = a;
    }
  }
  narray = na;
  return optimal;
}

static int ceilLog2(std::uint64_t x) {
  int l = 0;
  x--;
  while (x > 0) {
    l++;
    x >>= 1;
  }
  return l;
}

static void countInt(const Value& key, std::uint32_t nums[], std::uint32_t& total) {
  if (key.tt == Tag::Integer && key.i >= 1 && key.i <= (1 << 30)) {
    nums[ceilLog2(static_cast<std::uint64_t>(key.i))]++;
    total++;
  }
}

// The array part is resized in place (realloc): growing a large array keeps its pages, where a
// fresh block plus a copy cost a page fault per 4 KiB and doubled the peak memory.
void tableResize(Thread* L, Table* t, std::uint32_t asize, std::uint32_t hsize) {
  std::uint32_t hcap = 0;
  if (hsize > 0) {
    hcap = 4;
    while (hcap * 3 / 4 < hsize)
      hcap *= 2;
  }
  Node* nnode = nullptr;
  if (hcap > 0) {
    nnode = static_cast<Node*>(rawAlloc(L, hcap * sizeof(Node)));
    for (std::uint32_t i = 0; i < hcap; i++)
      new (&nnode[i]) Node();
  }
  std::uint32_t oasize = t->asize;
  if (asize > oasize) {
    Value* narray;
    try {
      narray = static_cast<Value*>(
          rawRealloc(L, t->array, oasize * sizeof(Value), asize * sizeof(Value)));
    } catch (...) {
      if (nnode)
        rawFree(L->g, nnode, hcap * sizeof(Node));
      throw;
    }
    for (std::uint32_t i = oasize; i < asize; i++)
      new (&narray[i]) Value();
    t->array = narray;
  } else if (asize < oasize) {
    // The block shrinks after its tail moved to the hash part; account for it now.
    L->g->totalBytes -= (oasize - asize) * sizeof(Value);
  }
  Value* oarray = t->array;
  Node* onode = t->node;
  std::uint32_t ohcap = t->hcap;
  t->asize = asize;
  t->node = nnode;
  t->hcap = hcap;
  t->hused = 0;
  // Reinsertion cannot fail or trigger a resize: the new parts are large enough.
  for (std::uint32_t i = asize; i < oasize; i++)
    if (!oarray[i].isNil())
      tableSetInt(L, t, static_cast<std::int64_t>(i) + 1, oarray[i]);
  for (std::uint32_t i = 0; i < ohcap; i++)
    if (!onode[i].val.isNil())
      tableSet(L, t, onode[i].key, onode[i].val);
  if (onode)
    rawFree(L->g, onode, ohcap * sizeof(Node));
  if (asize < oasize) {
    if (t->asize == 0) {
      std::free(t->array);
      t->array = nullptr;
    } else if (void* p = std::realloc(t->array, t->asize * sizeof(Value))) {
      t->array = static_cast<Value*>(p);
    }
  }
}

// Called when the hash part is full: recompute both parts' sizes for the live keys plus `extra`.
static void rehash(Thread* L, Table* t, const Value& extra) {
  std::uint32_t nums[33] = {};
  std::uint32_t total = 0, nint = 0;
  for (std::uint32_t i = 0; i < t->asize; i++) {
    if (!t->array[i].isNil()) {
      nums[ceilLog2(i + 1)]++;
      nint++;
    }
  }
  total = nint;
  std::uint32_t hashLive = 0;
  for (std::uint32_t i = 0; i < t->hcap; i++) {
    if (!t->node[i].val.isNil()) {
      hashLive++;
      countInt(t->node[i].key, nums, nint);
    }
  }
  countInt(extra, nums, nint);
  total += hashLive + 1;
  std::uint32_t na = nint;
  std::uint32_t asize = computeArraySize(nums, na);
  tableResize(L, t, asize, total - na);
}

static Node* insertNode(Thread* L, Table* t, const Value& key) {
  if ((t->hused + 1) * 4 > t->hcap * 3) {
    rehash(L, t, key);
    if (key.tt == Tag::Integer && static_cast<std::uint64_t>(key.i) - 1u < t->asize)
      return nullptr; // now belongs to the array part
  }
  std::uint32_t mask = t->hcap - 1;
  for (std::uint32_t i = static_cast<std::uint32_t>(hashKey(key)) & mask;; i = (i + 1) & mask) {
    Node* n = &t->node[i];
    if (n->key.isNil()) {
      t->hused++;
      n->key = key;
      return n;
    }
    if (n->val.isNil()) { // a removed entry: reuse it
      n->key = key;
      return n;
    }
  }
}

void tableSetInt(Thread* L, Table* t, std::int64_t key, const Value& val) {
  t->flags = 0;
  if (static_cast<std::uint64_t>(key) - 1u < t->asize) {
    t->array[key - 1] = val;
    return;
  }
  Value k = Value::integer(key);
  if (Node* n = findNode(t, k)) {
    n->val = val;
    return;
  }
  if (val.isNil())
    return;
  if (Node* n = insertNode(L, t, k))
    n->val = val;
  else
    t->array[key - 1] = val;
}

void tableSet(Thread* L, Table* t, const Value& key, const Value& val) {
  switch (key.tt) {
  case Tag::Integer:
    tableSetInt(L, t, key.i, val);
    return;
  case Tag::Nil:
    runError(L, "table index is nil");
  case Tag::Float: {
    std::int64_t k;
    if (floatToInt(key.n, k, F2I::Eq)) {
      tableSetInt(L, t, k, val);
      return;
    }
    if (std::isnan(key.n))
      runError(L, "table index is NaN");
    break;
  }
  default:
    break;
  }
  t->flags = 0;
  if (Node* n = findNode(t, key)) {
    n->val = val;
    return;
  }
  if (val.isNil())
    return;
  insertNode(L, t, key)->val = val;
}

// Border search in the hash part beyond j (Lua's hash_search).
static std::int64_t hashSearch(Table* t, std::uint64_t j) {
  std::uint64_t i;
  if (j == 0)
    j++;
  do {
    i = j;
    if (j <= static_cast<std::uint64_t>(INT64_MAX) / 2)
      j *= 2;
    else {
      j = INT64_MAX;
      if (tableGetInt(t, static_cast<std::int64_t>(j))->isNil())
        break;
      return static_cast<std::int64_t>(j);
    }
  } while (!tableGetInt(t, static_cast<std::int64_t>(j))->isNil());
  while (j - i > 1u) {
    std::uint64_t m = (i + j) / 2;
    if (tableGetInt(t, static_cast<std::int64_t>(m))->isNil())
      j = m;
    else
      i = m;
  }
  return static_cast<std::int64_t>(i);
}

std::int64_t tableLength(Table* t) {
  std::uint32_t limit = t->asize;
  if (limit > 0 && t->array[limit - 1].isNil()) {
    // A border exists in the array part. Try the last one found and its neighbours first
    // (appends and removals at the end move it by one), then binary search.
    const Value* a = t->array;
    std::uint32_t h = t->lenHint < limit ? t->lenHint : 0;
    if (a[h].isNil()) {
      if (h == 0 || !a[h - 1].isNil())
        return h;
      if (h == 1 || !a[h - 2].isNil())
        return t->lenHint = h - 1;
    } else if (h + 1 < limit && a[h + 1].isNil()) {
      return t->lenHint = h + 1;
    }
    std::uint32_t i = 0, j = limit;
    while (j - i > 1u) {
      std::uint32_t m = (i + j) / 2;
      if (a[m - 1].isNil())
        j = m;
      else
        i = m;
    }
    return t->lenHint = i;
  }
  if (t->hcap == 0 || tableGetInt(t, static_cast<std::int64_t>(limit) + 1)->isNil())
    return limit;
  return hashSearch(t, limit);
}

bool tableNext(Thread* L, Table* t, Value* kv) {
  std::uint64_t i = 0;
  const Value& key = kv[0];
  if (key.isNil()) {
    i = 0;
  } else {
    std::int64_t ik;
    bool isInt = key.tt == Tag::Integer ? (ik = key.i, true)
                                        : (key.tt == Tag::Float && floatToInt(key.n, ik, F2I::Eq));
    if (isInt && static_cast<std::uint64_t>(ik) - 1u < t->asize) {
      i = static_cast<std::uint64_t>(ik);
    } else {
      Node* n = findNode(t, isInt ? Value::integer(ik) : key, true);
      if (!n)
        runError(L, "invalid key to 'next'");
      i = t->asize + static_cast<std::uint64_t>(n - t->node) + 1;
    }
  }
  for (; i < t->asize; i++) {
    if (!t->array[i].isNil()) {
      kv[0] = Value::integer(static_cast<std::int64_t>(i) + 1);
      kv[1] = t->array[i];
      return true;
    }
  }
  for (i -= t->asize; i < t->hcap; i++) {
    if (!t->node[i].val.isNil()) {
      kv[0] = t->node[i].key;
      kv[1] = t->node[i].val;
      return true;
    }
  }
  return false;
}

} // namespace sloth::vm
