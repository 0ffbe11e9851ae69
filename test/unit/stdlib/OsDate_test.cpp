#include "sloth/stdlib/text/LibError.h"
#include "sloth/stdlib/text/OsDate.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <ctime>
#include <string>
#include <utility>
#include <vector>

using namespace sloth::stdlib::text;

namespace {

struct DateCase {
  std::string format;
  std::int64_t time;
  std::string expected; // lua5.4 under TZ=America/New_York
};

struct TimeCase {
  std::vector<std::pair<std::string, LibValue>> table;
  std::string expected;
};

// The oracle ran with this zone; it has DST, so isdst and the transitions are exercised.
class OsDateTest : public ::testing::Test {
protected:
  void SetUp() override {
    const char* old = std::getenv("TZ");
    savedZone_ = old ? std::optional<std::string>(old) : std::nullopt;
    setenv("TZ", "America/New_York", 1);
    tzset();
  }
  void TearDown() override {
    if (savedZone_)
      setenv("TZ", savedZone_->c_str(), 1);
    else
      unsetenv("TZ");
    tzset();
  }

private:
  std::optional<std::string> savedZone_;
};

std::string serialize(const DateFields& f) {
  return "year=" + std::to_string(f.year) + " month=" + std::to_string(f.month) +
         " day=" + std::to_string(f.day) + " hour=" + std::to_string(f.hour) +
         " min=" + std::to_string(f.min) + " sec=" + std::to_string(f.sec) +
         " yday=" + std::to_string(f.yday) + " wday=" + std::to_string(f.wday) +
         " isdst=" + (f.isdst ? (*f.isdst ? "true" : "false") : "nil");
}

std::string errorText(const LibError& error, const char* function) {
  if (error.argument() != 0)
    return "error: bad argument #" + std::to_string(error.argument()) + " to '" + function + "' (" +
           error.message() + ")";
  return "error: " + error.message();
}

TEST_F(OsDateTest, DateMatchesLua54OnEveryOracleCase) {
  static const std::vector<DateCase> cases = {
#include "DateCases.inc"
  };
  ASSERT_GT(cases.size(), 250u);
  for (const auto& c : cases) {
    std::string actual;
    try {
      auto result = osDate(c.format, c.time);
      if (const auto* text = std::get_if<std::string>(&result))
        actual = *text;
      else
        actual = serialize(std::get<DateFields>(result));
    } catch (const LibError& error) {
      actual = errorText(error, "os.date");
    }
    EXPECT_EQ(actual, c.expected) << "os.date(\"" << c.format << "\", " << c.time << ")";
  }
}

TEST_F(OsDateTest, TimeMatchesLua54OnEveryOracleCase) {
  static const std::vector<TimeCase> cases = {
#include "TimeCases.inc"
  };
  ASSERT_GT(cases.size(), 30u);
  for (const auto& c : cases) {
    DateTableReader reader = [&](std::string_view key) {
      for (const auto& [name, value] : c.table)
        if (name == key)
          return value;
      return LibValue{};
    };
    std::string actual;
    try {
      OsTimeResult result = osTime(reader);
      actual = std::to_string(result.time) + " " + serialize(result.normalized);
    } catch (const LibError& error) {
      actual = errorText(error, "os.time");
    }
    EXPECT_EQ(actual, c.expected);
  }
}

TEST_F(OsDateTest, AcceptsExactlyLuasConversionSpecifiers) {
  // lua5.4: every byte after '%', and after "%E"/"%O", tried with pcall(os.date, "!%" .. c, 0).
  const std::string valid1 = "%ABCDFGHIMRSTUVWXYZabcdeghjmnprtuwxyz";
  const std::string valid2 = "EC OH OI OM OS OU OV OW EX EY Ec Od Oe Om Ou Ow Ex Ey Oy";
  auto accepted = [](const std::string& conversion) {
    try {
      osDate("!%" + conversion, 0);
      return true;
    } catch (const LibError& error) {
      EXPECT_EQ(error.argument(), 1);
      EXPECT_EQ(error.message(), "invalid conversion specifier '%" + conversion + "'");
      return false;
    }
  };
  for (int b = 1; b < 256; b++) {
    std::string c(1, static_cast<char>(b));
    EXPECT_EQ(accepted(c), valid1.find(c) != std::string::npos) << "%" << c;
    if (c == "E" || c == "O")
      continue;
    for (std::string modifier : {"E", "O"})
      EXPECT_EQ(accepted(modifier + c), valid2.find(modifier + c) != std::string::npos)
          << "%" << modifier << c;
  }
}

TEST_F(OsDateTest, FormattingIgnoresTheProcessLocale) {
  // Day names stay English even if the process switched LC_TIME (when the locale exists).
  const char* previous = setlocale(LC_TIME, nullptr);
  std::string saved = previous ? previous : "C";
  setlocale(LC_TIME, "de_DE.UTF-8");
  auto result = osDate("!%A %B", 0);
  setlocale(LC_TIME, saved.c_str());
  EXPECT_EQ(std::get<std::string>(result), "Thursday January");
}

} // namespace
