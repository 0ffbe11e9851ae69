// The dry run's diffs match `diff -u` (GNU diffutils) on the same inputs; the expected hunks
// below were produced by it.
#include "sloth/stdlib/text/UnifiedDiff.h"

#include <gtest/gtest.h>

using sloth::stdlib::text::unifiedDiff;

namespace {

const char* kHeader = "--- a\n+++ b\n";

TEST(UnifiedDiff, EqualTextsHaveNoDiff) {
  EXPECT_EQ(unifiedDiff("same\n", "same\n", "a", "b"), "");
}

TEST(UnifiedDiff, SeparateHunksWithThreeLinesOfContext) {
  std::string diff = unifiedDiff("a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\nm\n",
                                 "a\nB\nc\nd\ne\nf\ng\nh\ni\nj\nk\nL\nm\nn\n", "a", "b");
  EXPECT_EQ(diff, std::string(kHeader) + "@@ -1,5 +1,5 @@\n a\n-b\n+B\n c\n d\n e\n"
                                         "@@ -9,5 +9,6 @@\n i\n j\n k\n-l\n+L\n m\n+n\n");
}

TEST(UnifiedDiff, MissingFinalNewlineIsMarked) {
  EXPECT_EQ(unifiedDiff("x\ny", "x\nz\n", "a", "b"),
            std::string(kHeader) + "@@ -1,2 +1,2 @@\n x\n-y\n\\ No newline at end of file\n+z\n");
}

TEST(UnifiedDiff, NewAndEmptiedFiles) {
  EXPECT_EQ(unifiedDiff("", "one\ntwo\n", "a", "b"),
            std::string(kHeader) + "@@ -0,0 +1,2 @@\n+one\n+two\n");
  EXPECT_EQ(unifiedDiff("one\n", "", "a", "b"), std::string(kHeader) + "@@ -1 +0,0 @@\n-one\n");
}

TEST(UnifiedDiff, ChangesCloseTogetherShareAHunk) {
  std::string diff = unifiedDiff("1\n2\n3\n4\n5\n6\n7\n8\n", "1\nX\n3\n4\n5\n6\n7\nY\n", "a", "b");
  EXPECT_EQ(diff,
            std::string(kHeader) + "@@ -1,8 +1,8 @@\n 1\n-2\n+X\n 3\n 4\n 5\n 6\n 7\n-8\n+Y\n");
}

TEST(UnifiedDiff, BinaryContentIsSummarised) {
  EXPECT_EQ(unifiedDiff(std::string("a\0b", 3), "ab", "a", "b"),
            std::string(kHeader) + "binary content differs (3 bytes -> 2 bytes)\n");
}

} // namespace
