// plan::makePlan through its public API: which calls become actions, under which condition, and
// what it refuses to assume.
#include "sloth/analyzer/SourceCompiler.h"
#include "sloth/analyzer/plan/PlanInputs.h"
#include "sloth/analyzer/plan/Planner.h"
#include "sloth/analyzer/types/SignatureLoader.h"

#include <gtest/gtest.h>

#include <string>

namespace sloth::plan {
namespace {

Plan planOf(const std::string& source, PlanOptions options = {}) {
  auto compiled = compiler::compileText("t.lua", source);
  EXPECT_TRUE(compiled->main) << "the test source does not compile";
  if (!compiled->main)
    return {};
  return makePlan(*compiled->main, options, types::builtinSignatures());
}

const Action* find(const Plan& p, const std::string& function, std::size_t nth = 0) {
  for (const TaskPlan& t : p.tasks)
    for (const Action& a : t.actions)
      if (a.function == function && nth-- == 0)
        return &a;
  return nullptr;
}

TEST(Planner, ReadsAreNotActions) {
  Plan p = planOf("local x = file.read('/etc/hosts'); log.info(x); print(file.exists('/x'))");
  EXPECT_EQ(p.actionCount(), 0u);
}

TEST(Planner, ElseBranchGetsTheNegatedTest) {
  Plan p = planOf("if file.exists('/a') then pkg.install('a') else pkg.remove('a') end");
  const Action* install = find(p, "pkg.install");
  const Action* remove = find(p, "pkg.remove");
  ASSERT_TRUE(install && remove);
  EXPECT_EQ(install->condition, "file.exists(\"/a\")");
  EXPECT_EQ(remove->condition, "not file.exists(\"/a\")");
  EXPECT_EQ(remove->verb, Verb::Delete);
}

TEST(Planner, AndConditionsMergeBackAfterTheIf) {
  Plan p = planOf("if file.exists('/a') and file.exists('/b') then exec.command('x') end\n"
                  "pkg.install('after')");
  const Action* after = find(p, "pkg.install");
  ASSERT_TRUE(after);
  EXPECT_FALSE(after->condition.has_value());
  const Action* x = find(p, "exec.command");
  ASSERT_TRUE(x);
  EXPECT_EQ(x->condition, "file.exists(\"/a\") and file.exists(\"/b\")");
}

TEST(Planner, KnownBranchesAreDecided) {
  Plan p = planOf("local mode = 'prod'\nif mode == 'dev' then pkg.install('debug') end\n"
                  "if mode == 'prod' then pkg.install('app') end");
  EXPECT_EQ(p.actionCount(), 1u);
  const Action* a = find(p, "pkg.install");
  ASSERT_TRUE(a);
  EXPECT_EQ(a->text, "install app");
  EXPECT_FALSE(a->condition.has_value());
}

TEST(Planner, ErrorEndsThePath) {
  Plan p = planOf("if not file.exists('/a') then error('missing') end\npkg.install('a')");
  const Action* a = find(p, "pkg.install");
  ASSERT_TRUE(a);
  EXPECT_EQ(a->condition, "file.exists(\"/a\")");
}

TEST(Planner, ClassMethodsThroughIndexAreFollowed) {
  Plan p = planOf("local C = {}; C.__index = C\n"
                  "function C.new(n) return setmetatable({ n = n }, C) end\n"
                  "function C:go() pkg.install(self.n) end\n"
                  "C.new('vim'):go()");
  const Action* a = find(p, "pkg.install");
  ASSERT_TRUE(a);
  EXPECT_EQ(a->text, "install vim");
}

TEST(Planner, ParamsNotGivenAreUnknownNotNil) {
  PlanOptions options;
  std::string error;
  options.params = *loadInputs("", {"name=web"}, error);
  Plan p = planOf("local t = task('t'):command(function(this, params)\n"
                  "  if params.extra then pkg.install(params.extra) end\n"
                  "  pkg.install(params.name)\n"
                  "end):build()\nworkflow.define('w'):tasks({ t })",
                  options);
  const Action* extra = find(p, "pkg.install", 0);
  const Action* name = find(p, "pkg.install", 1);
  ASSERT_TRUE(extra && name);
  EXPECT_EQ(extra->condition, "params.extra");
  EXPECT_EQ(extra->unknown, std::vector<std::string>{"name"});
  EXPECT_EQ(name->text, "install web");
}

TEST(Planner, InputsRejectASetWithoutValue) {
  std::string error;
  EXPECT_FALSE(loadInputs("", {"novalue"}, error));
  EXPECT_EQ(error, "--set 'novalue': expected key=value");
}

TEST(Planner, SeveralWorkflowsNeedAName) {
  Plan p = planOf("workflow.define('a'):tasks({}); workflow.define('b'):tasks({})");
  ASSERT_EQ(p.errors.size(), 1u);
  EXPECT_NE(p.errors[0].find("several workflows (a, b)"), std::string::npos);
}

} // namespace
} // namespace sloth::plan
