#include "sloth/stdlib/text/LibError.h"
#include "sloth/stdlib/text/LuaNumber.h"
#include "sloth/stdlib/text/StringBasics.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace sloth::stdlib::text;

namespace {

constexpr std::int64_t kNone = INT64_MIN + 1; // the argument was left out (mininteger is a value)

struct BasicsCase {
  const char* function;
  std::string text;
  std::vector<std::int64_t> ints; // integer arguments after the string (all of them for char)
  std::string separator;          // rep's third argument
  std::string expected;           // lua5.4, serialized by oracle/common.lua
};

std::optional<std::int64_t> optionalArg(const BasicsCase& c, std::size_t i) {
  if (i < c.ints.size() && c.ints[i] != kNone)
    return c.ints[i];
  return std::nullopt;
}

std::string join(const std::vector<std::int64_t>& values) {
  std::string out;
  for (auto v : values)
    out += (out.empty() ? "" : " ") + std::to_string(v);
  return out;
}

std::string run(const BasicsCase& c) {
  std::string function = c.function;
  try {
    if (function == "sub")
      return "[" + std::string(stringSub(c.text, c.ints.at(0), optionalArg(c, 1))) + "]";
    if (function == "byte")
      return join(stringByte(c.text, optionalArg(c, 0).value_or(1), optionalArg(c, 1)));
    if (function == "char")
      return "[" + stringChar(c.ints) + "]";
    if (function == "rep")
      return "[" + stringRep(c.text, c.ints.at(0), c.separator) + "]";
    if (function == "upper")
      return "[" + stringUpper(c.text) + "]";
    if (function == "lower")
      return "[" + stringLower(c.text) + "]";
    if (function == "reverse")
      return "[" + stringReverse(c.text) + "]";
    auto number = stringToIntegerInBase(c.text, c.ints.at(0));
    if (number == INT64_MIN)
      return "0x8000000000000000"; // as %q prints mininteger
    return number ? std::to_string(*number) : "nil";
  } catch (const LibError& error) {
    std::string name = function == "tonumber" ? "tonumber" : "string." + function;
    if (error.argument() != 0)
      return "error: bad argument #" + std::to_string(error.argument()) + " to '" + name + "' (" +
             error.message() + ")";
    return "error: " + error.message();
  }
}

TEST(StringBasics, MatchesLua54OnEveryOracleCase) {
  static const std::vector<BasicsCase> cases = {
#include "BasicsCases.inc"
  };
  ASSERT_GT(cases.size(), 90u);
  for (const auto& c : cases)
    EXPECT_EQ(run(c), c.expected) << c.function << "(\"" << c.text << "\")";
}

} // namespace
