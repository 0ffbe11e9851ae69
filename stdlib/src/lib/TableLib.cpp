// The table library (Lua 5.4 manual §6.6, ltablib.c): element access goes through lua_geti /
// lua_seti semantics, so tables with __index/__newindex/__len metamethods work too.
#include "LibSupport.h"

#include "sloth/stdlib/Stdlib.h"

#include <fmt/format.h>

#include <climits>
#include <ctime>
#include <string>

namespace sloth::stdlib {

using lib::raiseError;
using vm::Thread;
using vm::Type;

namespace {

constexpr int kRead = 1, kWrite = 2, kLength = 4;
constexpr std::int64_t kMaxInteger = INT64_MAX;

// checktab: a table, or a value whose metatable provides what the function needs.
void checkTable(Thread& L, int arg, int what) {
  if (L.type(arg) == Type::Table)
    return;
  int pushed = 1;
  auto has = [&](const char* field) {
    L.pushString(field);
    pushed++;
    return L.rawGet(-pushed) != Type::Nil;
  };
  if (L.getMetatable(arg) && (!(what & kRead) || has("__index")) &&
      (!(what & kWrite) || has("__newindex")) && (!(what & kLength) || has("__len"))) {
    L.pop(pushed);
    return;
  }
  L.checkType(arg, Type::Table); // raises the error
}

std::int64_t lengthFor(Thread& L, int arg, int what) {
  checkTable(L, arg, what | kLength);
  return lib::lengthOf(L, arg);
}

int tabInsert(Thread& L) {
  std::int64_t e = lengthFor(L, 1, kRead | kWrite);
  e = static_cast<std::int64_t>(static_cast<std::uint64_t>(e) + 1u); // first empty element
  std::int64_t pos;
  switch (L.top()) {
  case 2:
    pos = e;
    break;
  case 3: {
    pos = L.checkInteger(2);
    if (static_cast<std::uint64_t>(pos) - 1u >= static_cast<std::uint64_t>(e))
      L.argError(2, "position out of bounds");
    for (std::int64_t i = e; i > pos; i--) { // move up elements
      L.getI(1, i - 1);
      L.setI(1, i);
    }
    break;
  }
  default:
    raiseError(L, "wrong number of arguments to 'insert'");
  }
  L.setI(1, pos);
  return 0;
}

int tabRemove(Thread& L) {
  std::int64_t size = lengthFor(L, 1, kRead | kWrite);
  std::int64_t pos = L.optInteger(2, size);
  // lua5.4 (5.4.4) names argument #1 here, not the position.
  if (pos != size && static_cast<std::uint64_t>(pos) - 1u > static_cast<std::uint64_t>(size))
    L.argError(1, "position out of bounds");
  L.getI(1, pos);
  for (; pos < size; pos++) {
    L.getI(1, pos + 1);
    L.setI(1, pos);
  }
  L.pushNil();
  L.setI(1, pos);
  return 1;
}

int tabMove(Thread& L) {
  std::int64_t f = L.checkInteger(2);
  std::int64_t e = L.checkInteger(3);
  std::int64_t t = L.checkInteger(4);
  int tt = !L.isNoneOrNil(5) ? 5 : 1; // destination table
  checkTable(L, 1, kRead);
  checkTable(L, tt, kWrite);
  if (e >= f) {
    if (!(f > 0 || e < kMaxInteger + f))
      L.argError(3, "too many elements to move");
    std::int64_t n = e - f + 1;
    if (t > kMaxInteger - n + 1)
      L.argError(4, "destination wrap around");
    if (t > e || t <= f || (tt != 1 && !L.compare(1, tt, vm::CompareOp::Eq))) {
      for (std::int64_t i = 0; i < n; i++) {
        L.getI(1, f + i);
        L.setI(tt, t + i);
      }
    } else {
      for (std::int64_t i = n - 1; i >= 0; i--) {
        L.getI(1, f + i);
        L.setI(tt, t + i);
      }
    }
  }
  L.pushValue(tt);
  return 1;
}

void addField(Thread& L, std::string& out, std::int64_t i) {
  L.getI(1, i);
  std::string_view s;
  if ((L.type(-1) != Type::String && L.type(-1) != Type::Number) || !L.toStringView(-1, s))
    raiseError(L, fmt::format("invalid value ({}) at index {} in table for 'concat'",
                              lib::basicTypeName(L, -1), i));
  out.append(s);
  L.pop();
}

int tabConcat(Thread& L) {
  std::int64_t last = lengthFor(L, 1, kRead);
  std::string sep(L.optString(2, ""));
  std::int64_t i = L.optInteger(3, 1);
  last = L.optInteger(4, last);
  std::string out;
  for (; i < last; i++) {
    addField(L, out, i);
    out.append(sep);
    if ((i & 0xFFF) == 0)
      L.pollInterrupt(); // a huge range stops when the run is interrupted or the task timed out
  }
  if (i == last)
    addField(L, out, i);
  L.pushString(out);
  return 1;
}

int tabPack(Thread& L) {
  int n = L.top();
  L.newTable(n, 1);
  L.insert(1);
  for (int i = n; i >= 1; i--)
    L.setI(1, i);
  L.pushInteger(n);
  L.setField(1, "n");
  return 1;
}

int tabUnpack(Thread& L) {
  std::int64_t i = L.optInteger(2, 1);
  std::int64_t e = L.isNoneOrNil(3) ? lib::lengthOf(L, 1) : L.checkInteger(3);
  if (i > e)
    return 0;
  std::uint64_t n = static_cast<std::uint64_t>(e) - static_cast<std::uint64_t>(i);
  if (n >= static_cast<std::uint64_t>(INT_MAX) ||
      n + 1 + static_cast<std::uint64_t>(L.top()) >= static_cast<std::uint64_t>(vm::kMaxStack) / 2)
    raiseError(L, "too many results to unpack");
  L.checkStack(static_cast<int>(n + 1));
  for (; i < e; i++)
    L.getI(1, i);
  L.getI(1, e);
  return static_cast<int>(n + 1);
}

int tabGetn(Thread& L) {
  // Lua 5.1's table.getn(t): #t.
  L.pushInteger(lengthFor(L, 1, kRead));
  return 1;
}

// ---- sort: ltablib.c's quicksort, including its checks for inconsistent comparators ----

using Index = unsigned int;
constexpr Index kRandomizeLimit = 100u; // RANLIMIT

// Whether a < b, for the values at stack indices a and b (negative, relative to the top).
bool sortLess(Thread& L, int a, int b) {
  L.pollInterrupt(); // a huge sort stops when the run is interrupted or the task timed out
  if (L.isNil(2))
    return L.compare(a, b, vm::CompareOp::Lt);
  L.pushValue(2);
  L.pushValue(a - 1); // -1 for the function just pushed
  L.pushValue(b - 2); // -2 for the function and 'a'
  L.call(2, 1);
  bool result = L.toBoolean(-1);
  L.pop();
  return result;
}

void set2(Thread& L, Index i, Index j) {
  L.setI(1, i);
  L.setI(1, j);
}

[[noreturn]] void invalidOrder(Thread& L) {
  raiseError(L, "invalid order function for sorting");
}

Index partition(Thread& L, Index lo, Index up) {
  Index i = lo;     // incremented before first use
  Index j = up - 1; // decremented before first use
  // invariant: a[lo .. i] <= P <= a[j .. up], a[up - 1] == P
  for (;;) {
    while (L.getI(1, ++i), sortLess(L, -1, -2)) {
      if (i == up - 1) // a[i] < P but a[up - 1] == P
        invalidOrder(L);
      L.pop();
    }
    while (L.getI(1, --j), sortLess(L, -3, -1)) {
      if (j < i) // j < i but a[j] > P
        invalidOrder(L);
      L.pop();
    }
    if (j < i) {
      L.pop();
      set2(L, up - 1, i);
      return i;
    }
    set2(L, i, j);
  }
}

Index choosePivot(Index lo, Index up, unsigned int rnd) {
  Index r4 = (up - lo) / 4;
  return rnd % (r4 * 2) + (lo + r4);
}

unsigned int randomizePivot() {
  // Like l_randomizePivot: clock and time mixed, so adversarial inputs cannot force n^2.
  std::clock_t c = std::clock();
  std::time_t t = std::time(nullptr);
  return static_cast<unsigned int>(c) + static_cast<unsigned int>(t);
}

void auxSort(Thread& L, Index lo, Index up, unsigned int rnd) {
  while (lo < up) { // loop for tail recursion
    L.getI(1, lo);
    L.getI(1, up);
    if (sortLess(L, -1, -2)) // a[up] < a[lo]?
      set2(L, lo, up);
    else
      L.pop(2);
    if (up - lo == 1)
      break;
    Index p = (up - lo < kRandomizeLimit || rnd == 0) ? (lo + up) / 2 : choosePivot(lo, up, rnd);
    L.getI(1, p);
    L.getI(1, lo);
    if (sortLess(L, -2, -1)) { // a[p] < a[lo]?
      set2(L, p, lo);
    } else {
      L.pop();
      L.getI(1, up);
      if (sortLess(L, -1, -2)) // a[up] < a[p]?
        set2(L, p, up);
      else
        L.pop(2);
    }
    if (up - lo == 2)
      break;
    L.getI(1, p); // the pivot
    L.pushValue(-1);
    L.getI(1, up - 1);
    set2(L, p, up - 1);
    p = partition(L, lo, up);
    Index n;
    if (p - lo < up - p) { // lower interval is shorter
      auxSort(L, lo, p - 1, rnd);
      n = p - lo;
      lo = p + 1;
    } else {
      auxSort(L, p + 1, up, rnd);
      n = up - p;
      up = p - 1;
    }
    if ((up - lo) / 128 > n) // partition too imbalanced: randomize
      rnd = randomizePivot();
  }
}

int tabSort(Thread& L) {
  std::int64_t n = lengthFor(L, 1, kRead | kWrite);
  if (n > 1) {
    if (n >= INT_MAX)
      L.argError(1, "array too big");
    if (!L.isNoneOrNil(2))
      L.checkType(2, Type::Function);
    L.setTop(2);
    auxSort(L, 1, static_cast<Index>(n), 0);
  }
  return 0;
}

} // namespace

void openTable(Thread& L) {
  lib::newLibrary(L, "table",
                  {{"concat", tabConcat},
                   {"insert", tabInsert},
                   {"pack", tabPack},
                   {"unpack", tabUnpack},
                   {"remove", tabRemove},
                   {"move", tabMove},
                   {"sort", tabSort},
                   // Lua 5.1 compatibility.
                   {"getn", tabGetn}});
  L.pop();
  // Lua 5.1's global unpack is table.unpack.
  L.pushNative(tabUnpack, 0, "unpack");
  L.setGlobal("unpack");
}

} // namespace sloth::stdlib
