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

bool hasTable(const SqliteDatabase& db, const char* name) {
  return sqlite3_table_column_metadata(db.handle(), "main", name, nullptr, nullptr, nullptr,
                                       nullptr, nullptr, nullptr) == SQLITE_OK;
}

} // namespace

// The statements a run writes, prepared once when the history opens.
struct HistoryStore::Writes {
  explicit Writes(const SqliteDatabase& db)
      : insertRun(db, "INSERT INTO runs (script, workflow, dry_run, status, started_at) "
                      "VALUES (?1, ?2, ?3, 'running', ?4)"),
        updateRun(db, "UPDATE runs SET workflow = ?2, status = ?3, ended_at = ?4, "
                      "message = ?5 WHERE id = ?1"),
        insertTask(db, "INSERT OR REPLACE INTO run_tasks (run_id, position, name, status, changed, "
                       "message, started_at, ended_at, attempts, would_change) "
                       "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)") {}

  SqliteStatement insertRun;
  SqliteStatement updateRun;
  SqliteStatement insertTask;
};

// Every run opens the history, so the tables are created when missing rather than by two
// CREATE ... IF NOT EXISTS statements each time. The history is Relaxed (SqliteDatabase.h): a
// power loss may lose the last runs' records, and a run does not wait for fsyncs.
HistoryStore::HistoryStore(const std::string& path)
    : db_(std::make_unique<SqliteDatabase>(path, Durability::Relaxed)) {
  if (!hasTable(*db_, "runs") || !hasTable(*db_, "run_tasks"))
    createTables();
  writes_ = std::make_unique<Writes>(*db_);
}

void HistoryStore::createTables() {
  db_->setup("CREATE TABLE IF NOT EXISTS runs (id INTEGER PRIMARY KEY AUTOINCREMENT, "
             "script TEXT NOT NULL, workflow TEXT NOT NULL, dry_run INTEGER NOT NULL, "
             "status TEXT NOT NULL, started_at REAL NOT NULL, ended_at REAL, message TEXT NOT "
             "NULL DEFAULT '')");
  db_->setup("CREATE TABLE IF NOT EXISTS run_tasks (run_id INTEGER NOT NULL REFERENCES runs(id) "
             "ON DELETE CASCADE, position INTEGER NOT NULL, name TEXT NOT NULL, status TEXT NOT "
             "NULL, changed INTEGER NOT NULL, message TEXT NOT NULL, started_at REAL, ended_at "
             "REAL NOT NULL, attempts INTEGER NOT NULL, would_change INTEGER NOT NULL, "
             "PRIMARY KEY (run_id, position))");
}

HistoryStore::~HistoryStore() = default;

std::int64_t HistoryStore::beginRun(const RunRecord& run) {
  SqliteTransaction transaction(*db_, true);
  SqliteStatement& insert = writes_->insertRun;
  insert.reset();
  insert.bind(1, run.script);
  insert.bind(2, run.workflow);
  insert.bind(3, std::int64_t{run.dryRun});
  insert.bind(4, std::optional<double>(run.startedAt));
  insert.step();
  std::int64_t id = sqlite3_last_insert_rowid(db_->handle());
  transaction.commit();
  return id;
}

void HistoryStore::finishRun(const RunRecord& run) {
  SqliteTransaction transaction(*db_, true);
  SqliteStatement& update = writes_->updateRun;
  update.reset();
  update.bind(1, run.id);
  update.bind(2, run.workflow);
  update.bind(3, run.status);
  update.bind(4, run.endedAt);
  update.bind(5, run.message);
  update.step();
  SqliteStatement& insert = writes_->insertTask;
  std::int64_t position = 0;
  for (const TaskRecord& task : run.tasks) {
    insert.reset();
    insert.bind(1, run.id);
    insert.bind(2, position++);
    insert.bind(3, task.name);
    insert.bind(4, task.status);
    insert.bind(5, std::int64_t{task.changed});
    insert.bind(6, task.message);
    insert.bind(7, task.startedAt);
    insert.bind(8, std::optional<double>(task.endedAt));
    insert.bind(9, std::int64_t{task.attempts});
    insert.bind(10, std::int64_t{task.wouldChange});
    insert.step();
  }
  transaction.commit();
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
