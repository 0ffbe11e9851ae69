#include "sloth/stdlib/runtime/Workflow.h"

#include "sloth/Suggest.h"

#include "modules/WorkflowSpec.h"

#include <fmt/core.h>

#include <algorithm>
#include <functional>
#include <map>

namespace sloth::stdlib::runtime {

using vm::Thread;
using vm::Type;

namespace {

std::string stringField(Thread& L, int table, const char* key) {
  std::string value;
  std::string_view text;
  if (L.getField(table, key) == Type::String && L.toStringView(-1, text))
    value = std::string(text);
  L.pop();
  return value;
}

double numberField(Thread& L, int table, const char* key, double fallback) {
  double value = L.getField(table, key) == Type::Number ? L.toNumber(-1) : fallback;
  L.pop();
  return value;
}

bool hasField(Thread& L, int table, const char* key) {
  bool present = L.getField(table, key) != Type::Nil;
  L.pop();
  return present;
}

Action actionField(Thread& L, int table, const char* key) {
  Action action;
  Type type = L.getField(table, key);
  if (type == Type::Function) {
    action.kind = Action::Kind::Function;
  } else if (type == Type::String) {
    std::string_view text;
    L.toStringView(-1, text);
    action.kind = Action::Kind::Shell;
    action.shell = std::string(text);
  }
  L.pop();
  return action;
}

TaskDefinition readTask(Thread& L, int task) {
  TaskDefinition t;
  t.name = stringField(L, task, "name");
  t.definedAt = stringField(L, task, "defined_at");
  t.description = stringField(L, task, "description");
  if (L.getField(task, "depends_on") == Type::Table) {
    std::size_t n = L.rawLen(-1);
    for (std::size_t i = 1; i <= n; ++i) {
      L.rawGetI(-1, static_cast<std::int64_t>(i));
      t.dependsOn.emplace_back(L.toDisplayString(-1));
      L.pop(2);
    }
  }
  L.pop();
  t.command = actionField(L, task, "command");
  t.runIf = actionField(L, task, "run_if");
  t.abortIf = actionField(L, task, "abort_if");
  t.timeout = numberField(L, task, "timeout", 0);
  t.retries = static_cast<int>(numberField(L, task, "retries", 0));
  if (L.getField(task, "backoff") == Type::Table) {
    int backoff = L.top();
    t.backoffDelay = numberField(L, backoff, "delay", 1);
    t.backoffFactor = numberField(L, backoff, "factor", 2);
    t.backoffMaxDelay = numberField(L, backoff, "max_delay", 0);
  }
  L.pop();
  t.workdir = stringField(L, task, "workdir");
  t.user = stringField(L, task, "user");
  t.delegateTo = stringField(L, task, "delegate_to");
  t.hasOnSuccess = hasField(L, task, "on_success");
  t.hasOnFailure = hasField(L, task, "on_failure");
  return t;
}

} // namespace

std::vector<WorkflowDefinition> definedWorkflows(Thread& L) {
  std::vector<WorkflowDefinition> result;
  if (L.getField(vm::kRegistryIndex, workflows::kRegistryKey) != Type::Table) {
    L.pop();
    return result;
  }
  int registry = L.top();
  std::size_t count = L.rawLen(registry);
  for (std::size_t i = 1; i <= count; ++i) {
    L.rawGetI(registry, static_cast<std::int64_t>(i));
    int wf = L.top();
    WorkflowDefinition w;
    w.luaIndex = static_cast<int>(i);
    w.name = stringField(L, wf, "name");
    w.description = stringField(L, wf, "description");
    w.version = stringField(L, wf, "version");
    w.definedAt = stringField(L, wf, "defined_at");
    w.hasOnStart = hasField(L, wf, "on_start");
    w.hasOnComplete = hasField(L, wf, "on_complete");
    if (L.getField(wf, "config") == Type::Table) {
      int config = L.top();
      w.maxParallelTasks = static_cast<int>(numberField(L, config, "max_parallel_tasks", 0));
      w.timeout = numberField(L, config, "timeout", 0);
      L.getField(config, "fail_fast");
      w.failFast = L.toBoolean(-1);
      L.pop();
    }
    L.pop();
    if (L.getField(wf, "tasks") == Type::Table) {
      int tasks = L.top();
      std::size_t n = L.rawLen(tasks);
      for (std::size_t j = 1; j <= n; ++j) {
        L.rawGetI(tasks, static_cast<std::int64_t>(j));
        w.tasks.push_back(readTask(L, L.top()));
        L.pop();
      }
    }
    L.pop(2); // tasks, the workflow
    result.push_back(std::move(w));
  }
  L.pop();
  return result;
}

std::string didYouMean(const std::string& name, const WorkflowDefinition& workflow) {
  std::vector<std::string> names;
  for (const TaskDefinition& t : workflow.tasks)
    names.push_back(t.name);
  std::optional<std::string> closest = closestName(name, names);
  return closest ? fmt::format("; did you mean '{}'?", *closest) : "";
}

std::optional<WorkflowProblem> checkWorkflow(const WorkflowDefinition& workflow) {
  auto at = [&workflow](const TaskDefinition& t) {
    return t.definedAt.empty() ? workflow.definedAt : t.definedAt;
  };
  std::map<std::string, const TaskDefinition*> byName;
  for (const TaskDefinition& t : workflow.tasks)
    byName[t.name] = &t;
  for (const TaskDefinition& t : workflow.tasks)
    for (const std::string& dep : t.dependsOn) {
      if (dep == t.name)
        return WorkflowProblem{at(t), fmt::format("workflow '{}': task '{}' depends on itself",
                                                  workflow.name, t.name)};
      if (!byName.count(dep))
        return WorkflowProblem{
            at(t), fmt::format("workflow '{}': task '{}' depends on unknown task '{}'{}",
                               workflow.name, t.name, dep, didYouMean(dep, workflow))};
    }
  // Depth-first search; the path on the stack names the cycle.
  std::map<std::string, int> state; // 0 unvisited, 1 on the path, 2 done
  std::vector<std::string> path;
  std::function<std::optional<WorkflowProblem>(const TaskDefinition&)> visit =
      [&](const TaskDefinition& t) -> std::optional<WorkflowProblem> {
    state[t.name] = 1;
    path.push_back(t.name);
    for (const std::string& dep : t.dependsOn) {
      if (state[dep] == 1) {
        std::string cycle;
        auto start = std::find(path.begin(), path.end(), dep);
        for (auto it = start; it != path.end(); ++it)
          cycle += *it + " -> ";
        return WorkflowProblem{
            at(t), fmt::format("workflow '{}': dependency cycle: {}{}", workflow.name, cycle, dep)};
      }
      if (state[dep] == 0)
        if (auto found = visit(*byName[dep]))
          return found;
    }
    path.pop_back();
    state[t.name] = 2;
    return std::nullopt;
  };
  for (const TaskDefinition& t : workflow.tasks)
    if (state[t.name] == 0)
      if (auto found = visit(t))
        return found;
  return std::nullopt;
}

void pushDefinitionField(Thread& L, const WorkflowDefinition& workflow, int taskIndex,
                         const char* key) {
  L.getField(vm::kRegistryIndex, workflows::kRegistryKey);
  L.rawGetI(-1, workflow.luaIndex);
  if (taskIndex >= 0) {
    L.getField(-1, "tasks");
    L.rawGetI(-1, taskIndex + 1);
    L.getField(-1, key);
    L.replace(-5);
    L.pop(3);
  } else {
    L.getField(-1, key);
    L.replace(-3);
    L.pop();
  }
}

} // namespace sloth::stdlib::runtime
