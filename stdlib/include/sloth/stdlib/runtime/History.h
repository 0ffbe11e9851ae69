#pragma once
// Run history (design §9): every `sloth run` and the tasks of its workflow, with status,
// start/end times, whether they changed something, and their message. It lives in the user's
// state database ($SLOTH_HOME/state.db, else ~/.local/state/sloth/state.db) in its own tables
// (`runs`, `run_tasks`), beside the state module's. `sloth history` reads it.
//
// A run does not open the database: opening SQLite (its initialization, the schema, the WAL
// index) was a fifth of the wall time of a short run (docs/startup.md). It appends its start and
// its end, one JSON line each, to the history journal beside the database (HistoryJournal), and
// the journal is folded into the tables by `sloth history` and by a run that finds it past
// kJournalFoldBytes.
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
  std::int64_t id = 0; // assigned when the run reaches the database
  std::string key;     // names the run in the journal: "PID-START_NANOSECONDS"
  std::string script;
  std::string workflow; // empty for a plain script
  bool dryRun = false;
  std::string status; // "running", "success", "failed", "interrupted"
  double startedAt = 0;
  std::optional<double> endedAt;
  std::string message;
  std::vector<TaskRecord> tasks;
};

/// One line of the journal: a run started (its script, dry run and start time) or ended (the
/// whole record, tasks included).
struct HistoryEvent {
  enum class Kind { Start, End } kind = Kind::Start;
  RunRecord run;
};

class HistoryStore {
public:
  /// Opens the database (creating it and its tables); throws std::runtime_error naming the file.
  explicit HistoryStore(const std::string& path);
  ~HistoryStore();
  HistoryStore(const HistoryStore&) = delete;
  HistoryStore& operator=(const HistoryStore&) = delete;

  /// Stores journal events in one transaction: a start adds the run as `running` (once per
  /// key), an end sets its final status, workflow, end and message and stores its tasks (adding
  /// the run first if its start was lost). Storing the same events again changes nothing.
  void record(const std::vector<HistoryEvent>& events);
  /// The `limit` most recent runs, newest first, with their tasks.
  std::vector<RunRecord> recentRuns(int limit);

  /// $SLOTH_HOME/state.db, else ~/.local/state/sloth/state.db (the state module's database).
  static std::string defaultPath();

private:
  struct Writes; // the statements recording executes, prepared by the constructor
  void createTables();
  void storeEvent(const HistoryEvent& event);

  std::unique_ptr<SqliteDatabase> db_;
  std::unique_ptr<Writes> writes_;
};

/// The runs not yet in the database, one JSON object per line (`history-journal.jsonl` beside
/// `state.db`). Appends are single O_APPEND writes under a shared flock, so concurrent runs
/// never interleave; folding holds the exclusive lock from reading to emptying the file, so no
/// event is lost or folded twice (and folding again after a crash between the two only repeats
/// what HistoryStore::record ignores). Like the database, the journal is not synced.
class HistoryJournal {
public:
  /// The journal that belongs to the database at `databasePath`.
  explicit HistoryJournal(const std::string& databasePath);

  const std::string& path() const { return path_; }
  /// Appends one event (creating the file, mode 0600, and its directory); returns the file's size
  /// after it. Throws std::runtime_error naming the file.
  std::uint64_t append(const HistoryEvent& event);
  /// Stores every event of the journal in `store`, then empties the journal. Returns how many
  /// lines could not be read (a write cut short by a full disk or a kill) and were dropped.
  /// Throws std::runtime_error naming the file.
  int foldInto(HistoryStore& store);

private:
  std::string path_;
};

/// A run that leaves the journal bigger than this folds it into the database (a few hundred
/// runs), so the tables stay close to current without every run paying for SQLite.
inline constexpr std::uint64_t kJournalFoldBytes = 256 * 1024;

/// Wall-clock now, in Unix seconds.
double unixNow();

/// Records one run as it goes: begin() journals its start before the script runs, the observer
/// callbacks (forwarded to `next`, the view) time each task, finish() journals its end (and folds
/// the journal into the database when it has grown). Errors become one warning.
class HistoryRecorder : public RunObserver {
public:
  HistoryRecorder(std::string script, bool dryRun);
  ~HistoryRecorder() override;

  /// Records the run as `running`.
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
  std::unique_ptr<HistoryJournal> journal_; // set by begin() when it could write
  RunObserver* next_ = nullptr;
  std::map<std::string, double> started_, ended_;
  bool warned_ = false;
};

} // namespace sloth::stdlib::runtime
