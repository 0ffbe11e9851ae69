#include "sloth/stdlib/runtime/History.h"

#include <fmt/core.h>

#include <cstdio>
#include <exception>

namespace sloth::stdlib::runtime {

HistoryRecorder::HistoryRecorder(std::string script, bool dryRun) {
  run_.script = std::move(script);
  run_.dryRun = dryRun;
}

HistoryRecorder::~HistoryRecorder() = default;

void HistoryRecorder::warn(const std::string& problem) {
  if (warned_)
    return;
  warned_ = true;
  std::fflush(stdout);
  fmt::print(stderr, "sloth: warning: the run history was not recorded: {}\n", problem);
}

void HistoryRecorder::begin() {
  run_.startedAt = unixNow();
  try {
    store_ = std::make_unique<HistoryStore>(HistoryStore::defaultPath());
    run_.id = store_->beginRun(run_);
  } catch (const std::exception& e) {
    store_.reset();
    warn(e.what());
  }
}

void HistoryRecorder::finish(int exitCode, const std::string& message, const RunReport* report,
                             const std::function<int(const std::string&)>& wouldChange) {
  if (!store_)
    return;
  run_.endedAt = unixNow();
  run_.status = exitCode == 0 ? "success" : exitCode == 130 ? "interrupted" : "failed";
  run_.message = message;
  if (report) {
    if (run_.message.empty())
      run_.message = report->error;
    for (std::size_t i = 0; i < report->tasks.size(); ++i) {
      const TaskDefinition& def = *report->tasks[i];
      const TaskOutcome& outcome = report->outcomes[i];
      TaskRecord task;
      task.name = def.name;
      task.status = std::string(statusName(outcome.status));
      task.changed = outcome.changed;
      task.message = outcome.message;
      if (auto it = started_.find(def.name); it != started_.end())
        task.startedAt = it->second;
      auto ended = ended_.find(def.name);
      task.endedAt = ended != ended_.end() ? ended->second : *run_.endedAt;
      task.attempts = outcome.attempts;
      task.wouldChange = wouldChange ? wouldChange(def.name) : 0;
      run_.tasks.push_back(std::move(task));
    }
  }
  try {
    store_->finishRun(run_);
  } catch (const std::exception& e) {
    warn(e.what());
  }
  store_.reset(); // recorded: later calls do nothing
}

void HistoryRecorder::taskStarted(const TaskDefinition& task) {
  started_.try_emplace(task.name, unixNow());
  if (next_)
    next_->taskStarted(task);
}

void HistoryRecorder::taskRetrying(const TaskDefinition& task, int nextAttempt, double delay,
                                   const std::string& error) {
  if (next_)
    next_->taskRetrying(task, nextAttempt, delay, error);
}

void HistoryRecorder::taskFinished(const TaskDefinition& task, const TaskOutcome& outcome) {
  ended_[task.name] = unixNow();
  if (next_)
    next_->taskFinished(task, outcome);
}

void HistoryRecorder::taskOutput(const TaskDefinition& task, int stream, std::string_view chunk) {
  if (next_)
    next_->taskOutput(task, stream, chunk);
}

} // namespace sloth::stdlib::runtime
