#include "sloth/stdlib/text/LibError.h"
#include "sloth/stdlib/text/StringFormat.h"

#include <gtest/gtest.h>

#include <limits>
#include <string>
#include <vector>

using namespace sloth::stdlib::text;

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

FormatArg tableArg() {
  return FormatOther{"table", [] { return std::string("table: 0x1234"); }, nullptr};
}

struct FormatCase {
  std::string format;
  std::vector<FormatArg> args;
  std::string expected; // lua5.4's result, or "error: " and its message
};

const std::vector<FormatCase>& formatCases() {
  static const std::vector<FormatCase> cases = {
#include "FormatCases.inc"
  };
  return cases;
}

// Renders an error the way Lua prints it when string.format is called as a global function.
std::string run(const FormatCase& c) {
  try {
    return stringFormat(c.format, c.args);
  } catch (const LibError& error) {
    if (error.argument() != 0)
      return "error: bad argument #" + std::to_string(error.argument()) + " to 'string.format' (" +
             error.message() + ")";
    return "error: " + error.message();
  }
}

TEST(StringFormat, MatchesLua54OnEveryOracleCase) {
  ASSERT_GT(formatCases().size(), 150u);
  for (const auto& c : formatCases())
    EXPECT_EQ(run(c), c.expected) << "format: " << c.format;
}

TEST(StringFormat, MatchesLua54OnRandomSpecifications) {
  static const std::vector<FormatCase> cases = {
#include "FormatRandomCases.inc"
  };
  ASSERT_EQ(cases.size(), 600u);
  for (const auto& c : cases)
    EXPECT_EQ(run(c), c.expected) << "format: " << c.format;
}

TEST(StringFormat, PercentSUsesTheToStringCallbackForOtherValues) {
  std::vector<FormatArg> args = {tableArg()};
  EXPECT_EQ(stringFormat("[%s]", args), "[table: 0x1234]");
  EXPECT_EQ(stringFormat("[%20s]", args), "[       table: 0x1234]");
}

TEST(StringFormat, ToStringErrorsPropagate) {
  std::vector<FormatArg> args = {FormatOther{
      "table", []() -> std::string { throw LibError("'__tostring' must return a string"); },
      nullptr}};
  try {
    stringFormat("%s", args);
    FAIL() << "expected an error";
  } catch (const LibError& error) {
    EXPECT_EQ(error.message(), "'__tostring' must return a string");
  }
}

TEST(StringFormat, PercentPPrintsIdentityOrNull) {
  int object = 0;
  std::vector<FormatArg> args = {FormatOther{"table", nullptr, &object}, FormatArg{std::int64_t(1)},
                                 FormatArg{}};
  std::string out = stringFormat("%p|%p|%-8p|", args);
  char expected[64];
  std::snprintf(expected, sizeof expected, "%p|(null)|(null)  |", static_cast<void*>(&object));
  EXPECT_EQ(out, expected);
}

TEST(StringFormat, LuaToStringMatchesLuaTostring) {
  // lua5.4 -e 'print(tostring(1e15), tostring(2^53), tostring(-0.0), tostring(1e100))'
  EXPECT_EQ(luaToString(FormatArg{1e15}), "1e+15");
  EXPECT_EQ(luaToString(FormatArg{9007199254740992.0}), "9.007199254741e+15");
  EXPECT_EQ(luaToString(FormatArg{-0.0}), "-0.0");
  EXPECT_EQ(luaToString(FormatArg{1e100}), "1e+100");
  EXPECT_EQ(luaToString(FormatArg{100.0}), "100.0");
  EXPECT_EQ(luaToString(FormatArg{false}), "false");
}

} // namespace
