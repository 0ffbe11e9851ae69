// dsl::checkTaskGraph: each check fires where the run would certainly fail, and only there.
#include "sloth/analyzer/dsl/DslChecks.h"
#include "sloth/frontend/Frontend.h"

#include <gtest/gtest.h>

namespace sloth::dsl {
namespace {

// "code: message" of each diagnostic the DSL checks report on `source`.
std::vector<std::string> check(std::string source) {
  SourceManager sources;
  DiagnosticEngine parseDiags;
  auto parsed = parseSource(sources, "t.sloth", std::move(source), parseDiags);
  EXPECT_TRUE(parsed);
  DiagnosticEngine diags;
  checkTaskGraph(extractTaskGraph(parsed->chunk), diags);
  std::vector<std::string> out;
  for (const Diagnostic& d : diags.diagnostics())
    out.push_back(d.code + ": " + d.message);
  return out;
}

TEST(DslChecks, UnknownDependencySuggestsTheClosestTask) {
  auto found = check(R"(local a = task("install"):build()
local b = task("start"):depends_on({"instal", "install"}):build()
workflow.define("w"):tasks({a, b}))");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0], "unknown-dependency: task 'start' depends on 'instal', which is not a task "
                      "of workflow 'w'; did you mean 'install'?");
}

TEST(DslChecks, UnknownDependencyNeedsTheWholeList) {
  EXPECT_TRUE(check(R"(local b = task("start"):depends_on("install"):build()
workflow.define("w"):tasks({b, other}))")
                  .empty());
  EXPECT_TRUE(check(R"(local b = task("start"):depends_on("install")
helper(b)
workflow.define("w"):tasks({b:build()}))")
                  .empty());
}

TEST(DslChecks, CycleIsNamedOnce) {
  auto found = check(R"(workflow.define("w", {tasks = {
  {name = "a", depends_on = "b"}, {name = "b", depends_on = {"c"}}, {name = "c", depends_on = "a"},
}}))");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0], "dependency-cycle: workflow 'w': dependency cycle: a -> b -> c -> a");
}

TEST(DslChecks, TwoCyclesAreTwoErrors) {
  auto found = check(R"(workflow.define("w", {tasks = {
  {name = "a", depends_on = "b"}, {name = "b", depends_on = "a"},
  {name = "c", depends_on = "c"},
}}))");
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[1], "dependency-cycle: task 'c' depends on itself");
}

TEST(DslChecks, DuplicateNamesAndMissingBuild) {
  auto found = check(R"(local a = task("x"):build()
local b = task("x")
workflow.define("w"):tasks({a, b}))");
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].substr(0, 15), "missing-build: ");
  EXPECT_EQ(found[1], "duplicate-task: workflow 'w' has two tasks named 'x'; task names must be "
                      "unique within a workflow");
}

TEST(DslChecks, ValidWorkflowIsSilent) {
  EXPECT_TRUE(check(R"(local a = task("a"):command("true"):build()
local b = task("b"):depends_on("a"):command(function() end):build()
workflow.define("w", {tasks = {a, b, {name = "c", depends_on = {"a", "b"}}}}))")
                  .empty());
}

} // namespace
} // namespace sloth::dsl
