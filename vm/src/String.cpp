// Strings: interning of short strings (so equality is a pointer compare) and hashing.
#include "Internal.h"

#include <cstring>

namespace sloth::vm {

const char* typeName(Type t) {
  switch (t) {
  case Type::None:
    return "no value";
  case Type::Nil:
    return "nil";
  case Type::Boolean:
    return "boolean";
  case Type::LightUserdata:
    return "userdata";
  case Type::Number:
    return "number";
  case Type::String:
    return "string";
  case Type::Table:
    return "table";
  case Type::Function:
    return "function";
  case Type::Userdata:
    return "userdata";
  case Type::Thread:
    return "thread";
  }
  return "?";
}

static std::uint32_t hashBytes(const char* s, std::size_t l, std::uint32_t seed) {
  std::uint32_t h = seed ^ static_cast<std::uint32_t>(l);
  for (; l > 0; l--)
    h ^= ((h << 5) + (h >> 2) + static_cast<unsigned char>(s[l - 1]));
  return h;
}

static LString* allocString(Thread* L, std::string_view s, std::uint32_t h) {
  std::size_t size = lstringSize(s.size());
  void* mem = rawAlloc(L, size);
  auto* ts = new (mem) LString();
  ts->len = s.size();
  ts->hash = h;
  if (!s.empty())
    std::memcpy(ts->data, s.data(), s.size());
  ts->data[s.size()] = '\0';
  return ts;
}

static void resizeStrings(Global* g, std::size_t nsize) {
  std::vector<LString*> nt(nsize, nullptr);
  for (LString* p : g->strt) {
    while (p) {
      LString* nx = p->hnext;
      std::size_t h = p->hash & (nsize - 1);
      p->hnext = nt[h];
      nt[h] = p;
      p = nx;
    }
  }
  g->strt.swap(nt);
}

LString* newString(Thread* L, std::string_view s) {
  Global* g = L->g;
  if (s.size() > kMaxShortLen) {
    LString* ts = allocString(L, s, 0);
    linkObject(g, ts, Tag::LongString);
    return ts;
  }
  std::uint32_t h = hashBytes(s.data(), s.size(), g->seed);
  if (g->strt.empty())
    resizeStrings(g, 128);
  for (LString* p = g->strt[h & (g->strt.size() - 1)]; p; p = p->hnext) {
    // (An empty view may have no data pointer, which memcmp may not be given even for 0 bytes.)
    if (p->len == s.size() && (s.empty() || std::memcmp(p->data, s.data(), s.size()) == 0)) {
      // A string found dead-but-unswept cannot exist: the collector is stop-the-world.
      return p;
    }
  }
  if (g->strcount >= g->strt.size())
    resizeStrings(g, g->strt.size() * 2);
  LString* ts = allocString(L, s, h);
  ts->hasHash = 1;
  std::size_t b = h & (g->strt.size() - 1);
  ts->hnext = g->strt[b];
  g->strt[b] = ts;
  g->strcount++;
  linkObject(g, ts, Tag::ShortString);
  return ts;
}

LString* newLongString(Thread* L, std::size_t len) {
  void* mem = rawAlloc(L, lstringSize(len));
  auto* ts = new (mem) LString();
  ts->len = len;
  ts->data[len] = '\0';
  linkObject(L->g, ts, Tag::LongString);
  return ts;
}

LString* newFixedString(Thread* L, std::string_view s) {
  LString* ts = newString(L, s);
  ts->marked |= kFixedBit;
  ts->reserved = 1;
  return ts;
}

void removeShortString(Global* g, LString* s) {
  LString** p = &g->strt[s->hash & (g->strt.size() - 1)];
  while (*p != s)
    p = &(*p)->hnext;
  *p = s->hnext;
  g->strcount--;
}

std::uint32_t stringHash(LString* s) {
  if (!s->hasHash) {
    s->hash = hashBytes(s->data, s->len, 0x9E3779B9u);
    s->hasHash = 1;
  }
  return s->hash;
}

bool stringEq(const LString* a, const LString* b) {
  if (a == b)
    return true;
  if (a->tt != b->tt || a->tt == Tag::ShortString)
    return false;
  return a->len == b->len && std::memcmp(a->data, b->data, a->len) == 0;
}

} // namespace sloth::vm
