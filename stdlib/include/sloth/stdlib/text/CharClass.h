#pragma once
// Character classes of Lua patterns (%a %c %d %g %l %p %s %u %w %x, and %z) in the C locale,
// fixed here so a process-wide setlocale() cannot change what a script's pattern matches.

namespace sloth::stdlib::text {

constexpr bool isAsciiUpper(int c) {
  return c >= 'A' && c <= 'Z';
}
constexpr bool isAsciiLower(int c) {
  return c >= 'a' && c <= 'z';
}
constexpr bool isAsciiAlpha(int c) {
  return isAsciiUpper(c) || isAsciiLower(c);
}
constexpr bool isAsciiDigit(int c) {
  return c >= '0' && c <= '9';
}
constexpr bool isAsciiAlnum(int c) {
  return isAsciiAlpha(c) || isAsciiDigit(c);
}
constexpr bool isAsciiControl(int c) {
  return (c >= 0 && c < 32) || c == 127;
}
constexpr bool isAsciiGraph(int c) {
  return c > 32 && c < 127;
}
constexpr bool isAsciiPunct(int c) {
  return isAsciiGraph(c) && !isAsciiAlnum(c);
}
constexpr bool isAsciiSpace(int c) {
  return c == ' ' || (c >= '\t' && c <= '\r');
}
constexpr bool isAsciiXDigit(int c) {
  return isAsciiDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
constexpr int toAsciiLower(int c) {
  return isAsciiUpper(c) ? c - 'A' + 'a' : c;
}

/// lstrlib.c's match_class: does byte `c` belong to the class named by `classChar` (the letter
/// after '%')? Upper-case letters complement; any other character matches itself.
constexpr bool matchCharClass(int c, int classChar) {
  bool result = false;
  switch (toAsciiLower(classChar)) {
  case 'a':
    result = isAsciiAlpha(c);
    break;
  case 'c':
    result = isAsciiControl(c);
    break;
  case 'd':
    result = isAsciiDigit(c);
    break;
  case 'g':
    result = isAsciiGraph(c);
    break;
  case 'l':
    result = isAsciiLower(c);
    break;
  case 'p':
    result = isAsciiPunct(c);
    break;
  case 's':
    result = isAsciiSpace(c);
    break;
  case 'u':
    result = isAsciiUpper(c);
    break;
  case 'w':
    result = isAsciiAlnum(c);
    break;
  case 'x':
    result = isAsciiXDigit(c);
    break;
  case 'z':
    result = (c == 0);
    break; // deprecated, still accepted by Lua 5.4
  default:
    return classChar == c;
  }
  return isAsciiLower(classChar) ? result : !result;
}

} // namespace sloth::stdlib::text
