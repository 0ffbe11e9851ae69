#include "sloth/stdlib/text/StringFormat.h"

#include "sloth/stdlib/text/CharClass.h"
#include "sloth/stdlib/text/LibError.h"
#include "sloth/stdlib/text/LuaNumber.h"

#include <cmath>
#include <cstdio>
#include <cstring>
#include <vector>

namespace sloth::stdlib::text {
namespace {

// Flags Lua accepts per conversion (lstrlib.c L_FMTFLAGS*).
constexpr std::string_view kFlagsFloat = "-+#0 ";
constexpr std::string_view kFlagsHex = "-#0";
constexpr std::string_view kFlagsInt = "-+0 ";
constexpr std::string_view kFlagsUnsigned = "-0";
constexpr std::string_view kFlagsChar = "-";
constexpr std::size_t kMaxFormat = 32; // MAX_FORMAT: a spec must fit with '%', modifier, '\0'

// Lua's checkformat: flags from `flags`, then a width and an optional precision of at most two
// digits each; the spec must then end at the conversion letter.
void checkSpec(const std::string& spec, std::string_view flags, bool allowPrecision) {
  std::size_t i = 1; // skip '%'
  while (i < spec.size() && flags.find(spec[i]) != std::string_view::npos)
    i++;
  auto skipTwoDigits = [&] {
    for (int n = 0; n < 2 && i < spec.size() && isAsciiDigit(spec[i]); n++)
      i++;
  };
  if (i < spec.size() && spec[i] != '0') { // a width cannot start with '0'
    skipTwoDigits();
    if (i < spec.size() && spec[i] == '.' && allowPrecision) {
      i++;
      skipTwoDigits();
    }
  }
  if (i >= spec.size() || !isAsciiAlpha(static_cast<unsigned char>(spec[i])))
    throw LibError("invalid conversion specification: '" + spec + "'");
}

std::string printfToString(const char* spec, auto value) {
  // One pass into a stack buffer covers almost every item; only '%99.99f'-sized ones take two.
  char buffer[128];
  int length = std::snprintf(buffer, sizeof buffer, spec, value);
  if (static_cast<std::size_t>(length) < sizeof buffer)
    return std::string(buffer, static_cast<std::size_t>(length));
  std::string out(static_cast<std::size_t>(length), '\0');
  std::snprintf(out.data(), out.size() + 1, spec, value);
  return out;
}

// `spec` with a length modifier inserted before its conversion letter.
std::string withLengthModifier(const std::string& spec, std::string_view modifier) {
  std::string out = spec.substr(0, spec.size() - 1);
  out += modifier;
  out += spec.back();
  return out;
}

void appendQuotedString(std::string& out, std::string_view s) {
  out += '"';
  for (std::size_t i = 0; i < s.size(); i++) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c == '"' || c == '\\' || c == '\n') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (isAsciiControl(c)) {
      // Three digits when a digit follows, so the escape cannot swallow it.
      bool digitFollows = i + 1 < s.size() && isAsciiDigit(static_cast<unsigned char>(s[i + 1]));
      char buffer[8];
      std::snprintf(buffer, sizeof buffer, digitFollows ? "\\%03d" : "\\%d", c);
      out += buffer;
    } else {
      out += static_cast<char>(c);
    }
  }
  out += '"';
}

void appendLiteral(std::string& out, const FormatArg& value, int argument) {
  switch (value.index()) {
  case 0:
  case 1:
    out += luaToString(value);
    return;
  case 2: {
    std::int64_t n = std::get<std::int64_t>(value);
    // mininteger has no decimal literal (it would read as a float): use hex.
    out += n == INT64_MIN ? printfToString("0x%llx", static_cast<unsigned long long>(n))
                          : printfToString("%lld", static_cast<long long>(n));
    return;
  }
  case 3: {
    double d = std::get<double>(value);
    if (d == HUGE_VAL)
      out += "1e9999";
    else if (d == -HUGE_VAL)
      out += "-1e9999";
    else if (d != d)
      out += "(0/0)";
    else
      out += printfToString("%a", d); // hex keeps every bit
    return;
  }
  case 4:
    appendQuotedString(out, std::get<std::string_view>(value));
    return;
  default:
    throw LibError("value has no literal form", argument);
  }
}

