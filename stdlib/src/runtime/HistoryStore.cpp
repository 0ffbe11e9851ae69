#include "modules/StateStore.h"
#include "sloth/stdlib/runtime/History.h"
#include "sloth/stdlib/runtime/SqliteDatabase.h"

#include <chrono>

namespace sloth::stdlib::runtime {

double unixNow() {
  return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
}

std::string HistoryStore::defaultPath() {
  return modules::StateStore::defaultPath();
}

namespace {

bool hasColumn(const SqliteDatabase& db, const char* table, const char* column) {
  return sqlite3_table_column_metadata(db.handle(), "main", table, column, nullptr, nullptr,
                                       nullptr, nullptr, nullptr) == SQLITE_OK;
}

} // namespace

// The statements recording executes, prepared once when the history opens.
struct HistoryStore::Writes {
  explicit Writes(const SqliteDatabase& db)
      : insertRun(db, "INSERT OR IGNORE INTO runs (run_key, script, workflow, dry_run, status, "
                      "started_at) VALUES (?1, ?2, '', ?3, 'running', ?4)"),
        updateRun(db, "UPDATE runs SET workflow = ?2, status = ?3, ended_at = ?4, "
                      "message = ?5 WHERE run_key = ?1 RETURNING id"),
        insertTask(db, "INSERT OR REPLACE INTO run_tasks (run_id, position, name, status, changed, "
                       "message, started_at, ended_at, attempts, would_change) "
                       "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)") {}

  SqliteStatement insertRun;
  SqliteStatement updateRun;
  SqliteStatement insertTask;
};

// The tables are created when missing. The history is Relaxed (SqliteDatabase.h): a power loss may
// lose the last runs' records.
HistoryStore::HistoryStore(const std::string& path)
    : db_(std::make_unique<SqliteDatabase>(path, Durability::Relaxed)) {
  if (!hasColumn(*db_, "runs", "id") || !hasColumn(*db_, "run_tasks", "run_id"))
    createTables();
  if (!hasColumn(*db_, "runs", "run_key")) { // a database from before the journal
    db_->setup("ALTER TABLE runs ADD COLUMN run_key TEXT");
    db_->setup("CREATE UNIQUE INDEX IF NOT EXISTS runs_by_key ON runs (run_key)");
  }
  writes_ = std::make_unique<Writes>(*db_);
}

void HistoryStore::createTables() {
  db_->setup("CREATE TABLE IF NOT EXISTS runs (id INTEGER PRIMARY KEY AUTOINCREMENT, "
             "script TEXT NOT NULL, workflow TEXT NOT NULL, dry_run INTEGER NOT NULL, "
             "status TEXT NOT NULL, started_at REAL NOT NULL, ended_at REAL, message TEXT NOT "
             "NULL DEFAULT '', run_key TEXT)");
  db_->setup("CREATE UNIQUE INDEX IF NOT EXISTS runs_by_key ON runs (run_key)");
  db_->setup("CREATE TABLE IF NOT EXISTS run_tasks (run_id INTEGER NOT NULL REFERENCES runs(id) "
             "ON DELETE CASCADE, position INTEGER NOT NULL, name TEXT NOT NULL, status TEXT NOT "
             "NULL, changed INTEGER NOT NULL, message TEXT NOT NULL, started_at REAL, ended_at "
             "REAL NOT NULL, attempts INTEGER NOT NULL, would_change INTEGER NOT NULL, "
             "PRIMARY KEY (run_id, position))");
}

HistoryStore::~HistoryStore() = default;

void HistoryStore::record(const std::vector<HistoryEvent>& events) {
  SqliteTransaction transaction(*db_, true);
  for (const HistoryEvent& event : events)
    storeEvent(event);
  transaction.commit();
}

void HistoryStore::storeEvent(const HistoryEvent& event) {
  const RunRecord& run = event.run;
  auto insertRun = [&] {
    SqliteStatement& insert = writes_->insertRun;
    insert.reset();
    insert.bind(1, run.key);
    insert.bind(2, run.script);
    insert.bind(3, std::int64_t{run.dryRun});
    insert.bind(4, std::optional<double>(run.startedAt));
    insert.step();
  };
  // The end: the id of the run it completes, or nothing when its start was never stored.
  auto updateRun = [&]() -> std::optional<std::int64_t> {
    SqliteStatement& update = writes_->updateRun;
    update.reset();
    update.bind(1, run.key);
    update.bind(2, run.workflow);
    update.bind(3, run.status);
    update.bind(4, run.endedAt);
    update.bind(5, run.message);
    if (!update.step())
      return std::nullopt;
    std::int64_t id = sqlite3_column_int64(update.get(), 0);
    while (update.step()) { // RETURNING: the update completes when stepped to the end
    }
    return id;
  };
  if (event.kind == HistoryEvent::Kind::Start) {
    insertRun();
    return;
  }
  std::optional<std::int64_t> updated = updateRun();
  if (!updated) { // its start line was lost
    insertRun();
    updated = updateRun();
    if (!updated)
      return;
  }
  std::int64_t id = *updated;
  SqliteStatement& task = writes_->insertTask;
  std::int64_t position = 0;
  for (const TaskRecord& t : run.tasks) {
    task.reset();
    task.bind(1, id);
    task.bind(2, position++);
    task.bind(3, t.name);
    task.bind(4, t.status);
    task.bind(5, std::int64_t{t.changed});
    task.bind(6, t.message);
    task.bind(7, t.startedAt);
    task.bind(8, std::optional<double>(t.endedAt));
    task.bind(9, std::int64_t{t.attempts});
    task.bind(10, std::int64_t{t.wouldChange});
    task.step();
  }
}

std::vector<RunRecord> HistoryStore::recentRuns(int limit) {
  SqliteTransaction transaction(*db_, false); // one snapshot for the runs and their tasks
  std::vector<RunRecord> runs;
  SqliteStatement select(*db_, "SELECT id, script, workflow, dry_run, status, started_at, "
                               "ended_at, message FROM runs ORDER BY id DESC LIMIT ?1");
  select.bind(1, std::int64_t{limit});
  while (select.step()) {
    RunRecord run;
    run.id = sqlite3_column_int64(select.get(), 0);
    run.script = select.text(1);
    run.workflow = select.text(2);
    run.dryRun = sqlite3_column_int(select.get(), 3) != 0;
    run.status = select.text(4);
    run.startedAt = select.number(5).value_or(0);
    run.endedAt = select.number(6);
    run.message = select.text(7);
    runs.push_back(std::move(run));
  }
  for (RunRecord& run : runs) {
    SqliteStatement tasks(*db_, "SELECT name, status, changed, message, started_at, ended_at, "
                                "attempts, would_change FROM run_tasks WHERE run_id = ?1 "
                                "ORDER BY position");
    tasks.bind(1, run.id);
    while (tasks.step()) {
      TaskRecord task;
      task.name = tasks.text(0);
      task.status = tasks.text(1);
      task.changed = sqlite3_column_int(tasks.get(), 2) != 0;
      task.message = tasks.text(3);
      task.startedAt = tasks.number(4);
      task.endedAt = tasks.number(5).value_or(0);
      task.attempts = sqlite3_column_int(tasks.get(), 6);
      task.wouldChange = sqlite3_column_int(tasks.get(), 7);
      run.tasks.push_back(std::move(task));
    }
  }
  return runs;
}

} // namespace sloth::stdlib::runtime
