// report::CheckConfig: sloth.toml reading (problems at their line:column) and exclude globs.
#include "sloth/analyzer/report/CheckConfig.h"

#include <gtest/gtest.h>

#include <fstream>
#include <unistd.h>

namespace sloth::report {
namespace {

namespace fs = std::filesystem;

class ConfigDir : public ::testing::Test {
protected:
  fs::path dir;
  void SetUp() override {
    dir = fs::temp_directory_path() /
          ("sloth-config-" + std::to_string(getpid()) + "-" +
           ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir);
    fs::create_directories(dir / "a" / "b");
  }
  void TearDown() override { fs::remove_all(dir); }
  void write(const fs::path& file, const std::string& text) { std::ofstream(file) << text; }
  std::string at(const LoadedConfig& loaded, const Diagnostic& d) {
    auto loc = loaded.sources->location(d.file, d.range.begin);
    return std::to_string(loc.line) + ":" + std::to_string(loc.column);
  }
};

TEST_F(ConfigDir, ReadsGlobalsExcludeAndSeverities) {
  write(dir / "sloth.toml", R"([check]
globals = ["vim", "inventory"]
exclude = ["vendor"]
[check.severity]
unused-local = "off"
deprecated = "error"
undefined-global = "warning"
[plan]
whatever = 1
)");
  LoadedConfig loaded = loadCheckConfig(dir / "sloth.toml");
  EXPECT_TRUE(loaded.problems.empty());
  const CheckConfig& c = *loaded.config;
  EXPECT_EQ(c.globals, (std::vector<std::string>{"vim", "inventory"}));
  EXPECT_EQ(c.exclude, (std::vector<std::string>{"vendor"}));
  EXPECT_EQ(c.severity.at("unused-local"), std::nullopt);
  EXPECT_EQ(c.severity.at("deprecated"), Severity::Error);
  EXPECT_EQ(c.severity.at("undefined-global"), Severity::Warning);

  std::vector<Diagnostic> diags(3);
  diags[0].code = "unused-local";
  diags[1].code = "deprecated";
  diags[1].severity = Severity::Warning;
  diags[2].code = "other";
  diags[2].severity = Severity::Warning;
  c.applySeverity(diags);
  ASSERT_EQ(diags.size(), 2u);
  EXPECT_EQ(diags[0].code, "deprecated");
  EXPECT_EQ(diags[0].severity, Severity::Error);
  EXPECT_EQ(diags[1].severity, Severity::Warning);
}

TEST_F(ConfigDir, ProblemsNameLineAndColumnInFileOrder) {
  write(dir / "sloth.toml", "[check]\nglobals = [1, \"ok\"]\nzzz = 1\naaa = 2\n"
                            "[check.severity]\nunused-local = \"fatal\"\n");
  LoadedConfig loaded = loadCheckConfig(dir / "sloth.toml");
  ASSERT_EQ(loaded.problems.size(), 4u);
  EXPECT_EQ(at(loaded, loaded.problems[0]), "2:12");
  EXPECT_EQ(loaded.problems[0].message, "[check] globals: every entry must be a string");
  EXPECT_EQ(at(loaded, loaded.problems[1]), "3:1");
  EXPECT_EQ(at(loaded, loaded.problems[2]), "4:1");
  EXPECT_EQ(at(loaded, loaded.problems[3]), "6:16");
  for (const Diagnostic& d : loaded.problems)
    EXPECT_EQ(d.code, "bad-config");
  EXPECT_EQ(loaded.config->globals, std::vector<std::string>{"ok"});
}

TEST_F(ConfigDir, InvalidTomlIsOneProblem) {
  write(dir / "sloth.toml", "[check\n");
  LoadedConfig loaded = loadCheckConfig(dir / "sloth.toml");
  ASSERT_EQ(loaded.problems.size(), 1u);
  EXPECT_EQ(loaded.problems[0].message.rfind("invalid TOML: ", 0), 0u);
}

TEST_F(ConfigDir, FinderUsesTheNearestFileAndCachesIt) {
  write(dir / "sloth.toml", "[check]\nglobals = [\"outer\"]\n");
  write(dir / "a" / "b" / "sloth.toml", "[check]\nglobals = [\"inner\"]\n");
  ConfigFinder finder;
  auto inner = finder.forDirectory(dir / "a" / "b");
  auto middle = finder.forDirectory(dir / "a");
  EXPECT_EQ(inner->globals, std::vector<std::string>{"inner"});
  EXPECT_EQ(middle->globals, std::vector<std::string>{"outer"});
  EXPECT_EQ(finder.forDirectory(dir / "a").get(), middle.get());
  EXPECT_EQ(finder.loaded().size(), 2u);
}

TEST(CheckConfigExclude, GlobsMatchRelativePathsAndComponents) {
  CheckConfig c;
  c.root = "/p";
  c.exclude = {"vendor", "*.gen.lua", "lib/**/skip-*.lua", "build/", "./tools/*.lua"};
  EXPECT_TRUE(c.excludes("/p/vendor/x/y.lua"));
  EXPECT_TRUE(c.excludes("/p/src/vendor/y.lua")); // no '/': any component
  EXPECT_TRUE(c.excludes("/p/a/api.gen.lua"));
  EXPECT_TRUE(c.excludes("/p/lib/skip-me.lua"));
  EXPECT_TRUE(c.excludes("/p/lib/x/y/skip-me.lua"));
  EXPECT_TRUE(c.excludes("/p/build/out.lua"));
  EXPECT_TRUE(c.excludes("/p/tools/gen.lua"));
  EXPECT_FALSE(c.excludes("/p/lib/keep.lua"));
  EXPECT_FALSE(c.excludes("/p/src/vendored.lua"));
  EXPECT_FALSE(c.excludes("/other/vendor/y.lua")); // outside the config's directory
}

} // namespace
} // namespace sloth::report
