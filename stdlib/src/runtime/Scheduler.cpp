#include "sloth/stdlib/runtime/Scheduler.h"

#include "sloth/stdlib/runtime/ChildProcess.h"
#include "sloth/stdlib/runtime/DryRun.h"
#include "sloth/stdlib/runtime/Runtime.h"

#include "TaskOutput.h"

#include <boost/asio/steady_timer.hpp>

#include <fmt/core.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>
#include <set>
#include <stdexcept>
#include <thread>
#include <unistd.h>

namespace sloth::stdlib::runtime {

using vm::Thread;
using vm::Type;

namespace {

constexpr const char* kParamsKey = "sloth.run.params";
constexpr const char* kOutputsKey = "sloth.run.outputs";
// task name -> the params table its functions receive, made on first use in each run.
constexpr const char* kTaskParamsKey = "sloth.run.task_params";
using Clock = std::chrono::steady_clock;

// Params nested deeper than this are refused (the task fails) rather than copied by a recursion
// that would exhaust the C++ stack; the data module's encoders stop at the same depth.
constexpr int kMaxParamsNesting = 200;

void pushDeepCopy(Thread& L, int index, int seen, int depth = 0);

// Sets to[k] = a deep copy of from[k] for every key of the table `from` (replacing what `to` had).
// `seen` (a table index) maps each original table to its copy: a table reached twice is copied
// once, and cycles stay cycles.
void copyEntries(Thread& L, int from, int to, int seen, int depth = 0) {
  from = L.absIndex(from);
  to = L.absIndex(to);
  L.checkStack(4);
  L.pushNil();
  while (L.next(from)) {
    if (L.isTable(-1)) {
      pushDeepCopy(L, -1, seen, depth + 1);
      L.replace(-2);
    }
    L.pushValue(-2);
    L.insert(-2);
    L.rawSet(to);
  }
}

// Pushes a copy of the table at `index` with nested tables copied too, so a task that changes its
// params changes nobody else's.
void pushDeepCopy(Thread& L, int index, int seen, int depth) {
  if (depth > kMaxParamsNesting)
    L.runError(fmt::format("params: tables nested more than {} levels deep", kMaxParamsNesting));
  index = L.absIndex(index);
  L.checkStack(3);
  L.pushValue(index);
  if (L.rawGet(seen) == Type::Table)
    return;
  L.pop();
  L.newTable();
  L.pushValue(index);
  L.pushValue(-2);
  L.rawSet(seen);
  copyEntries(L, index, -1, seen, depth);
}

std::string formatSeconds(double seconds) {
  if (seconds == std::floor(seconds))
    return fmt::format("{}s", static_cast<long long>(seconds));
  return fmt::format("{:g}s", seconds);
}

double secondsSince(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

Clock::duration toDuration(double seconds) {
  return std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
}

std::string currentDirectory() {
  char buffer[4096];
  return ::getcwd(buffer, sizeof buffer) ? std::string(buffer) : std::string(".");
}

// What one attempt's coroutine found, read by the scheduler when the coroutine ends.
struct AttemptResult {
  enum class Kind { Succeeded, Failed, SkippedByRunIf, Aborted } kind = Kind::Succeeded;
  std::string message;
  nlohmann::json outputs = nlohmann::json::object();
  bool unchanged = false; // outputs.changed == false
};

class WorkflowRun {
public:
  WorkflowRun(Thread& L, Runtime& runtime, const WorkflowDefinition& workflow,
              const RunOptions& options, RunObserver& observer)
      : L_(L), runtime_(runtime), workflow_(workflow), observer_(observer),
        workflowTimer_(runtime.io()) {
    select(options.onlyTasks);
    maxParallel_ = workflow.maxParallelTasks > 0
                       ? workflow.maxParallelTasks
                       : std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
  }

  RunReport run() {
    Clock::time_point start = Clock::now();
    L_.newTable();
    L_.setField(vm::kRegistryIndex, kOutputsKey);
    if (L_.getField(vm::kRegistryIndex, kParamsKey) != Type::Table) {
      L_.newTable();
      L_.setField(vm::kRegistryIndex, kParamsKey);
    }
    L_.pop();
    L_.newTable();
    L_.setField(vm::kRegistryIndex, kTaskParamsKey);
    // print() and io.write in a task reach the view with the task's name, as its commands'
    // output does.
    TaskOutputRedirect outputRedirect(
        L_, [this](const std::string& task, int stream, std::string_view text) {
          if (auto it = byName_.find(task); it != byName_.end())
            observer_.taskOutput(*tasks_[it->second].def, stream, text);
        });
    runtime_.handleInterrupts([this] {
      interrupted_ = true;
      stop("interrupted");
    });
    if (workflow_.timeout > 0) {
      workflowTimer_.expires_after(toDuration(workflow_.timeout));
      workflowTimer_.async_wait([this](const boost::system::error_code& ec) {
        if (!ec)
          stop(fmt::format("workflow timed out after {}", formatSeconds(workflow_.timeout)));
      });
    }

    // Timeouts must also stop Lua code that never waits (`while true do end`), which keeps the
    // event loop and its timers from running: the runtime's deadline watch interrupts the VM, and
    // this check fails the running task's coroutine once its deadline has passed.
    auto deadlineCheck = runtime_.deadlines().watch([this](Thread& co) { failIfTimedOut(co); });
    if (workflow_.hasOnStart)
      if (std::string error = runHook(-1, "on_start", [](Thread&) { return 0; }); !error.empty())
        report_.error = fmt::format("on_start failed: {}", error);
    if (report_.error.empty()) {
      pump();
      runtime_.runUntil(L_, [this] { return finished_; });
    } else {
      stop(report_.error);
    }
    for (TaskRun& t : tasks_)
      if (t.outcome.status == TaskStatus::Pending) {
        t.outcome.status = TaskStatus::Skipped;
        t.outcome.message = fmt::format("not started: {}", stopReason_);
        observer_.taskFinished(*t.def, t.outcome);
      }
    workflowTimer_.cancel();

    report_.success = report_.error.empty() && !interrupted_;
    for (const TaskRun& t : tasks_)
      if (t.outcome.status == TaskStatus::Failed ||
          (t.outcome.status == TaskStatus::Skipped && !t.outcome.skippedByCondition))
        report_.success = false;
    // on_complete runs after an interrupt too (success false): it is where cleanup and
    // notifications live. A second Ctrl-C while it runs exits at once.
    if (workflow_.hasOnComplete) {
      bool success = report_.success;
      std::string error = runHook(-1, "on_complete", [this, success](Thread& co) {
        co.pushBoolean(success);
        pushResults(co);
        return 2;
      });
      if (!error.empty()) {
        report_.error = fmt::format("on_complete failed: {}", error);
        report_.success = false;
      }
    }
    report_.interrupted = interrupted_;
    report_.duration = secondsSince(start);
    for (const TaskRun& t : tasks_) {
      report_.tasks.push_back(t.def);
      report_.outcomes.push_back(t.outcome);
    }
    return report_;
  }

private:
  struct TaskRun {
    const TaskDefinition* def = nullptr;
    int index = 0;                 // in workflow_.tasks
    std::vector<std::size_t> deps; // its dependencies, as indexes into tasks_
    TaskOutcome outcome;
    Clock::time_point started;
    int group = 0;
    std::unique_ptr<boost::asio::steady_timer> timer; // the attempt's timeout, or the backoff
    bool inBackoff = false;
  };

  void select(const std::vector<std::string>& only) {
    std::map<std::string, int> indexOf;
    for (std::size_t i = 0; i < workflow_.tasks.size(); ++i)
      indexOf[workflow_.tasks[i].name] = static_cast<int>(i);
    std::set<int> chosen;
    std::vector<int> todo;
    for (const std::string& name : only) {
      auto it = indexOf.find(name);
      if (it == indexOf.end())
        throw std::invalid_argument(fmt::format("workflow '{}' has no task named '{}'{}",
                                                workflow_.name, name, didYouMean(name, workflow_)));
      todo.push_back(it->second);
    }
    while (!todo.empty()) {
      int i = todo.back();
      todo.pop_back();
      if (!chosen.insert(i).second)
        continue;
      for (const std::string& dep : workflow_.tasks[static_cast<std::size_t>(i)].dependsOn)
        todo.push_back(indexOf.at(dep));
    }
    for (std::size_t i = 0; i < workflow_.tasks.size(); ++i)
      if (only.empty() || chosen.count(static_cast<int>(i))) {
        TaskRun t;
        t.def = &workflow_.tasks[i];
        t.index = static_cast<int>(i);
        byName_[t.def->name] = tasks_.size();
        tasks_.push_back(std::move(t));
      }
    // pump() looks at every pending task's dependencies after every event: by index, not by a
    // name lookup each time (a 4 000-task chain spent 80 % of its run comparing names).
    for (TaskRun& t : tasks_)
      for (const std::string& dep : t.def->dependsOn)
        t.deps.push_back(byName_.at(dep));
  }

  bool ended(TaskStatus s) const {
    return s == TaskStatus::Success || s == TaskStatus::Failed || s == TaskStatus::Skipped;
  }

  // Starts what can start and skips what can never run; notices when the run is over.
  void pump() {
    for (bool progress = true; progress;) {
      progress = false;
      for (TaskRun& t : tasks_) {
        if (t.outcome.status != TaskStatus::Pending)
          continue;
        const TaskRun* blocker = nullptr;
        bool waiting = false;
        for (std::size_t dep : t.deps) {
          const TaskRun& d = tasks_[dep];
          if (!ended(d.outcome.status))
            waiting = true;
          else if (d.outcome.status != TaskStatus::Success && !blocker)
            blocker = &d;
        }
        if (waiting)
          continue;
        if (blocker) {
          bool failed = blocker->outcome.status == TaskStatus::Failed;
          t.outcome.status = TaskStatus::Skipped;
          t.outcome.skippedByCondition = !failed && blocker->outcome.skippedByCondition;
          t.outcome.message = fmt::format("dependency '{}' {}", blocker->def->name,
                                          failed ? "failed" : "was skipped");
          observer_.taskFinished(*t.def, t.outcome);
          progress = true;
          continue;
        }
        if (stopping_ || running_ >= maxParallel_)
          continue;
        start(t);
        progress = true;
      }
    }
    if (running_ == 0)
      finished_ = true;
  }

  void stop(const std::string& reason) {
    if (!stopping_) {
      stopping_ = true;
      stopReason_ = reason;
    }
    if (!interrupted_ && reason.rfind("workflow timed out", 0) != 0)
      return; // fail_fast: running tasks finish
    for (TaskRun& t : tasks_) {
      if (t.outcome.status != TaskStatus::Running)
        continue;
      if (t.inBackoff)
        t.timer->cancel();
      else
        runtime_.cancelGroup(t.group, reason);
    }
  }

  void start(TaskRun& t) {
    ++running_;
    t.outcome.status = TaskStatus::Running;
    t.started = Clock::now();
    observer_.taskStarted(*t.def);
    if (!t.def->delegateTo.empty()) {
      // Remote execution is not there yet; running it here instead would be wrong.
      finalize(t, TaskStatus::Failed,
               fmt::format("delegate_to ('{}') is not supported yet: the task was not run",
                           t.def->delegateTo),
               {});
      return;
    }
    attempt(t, 1);
  }

  // Pushes `this` for the task's functions: {name, workflow, workdir, attempt, dry_run}.
  void pushThis(Thread& co, const TaskRun& t, int attempt) {
    co.newTable(0, 5);
    co.pushBoolean(isDryRun(co));
    co.setField(-2, "dry_run");
    co.pushString(t.def->name);
    co.setField(-2, "name");
    co.pushString(workflow_.name);
    co.setField(-2, "workflow");
    co.pushString(t.def->workdir.empty() ? currentDirectory() : t.def->workdir);
    co.setField(-2, "workdir");
    co.pushInteger(attempt);
    co.setField(-2, "attempt");
  }

  // The task's own params (`task(...):params{...}`) as defaults, overridden key by key at the top
  // level by the run's values (--values, --set), like Ansible's extra vars. Each task has its own
  // copy, shared by its command, conditions and hooks across attempts.
  void pushParams(Thread& co, const TaskRun& t) {
    co.getField(vm::kRegistryIndex, kTaskParamsKey);
    if (co.getField(-1, t.def->name) == Type::Table) {
      co.remove(-2);
      return;
    }
    co.pop();
    co.newTable(); // seen, for pushDeepCopy
    int seen = co.top();
    pushDefinitionField(co, workflow_, t.index, "params");
    if (co.isTable(-1))
      pushDeepCopy(co, -1, seen);
    else
      co.newTable();
    int merged = co.top();
    co.getField(vm::kRegistryIndex, kParamsKey);
    copyEntries(co, -1, merged, seen);
    co.pop();
    co.pushValue(merged);
    co.setField(seen - 1, t.def->name);
    co.replace(seen - 1); // merged where the registry table was
    co.setTop(seen - 1);
  }

  // input[dep] = the outputs of each dependency.
  void pushInput(Thread& co, const TaskRun& t) {
    co.newTable();
    co.getField(vm::kRegistryIndex, kOutputsKey);
    for (const std::string& dep : t.def->dependsOn) {
      if (co.getField(-1, dep) == Type::Nil) {
        co.pop();
        co.newTable();
      }
      co.setField(-3, dep);
    }
    co.pop();
  }

  ProcessSpec shellSpec(const TaskRun& t, const std::string& command) {
    ProcessSpec spec;
    spec.argv = {"/bin/sh", "-c", command};
    spec.cwd = t.def->workdir;
    return spec;
  }

  bool evaluate(Thread& co, const TaskRun& t, const Action& condition, const char* key,
                int attempt) {
    if (condition.kind == Action::Kind::Shell && isDryRun(co)) {
      // A shell string may change the host, so a dry run does not run it; the task is shown as
      // it would go if run_if held and abort_if did not.
      predict(co, Prediction::Kind::Unknown, key, condition.shell,
              std::string(key) == "run_if" ? "not run in a dry run; assumed to hold"
                                           : "not run in a dry run; assumed not to hold");
      return std::string(key) == "run_if";
    }
    if (condition.kind == Action::Kind::Shell) {
      ProcessSpec spec = shellSpec(t, condition.shell);
      runAsUser(co, key, spec, t.def->user);
      return runProcess(co, key, spec).exitCode == 0;
    }
    pushDefinitionField(co, workflow_, t.index, key);
    pushThis(co, t, attempt);
    pushParams(co, t);
    pushInput(co, t);
    co.call(3, 1);
    bool holds = co.toBoolean(-1);
    co.pop();
    return holds;
  }

  void runCommand(Thread& co, TaskRun& t, int attempt, AttemptResult& result) {
    const Action& command = t.def->command;
    if (command.kind == Action::Kind::Shell && isDryRun(co)) {
      predict(co, Prediction::Kind::WouldRun, "command", command.shell,
              t.def->workdir.empty() ? std::string() : "in " + t.def->workdir);
      result.message = "would run: " + command.shell;
      result.outputs = {{"exit_code", 0}, {"stdout", ""}, {"dry_run", true}};
      storeOutputs(co, t, result);
      return;
    }
    if (command.kind == Action::Kind::Shell) {
      ProcessSpec spec = shellSpec(t, command.shell);
      runAsUser(co, "command", spec, t.def->user);
      spec.onOutput = [this, &t](int stream, std::string_view chunk) {
        observer_.taskOutput(*t.def, stream, chunk);
      };
      ProcessResult r = runProcess(co, "command", spec);
      result.outputs = {{"exit_code", r.exitCode}, {"stdout", r.stdoutText}};
      if (r.exitCode != 0) {
        result.kind = AttemptResult::Kind::Failed;
        std::string lastLine = r.stderrText;
        while (!lastLine.empty() && lastLine.back() == '\n')
          lastLine.pop_back();
        if (auto nl = lastLine.rfind('\n'); nl != std::string::npos)
          lastLine = lastLine.substr(nl + 1);
        result.message = fmt::format("command exited with status {}{}", r.exitCode,
                                     lastLine.empty() ? "" : ": " + lastLine);
      }
      storeOutputs(co, t, result);
      return;
    }
    if (command.kind != Action::Kind::Function)
      return;
    int base = co.top();
    pushDefinitionField(co, workflow_, t.index, "command");
    pushThis(co, t, attempt);
    pushParams(co, t);
    pushInput(co, t);
    co.call(3, 3);
    // true|false[, message[, outputs]], nothing for success (docs/dsl.md). `nil, message` is
    // Lua's way to fail (io.open's); any other first result (`return "done"`, a result table)
    // is a mistake the task fails with, rather than a success whose message is lost.
    Type first = co.type(base + 1);
    if (!co.isNil(base + 2))
      result.message = std::string(co.toDisplayString(base + 2));
    if (first == Type::Boolean ? !co.toBoolean(base + 1)
                               : first == Type::Nil && !co.isNil(base + 2)) {
      result.kind = AttemptResult::Kind::Failed;
      if (result.message.empty())
        result.message = "the command returned false";
    } else if (first != Type::Boolean && first != Type::Nil) {
      result.kind = AttemptResult::Kind::Failed;
      result.message = fmt::format("the command returned {} where true, false or nothing was "
                                   "expected (return true|false[, message[, outputs]])",
                                   co.typeNameAt(base + 1));
    }
    if (!co.isNil(base + 3)) {
      if (!co.isTable(base + 3))
        co.runError(fmt::format("task '{}': the command's third result (outputs) must be a "
                                "table, got {}",
                                t.def->name, co.typeNameAt(base + 3)));
      result.outputs = toJson(co, base + 3);
      co.getField(vm::kRegistryIndex, kOutputsKey);
      co.pushValue(base + 3);
      co.setField(-2, t.def->name);
      co.pop();
    }
    co.setTop(base);
  }

  // Shell commands' outputs (exit_code, stdout) reach dependents too.
  void storeOutputs(Thread& co, const TaskRun& t, const AttemptResult& result) {
    co.getField(vm::kRegistryIndex, kOutputsKey);
    co.newTable();
    co.pushInteger(result.outputs.value("exit_code", 0));
    co.setField(-2, "exit_code");
    co.pushString(result.outputs.value("stdout", ""));
    co.setField(-2, "stdout");
    co.setField(-2, t.def->name);
    co.pop();
  }

  void attempt(TaskRun& t, int n) {
    t.inBackoff = false;
    t.outcome.attempts = n;
    t.group = runtime_.newGroup(t.def->name);
    if (!t.def->workdir.empty())
      runtime_.setGroupWorkdir(t.group, t.def->workdir);
    auto result = std::make_shared<AttemptResult>();
    int group = t.group;
    runtime_.spawn(
        L_, 0, group,
        [this, &t, n, result](Thread& co) {
          if (n == 1 && t.def->abortIf.kind != Action::Kind::None &&
              evaluate(co, t, t.def->abortIf, "abort_if", n)) {
            result->kind = AttemptResult::Kind::Aborted;
            result->message = "aborted: abort_if held";
            return;
          }
          if (n == 1 && t.def->runIf.kind != Action::Kind::None &&
              !evaluate(co, t, t.def->runIf, "run_if", n)) {
            result->kind = AttemptResult::Kind::SkippedByRunIf;
            result->message = "run_if did not hold";
            return;
          }
          runCommand(co, t, n, *result);
        },
        [this, &t, n, result, group](bool ok, const std::string& error) {
          if (t.group != group)
            return;
          if (t.timer)
            t.timer->cancel();
          if (ok && result->kind == AttemptResult::Kind::Succeeded) {
            finalize(t, TaskStatus::Success, result->message, result->outputs);
            return;
          }
          if (ok && result->kind == AttemptResult::Kind::SkippedByRunIf) {
            t.outcome.skippedByCondition = true;
            finalize(t, TaskStatus::Skipped, result->message, {});
            return;
          }
          std::string message = ok ? result->message : error;
          if (ok && result->kind == AttemptResult::Kind::Aborted)
            return finalize(t, TaskStatus::Failed, message, {});
          if (n <= t.def->retries && !stopping_)
            return retry(t, n, message);
          finalize(t, TaskStatus::Failed, message, {});
        });
    if (t.def->timeout > 0) {
      t.timer = std::make_unique<boost::asio::steady_timer>(runtime_.io());
      t.timer->expires_after(toDuration(t.def->timeout));
      t.timer->async_wait([this, &t, group](const boost::system::error_code& ec) {
        if (ec || t.group != group || t.outcome.status != TaskStatus::Running)
          return;
        runtime_.cancelGroup(group,
                             fmt::format("timed out after {}", formatSeconds(t.def->timeout)));
      });
    }
  }

  // Runs on the VM's thread when the watchdog interrupts Lua code: raises in a coroutine of a
  // task whose attempt is past its timeout (or the workflow's), and asks to be called again so a
  // pcall around the loop cannot keep the task alive.
  void failIfTimedOut(Thread& co) {
    int group = runtime_.currentGroup();
    Clock::time_point now = Clock::now();
    for (TaskRun& t : tasks_) {
      if (group == Runtime::kNoGroup || t.group != group || t.inBackoff ||
          t.outcome.status != TaskStatus::Running)
        continue;
      std::string reason;
      if (t.timer && t.def->timeout > 0 && now >= t.timer->expiry())
        reason = fmt::format("timed out after {}", formatSeconds(t.def->timeout));
      else if (workflow_.timeout > 0 && now >= workflowTimer_.expiry())
        reason = fmt::format("workflow timed out after {}", formatSeconds(workflow_.timeout));
      if (reason.empty())
        return;
      runtime_.state().requestInterrupt();
      co.runError(reason);
    }
  }

  void retry(TaskRun& t, int n, const std::string& error) {
    double delay = t.def->backoffDelay * std::pow(t.def->backoffFactor, n - 1);
    if (t.def->backoffMaxDelay > 0)
      delay = std::min(delay, t.def->backoffMaxDelay);
    observer_.taskRetrying(*t.def, n + 1, delay, error);
    t.inBackoff = true;
    t.timer = std::make_unique<boost::asio::steady_timer>(runtime_.io());
    t.timer->expires_after(toDuration(delay));
    t.timer->async_wait([this, &t, n, error](const boost::system::error_code& ec) {
      if (ec || stopping_) // interrupted or timed out while waiting to retry
        return finalize(t, TaskStatus::Failed, stopping_ ? stopReason_ : error, {});
      attempt(t, n + 1);
    });
  }

  // Runs the task's on_success / on_failure handler, then records how the task ended.
  void finalize(TaskRun& t, TaskStatus status, std::string message, nlohmann::json outputs) {
    t.inBackoff = false;
    const char* hook = status == TaskStatus::Success && t.def->hasOnSuccess  ? "on_success"
                       : status == TaskStatus::Failed && t.def->hasOnFailure ? "on_failure"
                                                                             : nullptr;
    if (!hook || interrupted_)
      return record(t, status, std::move(message), std::move(outputs));
    int group = runtime_.newGroup(t.def->name);
    bool success = status == TaskStatus::Success;
    runtime_.spawn(
        L_, 0, group,
        [this, &t, hook, success, message](Thread& co) {
          pushDefinitionField(co, workflow_, t.index, hook);
          pushThis(co, t, t.outcome.attempts);
          pushParams(co, t);
          if (success) {
            co.getField(vm::kRegistryIndex, kOutputsKey);
            if (co.getField(-1, t.def->name) == Type::Nil) {
              co.pop();
              co.newTable();
            }
            co.remove(-2);
          } else {
            co.newTable(0, 2);
            co.pushString(message);
            co.setField(-2, "error");
            co.pushString(t.def->name);
            co.setField(-2, "task_name");
          }
          co.call(3, 0);
        },
        [this, &t, status, message, outputs, hook](bool ok, const std::string& error) {
          if (ok)
            return record(t, status, message, outputs);
          std::string failure = fmt::format("{} failed: {}", hook, error);
          record(t, TaskStatus::Failed,
                 status == TaskStatus::Failed ? message + "; " + failure : failure, outputs);
        });
  }

  void record(TaskRun& t, TaskStatus status, std::string message, nlohmann::json outputs) {
    --running_;
    t.outcome.status = status;
    t.outcome.message = std::move(message);
    t.outcome.outputs = outputs.is_object() ? std::move(outputs) : nlohmann::json::object();
    t.outcome.changed = status == TaskStatus::Success && !(t.outcome.outputs.contains("changed") &&
                                                           t.outcome.outputs["changed"] == false);
    t.outcome.duration = secondsSince(t.started);
    observer_.taskFinished(*t.def, t.outcome);
    if (status == TaskStatus::Failed && workflow_.failFast)
      stop(fmt::format("fail_fast: task '{}' failed", t.def->name));
    pump();
  }

  // results[name] = {status, changed, message, outputs, duration}, for on_complete.
  void pushResults(Thread& co) {
    co.newTable();
    co.getField(vm::kRegistryIndex, kOutputsKey);
    for (const TaskRun& t : tasks_) {
      co.newTable(0, 5);
      co.pushString(statusName(t.outcome.status));
      co.setField(-2, "status");
      co.pushBoolean(t.outcome.changed);
      co.setField(-2, "changed");
      if (!t.outcome.message.empty()) {
        co.pushString(t.outcome.message);
        co.setField(-2, "message");
      }
      if (co.getField(-2, t.def->name) == Type::Nil || t.outcome.status != TaskStatus::Success) {
        co.pop();
        co.newTable();
      }
      co.setField(-2, "outputs");
      co.pushNumber(t.outcome.duration);
      co.setField(-2, "duration");
      co.setField(-3, t.def->name);
    }
    co.pop();
  }

  // Runs a workflow-level handler (taskIndex -1) to its end; returns its error, empty when none.
  std::string runHook(int taskIndex, const char* key, std::function<int(Thread&)> pushArgs) {
    bool done = false;
    std::string failure;
    runtime_.spawn(
        L_, 0, Runtime::kNoGroup,
        [this, taskIndex, key, pushArgs](Thread& co) {
          pushDefinitionField(co, workflow_, taskIndex, key);
          co.call(pushArgs(co), 0);
        },
        [&](bool ok, const std::string& error) {
          done = true;
          if (!ok)
            failure = error;
        });
    runtime_.runUntil(L_, [&] { return done; });
    return failure;
  }

  Thread& L_;
  Runtime& runtime_;
  const WorkflowDefinition& workflow_;
  RunObserver& observer_;
  boost::asio::steady_timer workflowTimer_;
  std::vector<TaskRun> tasks_;
  std::map<std::string, std::size_t> byName_;
  int maxParallel_ = 1;
  int running_ = 0;
  bool stopping_ = false;
  bool interrupted_ = false;
  bool finished_ = false;
  std::string stopReason_;
  RunReport report_;
};

nlohmann::json toJsonAt(Thread& L, int index, int depth) {
  index = L.absIndex(index);
  switch (L.type(index)) {
  case Type::Nil:
  case Type::None:
    return nullptr;
  case Type::Boolean:
    return L.toBoolean(index);
  case Type::Number:
    if (L.isInteger(index))
      return L.toInteger(index);
    else {
      double n = L.toNumber(index);
      return std::isfinite(n) ? nlohmann::json(n) : nlohmann::json(fmt::format("{}", n));
    }
  case Type::String: {
    std::string_view text;
    L.toStringView(index, text);
    return std::string(text);
  }
  case Type::Table: {
    if (depth > 32)
      return "(nested too deeply)";
    std::size_t n = L.rawLen(index);
    std::size_t count = 0;
    L.pushNil();
    while (L.next(index)) {
      ++count;
      L.pop();
    }
    if (n > 0 && count == n) {
      nlohmann::json array = nlohmann::json::array();
      for (std::size_t i = 1; i <= n; ++i) {
        L.rawGetI(index, static_cast<std::int64_t>(i));
        array.push_back(toJsonAt(L, -1, depth + 1));
        L.pop();
      }
      return array;
    }
    nlohmann::json object = nlohmann::json::object();
    L.pushNil();
    while (L.next(index)) {
      std::string key(L.toDisplayString(-2));
      L.pop();
      object[key] = toJsonAt(L, -1, depth + 1);
      L.pop();
    }
    return object;
  }
  default: {
    std::string shown(L.toDisplayString(index));
    L.pop();
    return shown;
  }
  }
}

} // namespace

std::string_view statusName(TaskStatus status) {
  switch (status) {
  case TaskStatus::Pending:
    return "pending";
  case TaskStatus::Running:
    return "running";
  case TaskStatus::Success:
    return "success";
  case TaskStatus::Failed:
    return "failed";
  case TaskStatus::Skipped:
    return "skipped";
  }
  return "pending";
}

void setRunParams(Thread& L) {
  L.setField(vm::kRegistryIndex, kParamsKey);
}

RunReport runWorkflow(Thread& L, Runtime& runtime, const WorkflowDefinition& workflow,
                      const RunOptions& options, RunObserver& observer) {
  WorkflowRun run(L, runtime, workflow, options, observer);
  return run.run();
}

nlohmann::json toJson(Thread& L, int index) {
  return toJsonAt(L, index, 0);
}

} // namespace sloth::stdlib::runtime
