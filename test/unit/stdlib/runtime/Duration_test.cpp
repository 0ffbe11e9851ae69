// Durations as scripts write them ("90s", "5m", "1h30m", seconds).
#include "sloth/stdlib/runtime/Duration.h"

#include <gtest/gtest.h>

using sloth::stdlib::runtime::parseDuration;

TEST(Duration, UnitsAndSums) {
  EXPECT_DOUBLE_EQ(*parseDuration("90s"), 90);
  EXPECT_DOUBLE_EQ(*parseDuration("5m"), 300);
  EXPECT_DOUBLE_EQ(*parseDuration("1h30m"), 5400);
  EXPECT_DOUBLE_EQ(*parseDuration("500ms"), 0.5);
  EXPECT_DOUBLE_EQ(*parseDuration("1.5h"), 5400);
  EXPECT_DOUBLE_EQ(*parseDuration("2d"), 172800);
  EXPECT_DOUBLE_EQ(*parseDuration("30"), 30);
}

TEST(Duration, RejectsWhatIsNotOne) {
  for (const char* bad : {"", "5 minutes", "m", "5x", "1h30", "-5s", "1..2s", "s5"})
    EXPECT_FALSE(parseDuration(bad)) << bad;
}
