#pragma once
// The workflows a script defined (with workflow.define), as plain data: what `sloth list` shows
// and what the scheduler runs. Functions (commands, conditions, hooks) stay in the Lua tables;
// `luaIndex` finds them.

#include "sloth/vm/State.h"

#include <optional>
#include <string>
#include <vector>

namespace sloth::stdlib::runtime {

/// A command or a condition: absent, a Lua function, or a shell command string.
struct Action {
  enum class Kind { None, Function, Shell } kind = Kind::None;
  std::string shell; // the command line for Kind::Shell
};

struct TaskDefinition {
  std::string name;
  std::string definedAt; // "file:line" of its task(name) call
  std::string description;
  std::vector<std::string> dependsOn;
  Action command, runIf, abortIf;
  double timeout = 0; // seconds, 0: none
  int retries = 0;
  double backoffDelay = 1, backoffFactor = 2, backoffMaxDelay = 0; // seconds; max 0: no bound
  std::string workdir, user, delegateTo;
  bool hasOnSuccess = false, hasOnFailure = false;
};

struct WorkflowDefinition {
  std::string name;
  std::string description;
  std::string version;
  std::string definedAt; // "file:line" of workflow.define
  std::vector<TaskDefinition> tasks;
  int maxParallelTasks = 0; // 0: the number of CPUs
  double timeout = 0;
  bool failFast = false;
  bool hasOnStart = false, hasOnComplete = false;
  int luaIndex = 0; // position in registry["sloth.workflows"]
};

/// The workflows defined so far on L's State, in definition order.
std::vector<WorkflowDefinition> definedWorkflows(vm::Thread& L);

/// Why a workflow cannot run, and where: the task that names an unknown dependency or closes a
/// cycle (its task(name) call; the workflow's definition when that is not known).
struct WorkflowProblem {
  std::string at; // "file:line"
  std::string message;
};

/// Why the workflow cannot run (an unknown dependency or a cycle, naming the tasks), if it can't.
std::optional<WorkflowProblem> checkWorkflow(const WorkflowDefinition& workflow);

/// "; did you mean 'build'?" when a task of `workflow` is a plausible typo of `name`, else "".
std::string didYouMean(const std::string& name, const WorkflowDefinition& workflow);

/// Pushes field `key` of task `taskIndex` (0-based) of the workflow (nil when absent);
/// taskIndex -1 pushes the workflow's own field.
void pushDefinitionField(vm::Thread& L, const WorkflowDefinition& workflow, int taskIndex,
                         const char* key);

} // namespace sloth::stdlib::runtime
