// yaml::resolveScalar: YAML 1.2 core schema scalars, as `params:` and `--values` read them.
#include "sloth/YamlScalar.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace sloth::yaml {
namespace {

TEST(YamlScalar, PlainScalarsFollowTheCoreSchema) {
  EXPECT_TRUE(std::holds_alternative<std::monostate>(resolveScalar("", true)));
  EXPECT_TRUE(std::holds_alternative<std::monostate>(resolveScalar("~", true)));
  EXPECT_TRUE(std::holds_alternative<std::monostate>(resolveScalar("Null", true)));
  EXPECT_EQ(std::get<bool>(resolveScalar("TRUE", true)), true);
  EXPECT_EQ(std::get<bool>(resolveScalar("false", true)), false);
  EXPECT_EQ(std::get<std::int64_t>(resolveScalar("8080", true)), 8080);
  EXPECT_EQ(std::get<std::int64_t>(resolveScalar("-12", true)), -12);
  EXPECT_EQ(std::get<std::int64_t>(resolveScalar("+7", true)), 7);
  EXPECT_EQ(std::get<std::int64_t>(resolveScalar("0x1F", true)), 31);
  EXPECT_EQ(std::get<std::int64_t>(resolveScalar("0o17", true)), 15);
  EXPECT_EQ(std::get<std::int64_t>(resolveScalar("-9223372036854775808", true)),
            std::numeric_limits<std::int64_t>::min());
  EXPECT_EQ(std::get<double>(resolveScalar("9223372036854775808", true)), 9223372036854775808.0);
  EXPECT_EQ(std::get<double>(resolveScalar("1.5", true)), 1.5);
  EXPECT_EQ(std::get<double>(resolveScalar(".5", true)), 0.5);
  EXPECT_EQ(std::get<double>(resolveScalar("1e3", true)), 1000.0);
  EXPECT_EQ(std::get<double>(resolveScalar("-.inf", true)), -INFINITY);
  EXPECT_TRUE(std::isnan(std::get<double>(resolveScalar(".nan", true))));
}

TEST(YamlScalar, EverythingElseIsAString) {
  for (const char* text : {"inf", "nan", "0x", "1.2.3", "1e", "yes", "0b101", "08:30", "1_000",
                           "e5", ".", "-", "prod"})
    EXPECT_EQ(std::get<std::string>(resolveScalar(text, true)), text) << text;
  // A quoted scalar is a string whatever it reads like.
  EXPECT_EQ(std::get<std::string>(resolveScalar("8080", false)), "8080");
  EXPECT_EQ(std::get<std::string>(resolveScalar("", false)), "");
}

} // namespace
} // namespace sloth::yaml
