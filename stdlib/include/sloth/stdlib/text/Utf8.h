#pragma once
// The utf8 library (Lua 5.4 manual §6.5, lutf8lib.c of 5.4.4) on plain C++ values. Strict mode
// accepts code points up to 0x10FFFF without surrogates; lax mode accepts up to 0x7FFFFFFF
// (sequences of up to six bytes). Positions are Lua's: 1-based, negative from the end.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sloth::stdlib::text {

/// utf8.charpattern: "[\0-\x7F\xC2-\xFD][\x80-\xBF]*" (with its zero byte).
extern const std::string_view kUtf8CharPattern;

/// utf8.char(codes...): `codes[0]` is argument #1. Argument error "value out of range" for a
/// code outside [0, 0x7FFFFFFF].
std::string utf8Char(std::span<const std::int64_t> codes);

/// Lua's UTF-8 escape (luaO_utf8esc): one code point, up to six bytes. `code` <= 0x7FFFFFFF.
std::string utf8Encode(std::uint32_t code);

/// utf8.len's result: the count, or fail plus the 1-based position of the first invalid byte.
struct Utf8LenResult {
  std::optional<std::int64_t> count;
  std::int64_t invalidPosition = 0; // set when count is empty
};

/// utf8.len(s, i, j, lax). Argument errors: #2 "initial position out of bounds", #3 "final
/// position out of bounds".
Utf8LenResult utf8Len(std::string_view s, std::int64_t i = 1, std::int64_t j = -1,
                      bool lax = false);

/// utf8.codepoint(s, i, j, lax); `j` defaults to `i`. Argument errors #2/#3 "out of bounds";
/// plain errors "invalid UTF-8 code", "string slice too long".
std::vector<std::int64_t> utf8Codepoint(std::string_view s, std::int64_t i = 1,
                                        std::optional<std::int64_t> j = std::nullopt,
                                        bool lax = false);

/// utf8.offset(s, n, i); `i` defaults to 1 when n >= 0, else #s + 1. nullopt is fail.
/// Argument error #3 "position out of bounds"; plain "initial position is a continuation byte".
std::optional<std::int64_t> utf8Offset(std::string_view s, std::int64_t n,
                                       std::optional<std::int64_t> i = std::nullopt);

/// One step of the iterator utf8.codes(s, lax) returns: given the control value (0 at first,
/// then the previous position), the next {position, code point}, or nullopt at the end.
/// Plain error "invalid UTF-8 code".
std::optional<std::pair<std::int64_t, std::int64_t>>
utf8CodesStep(std::string_view s, std::int64_t control, bool lax = false);

} // namespace sloth::stdlib::text
