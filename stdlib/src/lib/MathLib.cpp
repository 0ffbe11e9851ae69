// The math library (Lua 5.4 manual §6.7, lmathlib.c), with the functions Lua 5.4 keeps for
// compatibility (cosh, sinh, tanh, pow, frexp, ldexp, log10), as lua5.4 builds provide them.
#include "LibSupport.h"

#include "sloth/stdlib/Stdlib.h"
#include "sloth/stdlib/text/Random.h"

#include <cmath>
#include <ctime>
#include <new>
#include <numbers>
#include <type_traits>

namespace sloth::stdlib {

using lib::withLibErrors;
using vm::Thread;
using vm::Type;

namespace {

// An integer when the float has an exact integer value in range (lmathlib.c pushnumint).
void pushNumInt(Thread& L, double d) {
  if (d >= -9223372036854775808.0 && d < 9223372036854775808.0)
    L.pushInteger(static_cast<std::int64_t>(d));
  else
    L.pushNumber(d);
}

int mathAbs(Thread& L) {
  if (L.isInteger(1)) {
    std::int64_t n = L.toInteger(1);
    if (n < 0)
      n = static_cast<std::int64_t>(0u - static_cast<std::uint64_t>(n));
    L.pushInteger(n);
  } else {
    L.pushNumber(std::fabs(L.checkNumber(1)));
  }
  return 1;
}

int mathFloor(Thread& L) {
  if (L.isInteger(1))
    L.setTop(1);
  else
    pushNumInt(L, std::floor(L.checkNumber(1)));
  return 1;
}

int mathCeil(Thread& L) {
  if (L.isInteger(1))
    L.setTop(1);
  else
    pushNumInt(L, std::ceil(L.checkNumber(1)));
  return 1;
}

int mathFmod(Thread& L) {
  if (L.isInteger(1) && L.isInteger(2)) {
    std::int64_t d = L.toInteger(2);
    if (static_cast<std::uint64_t>(d) + 1u <= 1u) { // -1 or 0
      if (d == 0)
        L.argError(2, "zero");
      L.pushInteger(0); // avoids the overflow of mininteger % -1
    } else {
      L.pushInteger(L.toInteger(1) % d);
    }
  } else {
    L.pushNumber(std::fmod(L.checkNumber(1), L.checkNumber(2)));
  }
  return 1;
}

int mathModf(Thread& L) {
  if (L.isInteger(1)) {
    L.setTop(1);
    L.pushNumber(0);
    return 2;
  }
  double n = L.checkNumber(1);
  double ip = n < 0 ? std::ceil(n) : std::floor(n); // rounds toward zero
  pushNumInt(L, ip);
  L.pushNumber(n == ip ? 0.0 : n - ip); // the test matters for inf/-inf
  return 2;
}

template <double (*F)(double)> int mathUnary(Thread& L) {
  L.pushNumber(F(L.checkNumber(1)));
  return 1;
}

double sqrtOf(double x) {
  return std::sqrt(x);
}
double sinOf(double x) {
  return std::sin(x);
}
double cosOf(double x) {
  return std::cos(x);
}
double tanOf(double x) {
  return std::tan(x);
}
double asinOf(double x) {
  return std::asin(x);
}
double acosOf(double x) {
  return std::acos(x);
}
double expOf(double x) {
  return std::exp(x);
}
double coshOf(double x) {
  return std::cosh(x);
}
double sinhOf(double x) {
  return std::sinh(x);
}
double tanhOf(double x) {
  return std::tanh(x);
}
double log10Of(double x) {
  return std::log10(x);
}

int mathAtan(Thread& L) {
  double y = L.checkNumber(1);
  double x = L.optNumber(2, 1.0);
  L.pushNumber(std::atan2(y, x));
  return 1;
}

int mathLog(Thread& L) {
  double x = L.checkNumber(1);
  double result;
  if (L.isNoneOrNil(2)) {
    result = std::log(x);
  } else {
    double base = L.checkNumber(2);
    if (base == 2.0)
      result = std::log2(x);
    else if (base == 10.0)
      result = std::log10(x);
    else
      result = std::log(x) / std::log(base);
  }
  L.pushNumber(result);
  return 1;
}

int mathPow(Thread& L) {
  double x = L.checkNumber(1);
  double y = L.checkNumber(2);
  L.pushNumber(std::pow(x, y));
  return 1;
}

int mathFrexp(Thread& L) {
  int e = 0;
  L.pushNumber(std::frexp(L.checkNumber(1), &e));
  L.pushInteger(e);
  return 2;
}

int mathLdexp(Thread& L) {
  double x = L.checkNumber(1);
  auto e = static_cast<int>(L.checkInteger(2));
  L.pushNumber(std::ldexp(x, e));
  return 1;
}

int mathToInteger(Thread& L) {
  bool ok = false;
  std::int64_t n = L.toInteger(1, &ok);
  if (ok) {
    L.pushInteger(n);
  } else {
    L.checkAny(1);
    L.pushNil();
  }
  return 1;
}

int mathType(Thread& L) {
  if (L.type(1) == Type::Number) {
    L.pushString(L.isInteger(1) ? "integer" : "float");
  } else {
    L.checkAny(1);
    L.pushNil();
  }
  return 1;
}

int mathUlt(Thread& L) {
  auto a = static_cast<std::uint64_t>(L.checkInteger(1));
  auto b = static_cast<std::uint64_t>(L.checkInteger(2));
  L.pushBoolean(a < b);
  return 1;
}

int mathMin(Thread& L) {
  int n = L.top();
  if (n < 1)
    L.argError(1, "value expected");
  int best = 1;
  for (int i = 2; i <= n; i++)
    if (L.compare(i, best, vm::CompareOp::Lt))
      best = i;
  L.pushValue(best);
  return 1;
}

int mathMax(Thread& L) {
  int n = L.top();
  if (n < 1)
    L.argError(1, "value expected");
  int best = 1;
  for (int i = 2; i <= n; i++)
    if (L.compare(best, i, vm::CompareOp::Lt))
      best = i;
  L.pushValue(best);
  return 1;
}

static_assert(std::is_trivially_destructible_v<text::LuaRandom>, "kept in a userdata");

text::LuaRandom& generator(Thread& L) {
  return *static_cast<text::LuaRandom*>(L.toUserdata(vm::upvalueIndex(1)));
}

int mathRandom(Thread& L) {
  text::LuaRandom& random = generator(L);
  switch (L.top()) {
  case 0:
    L.pushNumber(random.random());
    return 1;
  case 1:
    L.pushInteger(random.random(L.checkInteger(1)));
    return 1;
  case 2: {
    std::int64_t low = L.checkInteger(1);
    std::int64_t up = L.checkInteger(2);
    L.pushInteger(random.random(low, up));
    return 1;
  }
  default:
    lib::raiseError(L, "wrong number of arguments");
  }
}

void seedRandom(Thread& L, text::LuaRandom& random, std::int64_t n1, std::int64_t n2) {
  random.seed(n1, n2);
  L.pushInteger(n1);
  L.pushInteger(n2);
}

// A seed nobody can predict from the script: the time and an address, as Lua's randseed.
void seedRandomly(Thread& L, text::LuaRandom& random) {
  auto n1 = static_cast<std::int64_t>(std::time(nullptr));
  auto n2 = static_cast<std::int64_t>(reinterpret_cast<std::uintptr_t>(&L));
  seedRandom(L, random, n1, n2);
}

int mathRandomSeed(Thread& L) {
  text::LuaRandom& random = generator(L);
  if (L.isNone(1)) {
    seedRandomly(L, random);
  } else {
    std::int64_t n1 = L.checkInteger(1);
    std::int64_t n2 = L.optInteger(2, 0);
    seedRandom(L, random, n1, n2);
  }
  return 2;
}

} // namespace

void openMath(Thread& L) {
  lib::newLibrary(L, "math",
                  {{"abs", mathAbs},
                   {"ceil", mathCeil},
                   {"floor", mathFloor},
                   {"fmod", mathFmod},
                   {"modf", mathModf},
                   {"sqrt", mathUnary<sqrtOf>},
                   {"sin", mathUnary<sinOf>},
                   {"cos", mathUnary<cosOf>},
                   {"tan", mathUnary<tanOf>},
                   {"asin", mathUnary<asinOf>},
                   {"acos", mathUnary<acosOf>},
                   {"atan", mathAtan},
                   {"exp", mathUnary<expOf>},
                   {"log", mathLog},
                   {"tointeger", mathToInteger},
                   {"type", mathType},
                   {"ult", mathUlt},
                   {"min", mathMin},
                   {"max", mathMax},
                   // Kept by Lua 5.4 for compatibility (LUA_COMPAT_MATHLIB).
                   {"cosh", mathUnary<coshOf>},
                   {"sinh", mathUnary<sinhOf>},
                   {"tanh", mathUnary<tanhOf>},
                   {"pow", mathPow},
                   {"frexp", mathFrexp},
                   {"ldexp", mathLdexp},
                   {"log10", mathUnary<log10Of>}});
  int math = L.top();
  L.pushNumber(std::numbers::pi);
  L.setField(math, "pi");
  L.pushNumber(HUGE_VAL);
  L.setField(math, "huge");
  L.pushInteger(INT64_MAX);
  L.setField(math, "maxinteger");
  L.pushInteger(INT64_MIN);
  L.setField(math, "mininteger");
  // random and randomseed share one generator, an upvalue of both.
  auto* random = new (L.newUserdata(sizeof(text::LuaRandom))) text::LuaRandom();
  seedRandomly(L, *random);
  L.pop(2);
  L.pushValue(-1);
  L.pushNative(withLibErrors<mathRandom>, 1, "math.random");
  L.setField(math, "random");
  L.pushNative(withLibErrors<mathRandomSeed>, 1, "math.randomseed");
  L.setField(math, "randomseed");
  L.pop();
}

} // namespace sloth::stdlib