const void* pointerOf(const FormatArg& value) {
  if (const auto* s = std::get_if<std::string_view>(&value))
    return s->data();
  if (const auto* other = std::get_if<FormatOther>(&value))
    return other->identity;
  return nullptr; // nil, booleans and numbers have no address
}

} // namespace

std::string stringFormat(std::string_view format, std::span<const FormatArg> args) {
  std::string out;
  std::size_t argIndex = 0;
  // Past the end reads as '\0', as with Lua's NUL-terminated format string.
  auto at = [&](std::size_t i) { return i < format.size() ? format[i] : '\0'; };
  std::size_t i = 0;
  while (i < format.size()) {
    if (format[i] != '%') {
      out += format[i++];
      continue;
    }
    if (at(++i) == '%') {
      out += '%';
      i++;
      continue;
    }
    int argument = static_cast<int>(argIndex) + 2; // #1 is the format itself
    if (argIndex >= args.size())
      throw LibError("no value", argument);
    const FormatArg& value = args[argIndex++];

    // getformat: flags, digits and '.', then the conversion character.
    std::size_t length = 0;
    while (i + length < format.size() &&
           std::string_view("-+#0 123456789.").find(format[i + length]) != std::string_view::npos)
      length++;
    length++;
    if (length >= kMaxFormat - 10)
      throw LibError("invalid format (too long)");
    char conversion = at(i + length - 1);
    std::string spec = "%" + std::string(format.substr(i, length - 1));
    if (conversion != '\0')
      spec += conversion;
    i += length;

    switch (conversion) {
    case 'c':
      checkSpec(spec, kFlagsChar, false);
      out += printfToString(spec.c_str(), static_cast<int>(checkInteger(&value, argument)));
      break;
    case 'd':
    case 'i':
    case 'u':
    case 'o':
    case 'x':
    case 'X': {
      std::int64_t n = checkInteger(&value, argument);
      std::string_view flags = (conversion == 'd' || conversion == 'i') ? kFlagsInt
                               : conversion == 'u'                      ? kFlagsUnsigned
                                                                        : kFlagsHex;
      checkSpec(spec, flags, true);
      out += printfToString(withLengthModifier(spec, "ll").c_str(), static_cast<long long>(n));
      break;
    }
    case 'a':
    case 'A': // Lua checks the spec before the argument here
      checkSpec(spec, kFlagsFloat, true);
      out += printfToString(spec.c_str(), checkFloat(&value, argument));
      break;
    case 'e':
    case 'E':
    case 'f':
    case 'g':
    case 'G': {
      double n = checkFloat(&value, argument);
      checkSpec(spec, kFlagsFloat, true);
      out += printfToString(spec.c_str(), n);
      break;
    }
    case 'p': {
      checkSpec(spec, kFlagsChar, false);
      const void* pointer = pointerOf(value);
      if (pointer == nullptr) {
        spec.back() = 's'; // avoid printf("%p", NULL): print "(null)" as a string
        out += printfToString(spec.c_str(), "(null)");
      } else {
        out += printfToString(spec.c_str(), pointer);
      }
      break;
    }
    case 'q':
      if (spec.size() > 2)
        throw LibError("specifier '%q' cannot have modifiers");
      appendLiteral(out, value, argument);
      break;
    case 's': {
      std::string text = luaToString(value);
      if (spec.size() == 2) {
        out += text; // no modifiers: the whole string, zeros and all
        break;
      }
      if (text.find('\0') != std::string::npos)
        throw LibError("string contains zeros", argument);
      checkSpec(spec, kFlagsChar, true);
      if (spec.find('.') == std::string::npos && text.size() >= 100)
        out += text; // no precision and too long to format: keep it whole
      else
        out += printfToString(spec.c_str(), text.c_str());
      break;
    }
    default:
      throw LibError("invalid conversion '" + spec + "' to 'format'");
    }
  }
  return out;
}

} // namespace sloth::stdlib::text
