// Lua 5.0/5.1 names that Lua 5.4 (and sloth) no longer has, with what to write instead. Only the
// compat aliases the signature files declare (`unpack`, `loadstring`, `table.getn`, ...) still
// run; a script using one of these fails, so the checker says what replaced it.
#pragma once

#include <string_view>

namespace sloth::check {

// "setfenv" or "math.mod" -> the advice, or empty when the name was never removed.
std::string_view removedNameAdvice(std::string_view qualifiedName);

} // namespace sloth::check
