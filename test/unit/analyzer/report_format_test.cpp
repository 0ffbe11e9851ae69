// report::render: the machine formats' exact shapes and escaping.
#include "sloth/analyzer/report/OutputFormat.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace sloth::report {
namespace {

// One file "dir/a b.lua" with an error on line 2 (a note on line 1) and a warning with a
// multi-byte character before it.
CheckReport sample() {
  CheckReport report;
  FileResult f;
  f.path = "dir/a b.lua";
  f.sources = std::make_unique<SourceManager>();
  f.file = f.sources->addBuffer("dir/a b.lua", "local x = 1\nprint(y)\nlocal s = \"é\" .. z\n");
  Diagnostic error;
  error.code = "undefined-global";
  error.range = {18, 19}; // `y`
  error.message = "undefined global 'y', 100%: bad\nreally";
  error.notes.push_back({f.file, {6, 7}, "did you mean 'x'?"});
  Diagnostic warning;
  warning.severity = Severity::Warning;
  warning.code = "possibly-nil";
  warning.range = {39, 40}; // `z`: byte column 19, character column 18 (after "é")
  warning.message = "z may be nil";
  f.diagnostics = {error, warning};
  report.files.push_back(std::move(f));
  report.checkedFiles = 1;
  report.errorCount = 1;
  report.warningCount = 1;
  return report;
}

TEST(ReportFormat, Github) {
  EXPECT_EQ(render(sample(), OutputFormat::Github, false),
            "::error file=dir/a b.lua,line=2,col=7,endLine=2,endColumn=7,title=undefined-global::"
            "undefined global 'y', 100%25: bad%0Areally\n"
            "::warning file=dir/a b.lua,line=3,col=19,endLine=3,endColumn=19,title=possibly-nil::"
            "z may be nil\n");
}

TEST(ReportFormat, SarifResultsRulesAndRegions) {
  auto sarif = nlohmann::json::parse(render(sample(), OutputFormat::Sarif, false));
  EXPECT_EQ(sarif["version"], "2.1.0");
  const auto& run = sarif["runs"][0];
  EXPECT_EQ(run["tool"]["driver"]["name"], "slothc");
  ASSERT_EQ(run["tool"]["driver"]["rules"].size(), 2u);
  EXPECT_EQ(run["tool"]["driver"]["rules"][1]["id"], "possibly-nil");
  const auto& results = run["results"];
  ASSERT_EQ(results.size(), 2u);
  EXPECT_EQ(results[0]["ruleId"], "undefined-global");
  EXPECT_EQ(results[0]["level"], "error");
  const auto& location = results[0]["locations"][0]["physicalLocation"];
  EXPECT_EQ(location["artifactLocation"]["uri"], "dir/a%20b.lua");
  EXPECT_EQ(location["region"]["startLine"], 2);
  EXPECT_EQ(location["region"]["startColumn"], 7);
  EXPECT_EQ(location["region"]["endColumn"], 8);
  EXPECT_EQ(results[0]["relatedLocations"][0]["message"]["text"], "did you mean 'x'?");
  EXPECT_EQ(results[1]["level"], "warning");
  // Columns count characters: "é" is one.
  EXPECT_EQ(results[1]["locations"][0]["physicalLocation"]["region"]["startColumn"], 18);
}

TEST(ReportFormat, JsonKeepsItsShape) {
  auto json = nlohmann::json::parse(render(sample(), OutputFormat::Json, false));
  EXPECT_EQ(json["version"], 1);
  EXPECT_EQ(json["summary"], nlohmann::json::parse(R"({"files":1,"errors":1,"warnings":1})"));
  EXPECT_EQ(json["diagnostics"][1]["column"], 19); // bytes
  EXPECT_EQ(json["diagnostics"][1]["severity"], "warning");
}

TEST(ReportFormat, TextEndsWithTheSummary) {
  std::string text = render(sample(), OutputFormat::Text, false);
  EXPECT_NE(text.find("dir/a b.lua:2:7: error: undefined global 'y'"), std::string::npos);
  EXPECT_EQ(text.substr(text.rfind('\n', text.size() - 2) + 1), "1 error, 1 warning in 1 file\n");
}

TEST(ReportFormat, Names) {
  EXPECT_EQ(parseOutputFormat("sarif"), OutputFormat::Sarif);
  EXPECT_EQ(parseOutputFormat("github"), OutputFormat::Github);
  EXPECT_FALSE(parseOutputFormat("xml"));
  EXPECT_TRUE(isMachineFormat(OutputFormat::Json));
  EXPECT_FALSE(isMachineFormat(OutputFormat::Gcc));
}

} // namespace
} // namespace sloth::report
