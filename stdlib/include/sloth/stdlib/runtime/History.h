#pragma once
// Run history (design §9): every `sloth run` and the tasks of its workflow, with status,
// start/end times, whether they changed something, and their message. It lives in the user's
// state database ($SLOTH_HOME/state.db, else ~/.local/state/sloth/state.db) in its own tables
// (`runs`, `run_tasks`), beside the state module's. `sloth history` reads it.
//
// Recording must never fail a run: HistoryRecorder reports a problem with the database as one
// warning on stderr and carries on.

#include "sloth/stdlib/runtime/Scheduler.h"

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace sloth::stdlib::runtime {

class SqliteDatabase;

struct TaskRecord {
  std::string name;
  std::string status; // "success", "failed", "skipped"
  bool changed = false;
  std::string message;
  std::optional<double> startedAt; // Unix seconds; none for a task that never started
  double endedAt = 0;
  int attempts = 0;
  int wouldChange = 0; // dry runs: the changes predicted
};

struct RunRecord {
  std::int64_t id = 0;
  std::string script;
  std::string workflow; // empty for a plain script
  bool dryRun = false;
  std::string status; // "running", "success", "failed", "interrupted"
  double startedAt = 0;
  std::optional<double> endedAt;
  std::string message;
  std::vector<TaskRecord> tasks;
};

class HistoryStore {
public:
  /// Opens the database (creating it and its tables); throws std::runtime_error naming the file.
  explicit HistoryStore(const std::string& path);
  ~HistoryStore();
  HistoryStore(const HistoryStore&) = delete;
  HistoryStore& operator=(const HistoryStore&) = delete;

  /// Adds a run with status "running"; returns its id.
  std::int64_t beginRun(const RunRecord& run);
  /// Sets the run's final status, workflow, end and message, and stores its tasks.
  void finishRun(const RunRecord& run);
  /// The `limit` most recent runs, newest first, with their tasks.
  std::vector<RunRecord> recentRuns(int limit);

  /// $SLOTH_HOME/state.db, else ~/.local/state/sloth/state.db (the state module's database).
  static std::string defaultPath();

private:
  struct Writes; // the statements a run executes, prepared by the constructor
  void createTables();

  std::unique_ptr<SqliteDatabase> db_;
  std::unique_ptr<Writes> writes_;
};

/// Wall-clock now, in Unix seconds.
double unixNow();

/// Records one run as it goes: begin() before the script runs, the observer callbacks (forwarded
/// to `next`, the view) time each task, finish() stores it all. Errors become one warning.
class HistoryRecorder : public RunObserver {
public:
  HistoryRecorder(std::string script, bool dryRun);
  ~HistoryRecorder() override;

  /// Opens the history and records the run as `running`.
  void begin();
  /// The observer to give runWorkflow: it times the tasks, then calls `next`.
  void setNext(RunObserver* next) { next_ = next; }
  void setWorkflow(std::string name) { run_.workflow = std::move(name); }
  /// Ends the run: status from the exit code (0 success, 130 interrupted, else failed). Only
  /// the first call records; later ones do nothing.
  void finish(int exitCode, const std::string& message, const RunReport* report,
              const std::function<int(const std::string& task)>& wouldChange = {});

  void taskStarted(const TaskDefinition& task) override;
  void taskRetrying(const TaskDefinition& task, int nextAttempt, double delay,
                    const std::string& error) override;
  void taskFinished(const TaskDefinition& task, const TaskOutcome& outcome) override;
  void taskOutput(const TaskDefinition& task, int stream, std::string_view chunk) override;

private:
  void warn(const std::string& problem);

  RunRecord run_;
  std::unique_ptr<HistoryStore> store_;
  RunObserver* next_ = nullptr;
  std::map<std::string, double> started_, ended_;
  bool warned_ = false;
};

} // namespace sloth::stdlib::runtime
