#include "sloth/stdlib/text/LibError.h"
#include "sloth/stdlib/text/LuaPattern.h"
#include "sloth/stdlib/text/Utf8.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace sloth::stdlib::text;

namespace {

constexpr std::int64_t kNone = INT64_MIN; // the argument was left out

struct Utf8Case {
  const char* function;
  std::string subject;
  std::vector<std::int64_t> args; // after the string (all of them for char); booleans as 0/1
  std::string expected;           // lua5.4, serialized by oracle/common.lua
};

std::int64_t argOr(const Utf8Case& c, std::size_t i, std::int64_t fallback) {
  return i < c.args.size() && c.args[i] != kNone ? c.args[i] : fallback;
}

std::optional<std::int64_t> optionalArg(const Utf8Case& c, std::size_t i) {
  if (i < c.args.size() && c.args[i] != kNone)
    return c.args[i];
  return std::nullopt;
}

std::string run(const Utf8Case& c) {
  std::string function = c.function;
  try {
    if (function == "len") {
      auto result = utf8Len(c.subject, argOr(c, 0, 1), argOr(c, 1, -1), argOr(c, 2, 0) != 0);
      if (result.count)
        return std::to_string(*result.count);
      return "nil " + std::to_string(result.invalidPosition);
    }
    if (function == "codepoint") {
      auto codes = utf8Codepoint(c.subject, argOr(c, 0, 1), optionalArg(c, 1), argOr(c, 2, 0) != 0);
      std::string out;
      for (auto code : codes)
        out += (out.empty() ? "" : " ") + std::to_string(code);
      return out;
    }
    if (function == "offset") {
      auto offset = utf8Offset(c.subject, c.args.at(0), optionalArg(c, 1));
      return offset ? std::to_string(*offset) : "nil";
    }
    if (function == "codes") {
      std::string out;
      std::int64_t control = 0;
      while (auto step = utf8CodesStep(c.subject, control, c.args.at(0) != 0)) {
        out += (out.empty() ? "" : " ") + std::to_string(step->first) + ":" +
               std::to_string(step->second);
        control = step->first;
      }
      return out;
    }
    return "[" + utf8Char(c.args) + "]";
  } catch (const LibError& error) {
    if (error.argument() != 0)
      return "error: bad argument #" + std::to_string(error.argument()) + " to 'utf8." + function +
             "' (" + error.message() + ")";
    return "error: " + error.message();
  }
}

TEST(Utf8, MatchesLua54OnEveryOracleCase) {
  static const std::vector<Utf8Case> cases = {
#include "Utf8Cases.inc"
  };
  ASSERT_GT(cases.size(), 350u);
  for (const auto& c : cases)
    EXPECT_EQ(run(c), c.expected) << "utf8." << c.function << "(\"" << c.subject << "\")";
}

TEST(Utf8, MatchesLua54OnRandomByteStrings) {
  static const std::vector<Utf8Case> cases = {
#include "Utf8RandomCases.inc"
  };
  ASSERT_EQ(cases.size(), 400u);
  for (const auto& c : cases)
    EXPECT_EQ(run(c), c.expected) << "utf8." << c.function << "(\"" << c.subject << "\")";
}

TEST(Utf8, CharPatternMatchesOneCharacterAtATime) {
  // lua5.4 -e 'for c in ("héllo日"):gmatch(utf8.charpattern) do io.write(#c, " ") end' --> 1 2 1 1
  // 1 3
  PatternMatcher matcher("h\xC3\xA9llo\xE6\x97\xA5", kUtf8CharPattern);
  std::vector<std::size_t> sizes;
  while (auto captures = matcher.next())
    sizes.push_back(std::get<std::string_view>((*captures)[0]).size());
  EXPECT_EQ(sizes, (std::vector<std::size_t>{1, 2, 1, 1, 1, 3}));
  EXPECT_EQ(kUtf8CharPattern.size(), 14u);
}

TEST(Utf8, EncodeRoundTripsThroughLaxDecoding) {
  for (std::uint32_t code : {0u, 0x7Fu, 0x80u, 0x7FFu, 0x800u, 0xFFFFu, 0x10000u, 0x10FFFFu,
                             0x110000u, 0x3FFFFFFu, 0x4000000u, 0x7FFFFFFFu}) {
    std::string bytes = utf8Encode(code);
    auto codes = utf8Codepoint(bytes, 1, -1, true);
    ASSERT_EQ(codes.size(), 1u) << code;
    EXPECT_EQ(codes[0], code);
  }
}

} // namespace
