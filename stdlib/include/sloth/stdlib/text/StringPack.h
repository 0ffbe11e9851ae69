#pragma once
// string.pack, string.packsize and string.unpack (Lua 5.4 manual §6.4.2, lstrlib.c) on plain
// C++ values. Sizes are those of Lua on x86-64 Linux: short 2, int 4, long 8, size_t 8, native
// little-endian, native maximum alignment 8.

#include "sloth/stdlib/text/LibValue.h"

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace sloth::stdlib::text {

/// string.pack(format, values...). `values[0]` is Lua's argument #2.
/// Argument errors: #1 "invalid next option for option 'X'", "format asks for alignment not power
/// of 2"; #N "integer overflow", "unsigned overflow", "string longer than given size", "string
/// length does not fit in given size", "string contains zeros", "number expected, got T", ...
/// Plain errors: "integral size (N) out of limits [1,16]", "missing size for format option 'c'",
/// "invalid format option 'C'".
std::string stringPack(std::string_view format, std::span<const LibValue> values);

/// string.packsize(format). Argument errors #1: "variable-length format", "format result too
/// large", and the format errors above.
std::int64_t stringPackSize(std::string_view format);

/// A value string.unpack returns.
using UnpackedValue = std::variant<std::int64_t, double, std::string>;

struct UnpackResult {
  std::vector<UnpackedValue> values;
  std::int64_t nextPosition = 0; // 1-based position after the last byte read
};

/// string.unpack(format, data, init). Argument errors: #2 "data string too short", "unfinished
/// string for format 'z'"; #3 "initial position out of string". Plain: "N-byte integer does not
/// fit into Lua Integer", and the format errors above.
UnpackResult stringUnpack(std::string_view format, std::string_view data, std::int64_t init = 1);

} // namespace sloth::stdlib::text
