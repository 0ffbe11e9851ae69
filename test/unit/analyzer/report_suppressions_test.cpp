// report::scanSuppressions / applySuppressions / unusedSuppressions.
#include "sloth/analyzer/report/Suppressions.h"
#include "sloth/frontend/Frontend.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace sloth::report {
namespace {

struct Scanned {
  SourceManager sources;
  DiagnosticEngine diags;
  std::optional<ParsedChunk> parsed;
  SuppressionScan scan;
  explicit Scanned(std::string text) {
    parsed = parseSource(sources, "s.lua", std::move(text), diags);
    EXPECT_TRUE(parsed);
    scan = scanSuppressions(parsed->chunk.comments, sources, parsed->chunk.file);
  }
  Diagnostic at(uint32_t line, std::string code) {
    Diagnostic d;
    d.code = std::move(code);
    d.range.begin =
        static_cast<uint32_t>(sources.lineText(0, line).data() - sources.text(0).data());
    d.range.end = d.range.begin + 1;
    return d;
  }
};

TEST(ReportSuppressions, TargetsOfLineNextLineAndFile) {
  Scanned s("local a = 1 -- sloth: ignore unused-local, shadowed-module because\n"
            "-- sloth: ignore deprecated\n"
            "\n"
            "-- a comment line is skipped too\n"
            "print(unpack({}))\n"
            "--sloth:ignore-file  unused-argument\n");
  ASSERT_EQ(s.scan.suppressions.size(), 4u);
  EXPECT_TRUE(s.scan.problems.empty());
  EXPECT_EQ(s.scan.suppressions[0].code, "unused-local");
  EXPECT_EQ(s.scan.suppressions[0].line, 1u);
  EXPECT_EQ(s.scan.suppressions[1].code, "shadowed-module");
  EXPECT_EQ(s.scan.suppressions[2].code, "deprecated");
  EXPECT_EQ(s.scan.suppressions[2].line, 5u);
  EXPECT_TRUE(s.scan.suppressions[3].wholeFile);
  EXPECT_EQ(s.scan.suppressions[3].code, "unused-argument");

  std::vector<Diagnostic> diags = {s.at(1, "unused-local"), s.at(2, "unused-local"),
                                   s.at(5, "deprecated"), s.at(3, "unused-argument"),
                                   s.at(5, "other")};
  applySuppressions(diags, s.scan.suppressions, s.sources);
  ASSERT_EQ(diags.size(), 2u);
  EXPECT_EQ(s.sources.lineOf(0, diags[0].range.begin), 2u);
  EXPECT_EQ(diags[1].code, "other");
  std::vector<Diagnostic> unused = unusedSuppressions(s.scan.suppressions, 0);
  ASSERT_EQ(unused.size(), 1u);
  EXPECT_EQ(unused[0].code, "unused-suppression");
  EXPECT_EQ(unused[0].severity, Severity::Warning);
  EXPECT_EQ(unused[0].message, "unused suppression: no 'shadowed-module' diagnostic on line 1");
}

TEST(ReportSuppressions, OrdinaryCommentsAndLongCommentsAreIgnored) {
  Scanned s("-- the sloth: ignore convention\n--[[ sloth: ignore x ]]\nprint(1) -- sloth\n");
  EXPECT_TRUE(s.scan.suppressions.empty());
  EXPECT_TRUE(s.scan.problems.empty());
}

TEST(ReportSuppressions, MalformedDirectivesAreReported) {
  Scanned s("-- sloth: ignore-fiel x\n-- sloth: ignore\n-- sloth: disable x\n");
  ASSERT_EQ(s.scan.problems.size(), 3u);
  EXPECT_EQ(s.scan.problems[0].message,
            "unknown sloth: directive 'ignore-fiel'; did you mean 'ignore-file'?");
  EXPECT_EQ(s.scan.problems[1].code, "invalid-suppression");
  EXPECT_EQ(s.scan.problems[2].message, "unknown sloth: directive 'disable' (expected 'ignore "
                                        "CODE' or 'ignore-file CODE')");
}

} // namespace
} // namespace sloth::report

namespace sloth::report {
namespace {

TEST(ReportSuppressions, LuaLsDirectivesMapNamesAndRegions) {
  SourceManager sources;
  DiagnosticEngine diags;
  std::optional<ParsedChunk> parsed =
      parseSource(sources, "s.lua",
                  "---@diagnostic disable-next-line: need-check-nil, no-such-name\n" // 1
                  "print(1)\n"
                  "---@diagnostic disable: unused-local\n" // 3
                  "local a = 1\n"
                  "---@diagnostic enable\n" // 5
                  "---@diagnostic disable\n",
                  diags);
  ASSERT_TRUE(parsed);
  std::vector<Suppression> s =
      scanLuaLsDirectives(parsed->chunk.comments, sources, parsed->chunk.file);
  ASSERT_EQ(s.size(), 6u);
  EXPECT_EQ(s[0].code, "possibly-nil");
  EXPECT_EQ(s[0].line, 2u);
  EXPECT_EQ(s[0].lastLine, 2u);
  EXPECT_EQ(s[1].code, "no-such-name"); // matches nothing, harmless
  // LuaLS's unused-local covers arguments and loop variables too; the region is lines 3-4.
  std::vector<std::string> regionCodes;
  for (size_t i = 2; i < 5; ++i) {
    regionCodes.push_back(s[i].code);
    EXPECT_EQ(s[i].line, 3u);
    EXPECT_EQ(s[i].lastLine, 4u);
  }
  std::sort(regionCodes.begin(), regionCodes.end());
  EXPECT_EQ(regionCodes,
            (std::vector<std::string>{"unused-argument", "unused-local", "unused-loop-variable"}));
  EXPECT_TRUE(s[5].code.empty()); // every check, from line 6 to the end
  EXPECT_EQ(s[5].line, 6u);
  for (const Suppression& one : s)
    EXPECT_FALSE(one.reportUnused);
  EXPECT_TRUE(unusedSuppressions(s, parsed->chunk.file).empty());
}

} // namespace
} // namespace sloth::report
