#pragma once
// The simple functions of the string library (lstrlib.c of Lua 5.4.4): sub, byte, char, rep,
// upper, lower, reverse — with Lua's position rules and limits. Case mapping is the C locale's.

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace sloth::stdlib::text {

/// string.sub(s, i, j); `j` defaults to -1. A view into `s`.
std::string_view stringSub(std::string_view s, std::int64_t i,
                           std::optional<std::int64_t> j = std::nullopt);

/// string.byte(s, i, j); `i` defaults to 1 and `j` to `i`. Plain error "string slice too long".
std::vector<std::int64_t> stringByte(std::string_view s, std::optional<std::int64_t> i = 1,
                                     std::optional<std::int64_t> j = std::nullopt);

/// string.char(codes...): `codes[0]` is argument #1; argument error "value out of range".
std::string stringChar(std::span<const std::int64_t> codes);

/// string.rep(s, n, sep). Plain error "resulting string too large" (over INT_MAX bytes).
/// The result is built by doubling (memcpy-fast); `poll`, when set, is called between copies of
/// at most 16 MiB, so a caller can stop a gigabyte-sized repetition (by throwing).
std::string stringRep(std::string_view s, std::int64_t n, std::string_view separator = {},
                      const std::function<void()>& poll = {});

std::string stringUpper(std::string_view s);
std::string stringLower(std::string_view s);
std::string stringReverse(std::string_view s);

} // namespace sloth::stdlib::text
