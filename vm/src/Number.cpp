// Numbers: string <-> number conversions and arithmetic with Lua 5.4's exact semantics.
#include "Internal.h"

#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace sloth::vm {

static bool isSpace(char c) {
  return std::isspace(static_cast<unsigned char>(c)) != 0;
}

// Integer syntax: decimal (fails on overflow, so the float reading takes over) or hexadecimal
// (wraps around, as in Lua).
static bool strToInt(std::string_view s, std::int64_t& out) {
  std::size_t i = 0, n = s.size();
  while (i < n && isSpace(s[i]))
    i++;
  bool neg = false;
  if (i < n && (s[i] == '-' || s[i] == '+')) {
    neg = s[i] == '-';
    i++;
  }
  std::uint64_t a = 0;
  bool empty = true;
  if (i + 1 < n && s[i] == '0' && (s[i + 1] == 'x' || s[i + 1] == 'X')) {
    i += 2;
    for (; i < n && std::isxdigit(static_cast<unsigned char>(s[i])); i++) {
      int d = std::isdigit(static_cast<unsigned char>(s[i]))
                  ? s[i] - '0'
                  : (std::tolower(static_cast<unsigned char>(s[i])) - 'a' + 10);
      a = a * 16 + static_cast<std::uint64_t>(d);
      empty = false;
    }
  } else {
    const std::uint64_t maxby10 = static_cast<std::uint64_t>(INT64_MAX) / 10;
    const int maxlastd = static_cast<int>(static_cast<std::uint64_t>(INT64_MAX) % 10);
    for (; i < n && std::isdigit(static_cast<unsigned char>(s[i])); i++) {
      int d = s[i] - '0';
      if (a >= maxby10 && (a > maxby10 || d > maxlastd + (neg ? 1 : 0)))
        return false; // overflow: not accepted as an integer
      a = a * 10 + static_cast<std::uint64_t>(d);
      empty = false;
    }
  }
  while (i < n && isSpace(s[i]))
    i++;
  if (empty || i != n)
    return false;
  out = static_cast<std::int64_t>(neg ? 0u - a : a);
  return true;
}

static bool strToFloat(std::string_view s, double& out) {
  // 'inf' and 'nan' are not numerals in Lua.
  if (s.find_first_of("nN") != std::string_view::npos)
    return false;
  if (s.size() > 200 || s.find('\0') != std::string_view::npos)
    return false;
  char buf[201];
  std::memcpy(buf, s.data(), s.size());
  buf[s.size()] = '\0';
  char* end;
  double d = std::strtod(buf, &end);
  if (end == buf)
    return false;
  while (*end && isSpace(*end))
    end++;
  if (*end != '\0')
    return false;
  out = d;
  return true;
}

bool stringToNumber(std::string_view s, Value& out) {
  std::int64_t i;
  if (strToInt(s, i)) {
    out = Value::integer(i);
    return true;
  }
  double d;
  if (strToFloat(s, d)) {
    out = Value::number(d);
    return true;
  }
  return false;
}

std::size_t formatNumber(const Value& v, char (&buf)[kNumberBufSize]) {
  if (v.tt == Tag::Integer) // to_chars: what "%lld" prints, without printf's format parsing
    return static_cast<std::size_t>(std::to_chars(buf, buf + sizeof buf, v.i).ptr - buf);
  std::snprintf(buf, sizeof buf, "%.14g", v.n);
  // Looks like an integer? Then add ".0" so floats stay recognisable ("1.0", not "inf.0").
  if (buf[std::strspn(buf, "-0123456789")] == '\0')
    std::strcat(buf, ".0");
  return std::strlen(buf);
}

std::string numberToString(const Value& v) {
  char buf[kNumberBufSize];
  return std::string(buf, formatNumber(v, buf));
}

bool floatToInt(double n, std::int64_t& out, F2I mode) {
  double f = std::floor(n);
  if (n != f) {
    if (mode == F2I::Eq)
      return false;
    if (mode == F2I::Ceil)
      f += 1;
  }
  if (!(f >= -9223372036854775808.0 && f < 9223372036854775808.0))
    return false;
  out = static_cast<std::int64_t>(f);
  return true;
}

bool toNumberValue(const Value& v, Value& out) {
  if (v.isNumber()) {
    out = v;
    return true;
  }
  if (v.isString())
    return stringToNumber(v.str()->view(), out);
  return false;
}

bool toInteger(const Value& v, std::int64_t& out, F2I mode) {
  Value n;
  return toNumberValue(v, n) && toIntegerNS(n, out, mode);
}

bool toNumber(const Value& v, double& out) {
  Value n;
  if (!toNumberValue(v, n))
    return false;
  out = n.asFloat();
  return true;
}

double floatMod(double a, double b) {
  double m = std::fmod(a, b);
  // Lua 5.4's luai_nummod: adjust only when the remainder and the divisor differ in sign.
  if ((m > 0) ? b < 0 : (m < 0 && b > 0))
    m += b;
  return m;
}

