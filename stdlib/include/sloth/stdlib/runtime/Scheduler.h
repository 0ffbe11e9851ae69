#pragma once
// Runs one workflow on the event loop (design §6): each task attempt is a coroutine; tasks whose
// dependencies succeeded start as soon as a slot of max_parallel_tasks is free; a failed or
// skipped dependency skips its dependents; timeouts cancel the attempt and kill its processes;
// failed attempts are retried after their backoff; fail_fast, the workflow timeout and Ctrl-C
// stop new tasks from starting.

#include "sloth/stdlib/runtime/Workflow.h"
#include "sloth/vm/State.h"

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace sloth::stdlib::runtime {

class Runtime;

enum class TaskStatus { Pending, Running, Success, Failed, Skipped };
std::string_view statusName(TaskStatus status); // "pending", "running", "success", ...

struct TaskOutcome {
  TaskStatus status = TaskStatus::Pending;
  bool changed = false; // success unless the outputs say changed = false
  std::string message;  // the command's message, the failure, or why it was skipped
  nlohmann::json outputs = nlohmann::json::object();
  double duration = 0; // seconds, retries included
  int attempts = 0;
  bool skippedByCondition = false; // run_if did not hold
};

/// What the run shows as it goes (the CLI's progress view implements it).
class RunObserver {
public:
  virtual ~RunObserver() = default;
  virtual void taskStarted(const TaskDefinition& task) = 0;
  virtual void taskRetrying(const TaskDefinition& task, int nextAttempt, double delay,
                            const std::string& error) = 0;
  virtual void taskFinished(const TaskDefinition& task, const TaskOutcome& outcome) = 0;
  /// Output of a task's shell command (stream 1 or 2), as it arrives.
  virtual void taskOutput(const TaskDefinition& task, int stream, std::string_view chunk) = 0;
};

struct RunOptions {
  std::vector<std::string> onlyTasks; // --task: these and what they depend on; empty: all
};

struct RunReport {
  bool success = false;
  bool interrupted = false;
  std::string error; // a failure of the workflow itself (on_start, on_complete, timeout)
  double duration = 0;
  std::vector<const TaskDefinition*> tasks; // the selected tasks, in definition order
  std::vector<TaskOutcome> outcomes;        // parallel to tasks
};

/// Sets the params every command receives (the table on top of L's stack, popped).
void setRunParams(vm::Thread& L);

/// Runs the workflow from the main thread (the script's main chunk has returned). The workflow
/// must have passed checkWorkflow; unknown names in options.onlyTasks raise std::invalid_argument.
RunReport runWorkflow(vm::Thread& L, Runtime& runtime, const WorkflowDefinition& workflow,
                      const RunOptions& options, RunObserver& observer);

/// The Lua value at `index` as JSON (tables with 1..n keys become arrays; functions and other
/// values that JSON cannot hold become their tostring()).
nlohmann::json toJson(vm::Thread& L, int index);

} // namespace sloth::stdlib::runtime
