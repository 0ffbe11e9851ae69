#include "sloth/analyzer/types/Suggest.h"

#include <gtest/gtest.h>

#include <vector>

namespace sloth::types {
namespace {

TEST(EditDistance, CountsInsertionsDeletionsSubstitutionsAndSwaps) {
  EXPECT_EQ(editDistance("", ""), 0u);
  EXPECT_EQ(editDistance("abc", ""), 3u);
  EXPECT_EQ(editDistance("instal", "install"), 1u);
  EXPECT_EQ(editDistance("update_cahce", "update_cache"), 1u); // one swap
  EXPECT_EQ(editDistance("kitten", "sitting"), 3u);
  EXPECT_EQ(editDistance("exitcode", "exit_code"), 1u);
}

TEST(ClosestName, FindsPlausibleTypos) {
  std::vector<std::string> fns{"install", "remove", "update", "upgrade"};
  EXPECT_EQ(closestName("instal", fns), "install");
  EXPECT_EQ(closestName("upgarde", fns), "upgrade");
  EXPECT_EQ(closestName("INSTALL", fns), "install");
  EXPECT_EQ(closestName("frobnicate", fns), std::nullopt);
  EXPECT_EQ(closestName("install", fns), std::nullopt); // not a typo
  std::vector<std::string> short_{"cpu", "disk"};
  EXPECT_EQ(closestName("cpx", short_), "cpu");
  EXPECT_EQ(closestName("xyz", short_), std::nullopt);
}

} // namespace
} // namespace sloth::types