static std::int64_t wrap(std::uint64_t v) {
  return static_cast<std::int64_t>(v);
}

bool rawArith(Thread* L, ArithOp op, const Value& a, const Value& b, Value& res) {
  switch (op) {
  case ArithOp::BAnd:
  case ArithOp::BOr:
  case ArithOp::BXor:
  case ArithOp::Shl:
  case ArithOp::Shr:
  case ArithOp::BNot: {
    std::int64_t x, y;
    if (!toIntegerNS(a, x) || !toIntegerNS(b, y))
      return false;
    std::uint64_t ux = static_cast<std::uint64_t>(x), uy = static_cast<std::uint64_t>(y);
    switch (op) {
    case ArithOp::BAnd:
      res = Value::integer(wrap(ux & uy));
      break;
    case ArithOp::BOr:
      res = Value::integer(wrap(ux | uy));
      break;
    case ArithOp::BXor:
      res = Value::integer(wrap(ux ^ uy));
      break;
    case ArithOp::Shl:
      res = Value::integer(shiftLeft(x, y));
      break;
    case ArithOp::Shr:
      res = Value::integer(shiftLeft(x, wrap(0u - uy)));
      break;
    default:
      res = Value::integer(wrap(~ux));
      break;
    }
    return true;
  }
  case ArithOp::Div:
  case ArithOp::Pow: {
    if (!a.isNumber() || !b.isNumber())
      return false;
    double x = a.asFloat(), y = b.asFloat();
    res = Value::number(op == ArithOp::Div ? x / y : (y == 2 ? x * x : std::pow(x, y)));
    return true;
  }
  default: {
    if (a.tt == Tag::Integer && b.tt == Tag::Integer) {
      std::uint64_t x = static_cast<std::uint64_t>(a.i), y = static_cast<std::uint64_t>(b.i);
      switch (op) {
      case ArithOp::Add:
        res = Value::integer(wrap(x + y));
        break;
      case ArithOp::Sub:
        res = Value::integer(wrap(x - y));
        break;
      case ArithOp::Mul:
        res = Value::integer(wrap(x * y));
        break;
      case ArithOp::Mod:
        res = Value::integer(intMod(L, a.i, b.i));
        break;
      case ArithOp::IDiv:
        res = Value::integer(intDiv(L, a.i, b.i));
        break;
      case ArithOp::Unm:
        res = Value::integer(wrap(0u - x));
        break;
      default:
        return false;
      }
      return true;
    }
    if (!a.isNumber() || !b.isNumber())
      return false;
    double x = a.asFloat(), y = b.asFloat();
    switch (op) {
    case ArithOp::Add:
      res = Value::number(x + y);
      break;
    case ArithOp::Sub:
      res = Value::number(x - y);
      break;
    case ArithOp::Mul:
      res = Value::number(x * y);
      break;
    case ArithOp::Mod:
      res = Value::number(floatMod(x, y));
      break;
    case ArithOp::IDiv:
      res = Value::number(std::floor(x / y));
      break;
    case ArithOp::Unm:
      res = Value::number(-x);
      break;
    default:
      return false;
    }
    return true;
  }
  }
}

static bool intFitsFloat(std::int64_t i) {
  const std::uint64_t maxExact = std::uint64_t{1} << 53;
  return static_cast<std::uint64_t>(i) + maxExact <= 2 * maxExact;
}

static bool ltIntFloat(std::int64_t i, double f) {
  if (intFitsFloat(i))
    return static_cast<double>(i) < f;
  std::int64_t fi;
  if (floatToInt(f, fi, F2I::Ceil))
    return i < fi;
  return f > 0;
}
static bool leIntFloat(std::int64_t i, double f) {
  if (intFitsFloat(i))
    return static_cast<double>(i) <= f;
  std::int64_t fi;
  if (floatToInt(f, fi, F2I::Floor))
    return i <= fi;
  return f > 0;
}
static bool ltFloatInt(double f, std::int64_t i) {
  if (intFitsFloat(i))
    return f < static_cast<double>(i);
  std::int64_t fi;
  if (floatToInt(f, fi, F2I::Floor))
    return fi < i;
  return f < 0;
}
static bool leFloatInt(double f, std::int64_t i) {
  if (intFitsFloat(i))
    return f <= static_cast<double>(i);
  std::int64_t fi;
  if (floatToInt(f, fi, F2I::Ceil))
    return fi <= i;
  return f < 0;
}

bool numLess(const Value& a, const Value& b) {
  if (a.tt == Tag::Integer)
    return b.tt == Tag::Integer ? a.i < b.i : ltIntFloat(a.i, b.n);
  return b.tt == Tag::Float ? a.n < b.n : ltFloatInt(a.n, b.i);
}

bool numLessEq(const Value& a, const Value& b) {
  if (a.tt == Tag::Integer)
    return b.tt == Tag::Integer ? a.i <= b.i : leIntFloat(a.i, b.n);
  return b.tt == Tag::Float ? a.n <= b.n : leFloatInt(a.n, b.i);
}

} // namespace sloth::vm
