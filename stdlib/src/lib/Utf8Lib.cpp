// The utf8 library (Lua 5.4 manual §6.5, lutf8lib.c), bound to the UTF-8 engine.
#include "LibSupport.h"

#include "sloth/stdlib/Stdlib.h"
#include "sloth/stdlib/text/Utf8.h"

#include <optional>
#include <vector>

namespace sloth::stdlib {

using lib::withLibErrors;
using vm::Thread;

namespace {

int utfChar(Thread& L) {
  std::vector<std::int64_t> codes;
  for (int i = 1; i <= L.top(); i++)
    codes.push_back(L.checkInteger(i));
  L.pushString(text::utf8Char(codes));
  return 1;
}

int utfLen(Thread& L) {
  std::string_view s = L.checkString(1);
  std::int64_t i = L.optInteger(2, 1);
  std::int64_t j = L.optInteger(3, -1);
  bool lax = L.toBoolean(4);
  text::Utf8LenResult result = text::utf8Len(s, i, j, lax);
  if (result.count) {
    L.pushInteger(*result.count);
    return 1;
  }
  L.pushNil();
  L.pushInteger(result.invalidPosition);
  return 2;
}

int utfCodepoint(Thread& L) {
  std::string_view s = L.checkString(1);
  std::int64_t i = L.optInteger(2, 1);
  std::int64_t j = L.optInteger(3, i);
  bool lax = L.toBoolean(4);
  std::vector<std::int64_t> codes = text::utf8Codepoint(s, i, j, lax);
  lib::ensureStack(L, static_cast<int>(codes.size()), "string slice too long");
  for (std::int64_t code : codes)
    L.pushInteger(code);
  return static_cast<int>(codes.size());
}

int utfOffset(Thread& L) {
  std::string_view s = L.checkString(1);
  std::int64_t n = L.checkInteger(2);
  std::optional<std::int64_t> i;
  if (!L.isNoneOrNil(3))
    i = L.checkInteger(3);
  std::optional<std::int64_t> position = text::utf8Offset(s, n, i);
  if (position)
    L.pushInteger(*position);
  else
    L.pushNil();
  return 1;
}

template <bool Lax> int codesStep(Thread& L) {
  std::string_view s = L.checkString(1);
  std::int64_t control = L.toInteger(2);
  auto next = text::utf8CodesStep(s, control, Lax);
  if (!next)
    return 0;
  L.pushInteger(next->first);
  L.pushInteger(next->second);
  return 2;
}

int utfCodes(Thread& L) {
  bool lax = L.toBoolean(2);
  L.checkString(1);
  L.pushValue(vm::upvalueIndex(lax ? 2 : 1));
  L.pushValue(1);
  L.pushInteger(0);
  return 3;
}

} // namespace

void openUtf8(Thread& L) {
  lib::newLibrary(L, "utf8",
                  {{"offset", withLibErrors<utfOffset>},
                   {"codepoint", withLibErrors<utfCodepoint>},
                   {"char", withLibErrors<utfChar>},
                   {"len", withLibErrors<utfLen>}});
  L.pushString(text::kUtf8CharPattern);
  L.setField(-2, "charpattern");
  // codes returns one of two iterators, made once.
  L.pushNative(withLibErrors<codesStep<false>>, 0, nullptr);
  L.pushNative(withLibErrors<codesStep<true>>, 0, nullptr);
  L.pushNative(withLibErrors<utfCodes>, 2, "utf8.codes");
  L.setField(-2, "codes");
  L.pop();
}

} // namespace sloth::stdlib
