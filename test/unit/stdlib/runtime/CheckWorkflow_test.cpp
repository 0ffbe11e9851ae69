// checkWorkflow: unknown dependencies and cycles are reported naming the tasks.
#include "sloth/stdlib/runtime/Workflow.h"

#include <gtest/gtest.h>

using namespace sloth::stdlib::runtime;

namespace {

WorkflowDefinition workflowOf(std::vector<std::pair<std::string, std::vector<std::string>>> tasks) {
  WorkflowDefinition w;
  w.name = "w";
  for (auto& [name, deps] : tasks) {
    TaskDefinition t;
    t.name = name;
    t.dependsOn = deps;
    w.tasks.push_back(t);
  }
  return w;
}

} // namespace

TEST(CheckWorkflow, AcceptsADag) {
  EXPECT_FALSE(checkWorkflow(workflowOf({{"a", {}}, {"b", {"a"}}, {"c", {"a", "b"}}})));
}

TEST(CheckWorkflow, NamesAnUnknownDependency) {
  EXPECT_EQ(checkWorkflow(workflowOf({{"start", {"instal"}}}))->message,
            "workflow 'w': task 'start' depends on unknown task 'instal'");
}

TEST(CheckWorkflow, NamesTheCycle) {
  EXPECT_EQ(checkWorkflow(workflowOf({{"a", {"c"}}, {"b", {"a"}}, {"c", {"b"}}}))->message,
            "workflow 'w': dependency cycle: a -> c -> b -> a");
  EXPECT_EQ(checkWorkflow(workflowOf({{"a", {"a"}}}))->message,
            "workflow 'w': task 'a' depends on itself");
}

TEST(CheckWorkflow, PointsAtTheTask) {
  WorkflowDefinition w = workflowOf({{"a", {}}, {"b", {"nope"}}});
  w.definedAt = "s.sloth:9";
  w.tasks[1].definedAt = "s.sloth:4";
  EXPECT_EQ(checkWorkflow(w)->at, "s.sloth:4");
  w.tasks[1].definedAt.clear(); // not known: the workflow's definition
  EXPECT_EQ(checkWorkflow(w)->at, "s.sloth:9");
}
