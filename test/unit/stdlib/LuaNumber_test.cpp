#include "sloth/stdlib/text/LuaNumber.h"
#include "sloth/stdlib/text/StringFormat.h"

#include <gtest/gtest.h>

#include <limits>
#include <string>
#include <vector>

using namespace sloth::stdlib::text;

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

struct NumeralCase {
  std::string text;
  std::string expected; // tonumber(text) in lua5.4, as %q prints it, or "nil"
};

struct FloatCase {
  double value;
  std::string expected; // tostring(value) in lua5.4
};

TEST(LuaNumber, StringToNumberMatchesLua54Tonumber) {
  static const std::vector<NumeralCase> cases = {
#include "NumeralCases.inc"
  };
  ASSERT_GT(cases.size(), 60u);
  for (const auto& c : cases) {
    std::string actual = "nil";
    if (auto number = stringToNumber(c.text)) {
      std::vector<LibValue> args;
      if (const auto* i = std::get_if<std::int64_t>(&*number))
        args.emplace_back(*i);
      else
        args.emplace_back(std::get<double>(*number));
      actual = stringFormat("%q", args); // integers and floats print differently
    }
    EXPECT_EQ(actual, c.expected) << "tonumber(\"" << c.text << "\")";
  }
}

TEST(LuaNumber, FloatToStringMatchesLua54Tostring) {
  static const std::vector<FloatCase> cases = {
#include "FloatToStringCases.inc"
  };
  ASSERT_GT(cases.size(), 20u);
  for (const auto& c : cases)
    EXPECT_EQ(floatToString(c.value), c.expected);
}

TEST(LuaNumber, FloatToIntegerIsExactAndInRange) {
  EXPECT_EQ(floatToInteger(3.0), 3);
  EXPECT_EQ(floatToInteger(-0.0), 0);
  EXPECT_EQ(floatToInteger(-9223372036854775808.0), INT64_MIN);
  EXPECT_EQ(floatToInteger(9223372036854775808.0), std::nullopt);
  EXPECT_EQ(floatToInteger(3.5), std::nullopt);
  EXPECT_EQ(floatToInteger(kNaN), std::nullopt);
  EXPECT_EQ(floatToInteger(kInf), std::nullopt);
}

} // namespace
