// report::knownCodes: every code docs/checks.md lists and every code the sources report literally
// is in it, so [check.severity] never refuses a real code.
#include "sloth/analyzer/report/Codes.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

namespace sloth::report {
namespace {

std::string readFile(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::set<std::string> matches(const std::string& text, const std::regex& pattern) {
  std::set<std::string> out;
  for (auto it = std::sregex_iterator(text.begin(), text.end(), pattern);
       it != std::sregex_iterator(); ++it)
    out.insert((*it)[1].str());
  return out;
}

TEST(ReportCodes, EveryDocumentedCodeIsKnown) {
  std::filesystem::path docs = std::filesystem::path(SLOTH_SOURCE_DIR) / "docs";
  // Table rows that start with codes: "| `unused-suppression`, `invalid-suppression` | ...".
  std::regex row(R"re(\n\| `([a-z]+(?:-[a-z]+)+)`)re");
  std::regex more(R"re(\n\| (?:`[a-z-]+`, )+`([a-z]+(?:-[a-z]+)+)`)re");
  std::set<std::string> documented;
  std::string text = readFile(docs / "checks.md"); // its table lists every check's code
  for (const std::regex* r : {&row, &more})
    for (const std::string& code : matches(text, *r))
      documented.insert(code);
  EXPECT_GT(documented.size(), 25u);
  for (const std::string& code : documented)
    EXPECT_TRUE(isKnownCode(code)) << code;
}

TEST(ReportCodes, EveryCodeTheSourcesReportIsKnown) {
  std::regex reported(
      R"re((?:report|error|warning)\(\s*(?:Severity::\w+,\s*)?"([a-z]+(?:-[a-z]+)+)")re");
  size_t seen = 0;
  for (const char* dir : {"frontend/src", "analyzer/src"})
    for (const auto& entry : std::filesystem::recursive_directory_iterator(
             std::filesystem::path(SLOTH_SOURCE_DIR) / dir))
      if (entry.path().extension() == ".cpp")
        for (const std::string& code : matches(readFile(entry.path()), reported)) {
          ++seen;
          EXPECT_TRUE(isKnownCode(code)) << code << " in " << entry.path();
        }
  EXPECT_GT(seen, 30u);
}

} // namespace
} // namespace sloth::report
