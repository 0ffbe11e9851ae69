#include "sloth/stdlib/runtime/History.h"

#include <fmt/core.h>

#include <chrono>
#include <cstdio>
#include <exception>
#include <unistd.h>

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
  auto now = std::chrono::system_clock::now().time_since_epoch();
  run_.startedAt = std::chrono::duration<double>(now).count();
  run_.key = fmt::format("{}-{}", ::getpid(),
                         std::chrono::duration_cast<std::chrono::nanoseconds>(now).count());
  try {
    journal_ = std::make_unique<HistoryJournal>(HistoryStore::defaultPath());
    journal_->append({HistoryEvent::Kind::Start, run_});
  } catch (const std::exception& e) {
    journal_.reset();
    warn(e.what());
  }
}

void HistoryRecorder::finish(int exitCode, const std::string& message, const RunReport* report,
                             const std::function<int(const std::string&)>& wouldChange) {
  if (!journal_)
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
  std::unique_ptr<HistoryJournal> journal = std::move(journal_); // later calls do nothing
  std::uint64_t journalSize = 0;
  try {
    journalSize = journal->append({HistoryEvent::Kind::End, run_});
  } catch (const std::exception& e) {
    warn(e.what());
    return;
  }
  if (journalSize <= kJournalFoldBytes)
    return;
  try {
    HistoryStore store(HistoryStore::defaultPath());
    journal->foldInto(store);
  } catch (const std::exception& e) {
    // The run is in the journal; a later fold (`sloth history`) adds it.
    std::fflush(stdout);
    fmt::print(stderr, "sloth: warning: the history journal was not added to the database: {}\n",
               e.what());
  }
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
