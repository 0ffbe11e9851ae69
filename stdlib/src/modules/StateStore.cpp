#include "StateStore.h"

#include "StateError.h"
#include "sloth/stdlib/runtime/SqliteDatabase.h"

#include <sqlite3.h>

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <fstream>
#include <pwd.h>
#include <sstream>
#include <unistd.h>

namespace sloth::stdlib::modules {

namespace {

double now() {
  return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
}

// A prepared statement, finalized on every path out.
class Statement {
public:
  Statement(sqlite3* db, const char* sql) {
    if (sqlite3_prepare_v2(db, sql, -1, &statement, nullptr) != SQLITE_OK)
      statement = nullptr;
  }
  ~Statement() { sqlite3_finalize(statement); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  bool ok() const { return statement != nullptr; }
  sqlite3_stmt* get() const { return statement; }
  void bind(int index, std::string_view text) {
    sqlite3_bind_text(statement, index, text.data(), static_cast<int>(text.size()),
                      SQLITE_TRANSIENT);
  }
  void bindBlob(int index, std::string_view bytes) {
    sqlite3_bind_blob(statement, index, bytes.data(), static_cast<int>(bytes.size()),
                      SQLITE_TRANSIENT);
  }
  void bind(int index, std::optional<double> number) {
    if (number)
      sqlite3_bind_double(statement, index, *number);
    else
      sqlite3_bind_null(statement, index);
  }

private:
  sqlite3_stmt* statement = nullptr;
};

// BEGIN (IMMEDIATE for writers) ... COMMIT, rolled back when an exception leaves the scope.
class Transaction {
public:
  Transaction(sqlite3* db, bool write) : db(db) {
    open = sqlite3_exec(db, write ? "BEGIN IMMEDIATE" : "BEGIN", nullptr, nullptr, nullptr) ==
           SQLITE_OK;
  }
  ~Transaction() {
    if (open)
      sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
  }
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  bool started() const { return open; }
  bool commit() {
    open = false;
    return sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr) == SQLITE_OK;
  }

private:
  sqlite3* db;
  bool open;
};

std::string homeDirectory() {
  if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0')
    return home;
  if (const passwd* entry = getpwuid(geteuid()); entry != nullptr)
    return entry->pw_dir;
  throw StateError("cannot find the state database: neither SLOTH_HOME nor HOME is set");
}

// When the process started (clock ticks after boot, /proc/PID/stat field 22): with the pid it
// names one process, even after the pid is reused. 0 when the process does not exist.
std::int64_t processStartTime(pid_t pid) {
  std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
  std::string text((std::istreambuf_iterator<char>(stat)), std::istreambuf_iterator<char>());
  std::size_t afterName = text.rfind(')'); // the command name may hold spaces and parentheses
  if (afterName == std::string::npos)
    return 0;
  std::istringstream fields(text.substr(afterName + 2));
  std::string field;
  for (int i = 3; i <= 22 && fields >> field; i++)
    if (i == 22)
      return std::strtoll(field.c_str(), nullptr, 10);
  return 0;
}

bool processAlive(pid_t pid, std::int64_t startTime) {
  if (::kill(pid, 0) != 0 && errno != EPERM)
    return false;
  return processStartTime(pid) == startTime;
}

} // namespace

std::string StateStore::defaultPath() {
  if (const char* home = std::getenv("SLOTH_HOME"); home != nullptr && *home != '\0')
    return std::string(home) + "/state.db";
  return homeDirectory() + "/.local/state/sloth/state.db";
}

// The connection (directory, WAL, busy timeout, setup retried while another process switches a
// new file to WAL) is the one every sloth process opens; its errors become state errors.
StateStore::StateStore(const std::string& path) : file(path) {
  try {
    database = std::make_unique<runtime::SqliteDatabase>(path);
    database->setup("CREATE TABLE IF NOT EXISTS state (key TEXT PRIMARY KEY, value BLOB NOT NULL, "
                    "expires_at REAL)");
    database->setup("CREATE TABLE IF NOT EXISTS locks (name TEXT PRIMARY KEY, pid INTEGER NOT "
                    "NULL, started INTEGER NOT NULL, acquired_at REAL NOT NULL)");
  } catch (const runtime::SqliteError& error) {
    throw StateError(error.what());
  }
  db = database->handle();
}

StateStore::~StateStore() = default;

void StateStore::fail(std::string_view doing) {
  std::string cause = db != nullptr ? sqlite3_errmsg(db) : "out of memory";
  throw StateError("cannot " + std::string(doing) + " the state database '" + file + "': " + cause);
}

std::optional<std::string> StateStore::get(std::string_view key) {
  Statement select(db, "SELECT value FROM state WHERE key = ?1 AND "
                       "(expires_at IS NULL OR expires_at > ?2)");
  if (!select.ok())
    fail("read");
  select.bind(1, key);
  select.bind(2, now());
  int status = sqlite3_step(select.get());
  if (status == SQLITE_DONE)
    return std::nullopt;
  if (status != SQLITE_ROW)
    fail("read");
  const void* bytes = sqlite3_column_blob(select.get(), 0);
  int size = sqlite3_column_bytes(select.get(), 0);
  return std::string(static_cast<const char*>(bytes), static_cast<std::size_t>(size));
}

bool StateStore::put(std::string_view key, std::string_view value, std::optional<double> ttlSeconds,
                     bool dryRun) {
  Transaction transaction(db, !dryRun);
  if (!transaction.started())
    fail("lock");
  std::optional<std::string> current = get(key);
  bool changed = current != value;
  if (dryRun)
    return changed;
  Statement upsert(db, "INSERT INTO state (key, value, expires_at) VALUES (?1, ?2, ?3) "
                       "ON CONFLICT (key) DO UPDATE SET value = ?2, expires_at = ?3");
  if (!upsert.ok())
    fail("write");
  upsert.bind(1, key);
  upsert.bindBlob(2, value);
  upsert.bind(3, ttlSeconds ? std::optional<double>(now() + *ttlSeconds) : std::nullopt);
  if (sqlite3_step(upsert.get()) != SQLITE_DONE)
    fail("write");
  // Expired rows go when someone writes, so the file does not grow with dead keys.
  Statement sweep(db, "DELETE FROM state WHERE expires_at <= ?1");
  if (!sweep.ok())
    fail("write");
  sweep.bind(1, now());
  if (sqlite3_step(sweep.get()) != SQLITE_DONE)
    fail("write");
  if (!transaction.commit())
    fail("write");
  return changed;
}

bool StateStore::remove(std::string_view key, bool dryRun) {
  Transaction transaction(db, !dryRun);
  if (!transaction.started())
    fail("lock");
  bool existed = get(key).has_value();
  if (dryRun || !existed)
    return existed;
  Statement erase(db, "DELETE FROM state WHERE key = ?1");
  if (!erase.ok())
    fail("write");
  erase.bind(1, key);
  if (sqlite3_step(erase.get()) != SQLITE_DONE || !transaction.commit())
    fail("write");
  return true;
}

} // namespace sloth::stdlib::modules

namespace sloth::stdlib::modules {

std::vector<std::string> StateStore::keys(std::string_view prefix) {
  // Compared as bytes: LIKE would treat % and _ in the prefix as patterns.
  Statement select(db, "SELECT key FROM state WHERE substr(CAST(key AS BLOB), 1, ?2) = "
                       "CAST(?1 AS BLOB) AND (expires_at IS NULL OR expires_at > ?3) "
                       "ORDER BY CAST(key AS BLOB)");
  if (!select.ok())
    fail("read");
  select.bind(1, prefix);
  sqlite3_bind_int64(select.get(), 2, static_cast<sqlite3_int64>(prefix.size()));
  select.bind(3, now());
  std::vector<std::string> result;
  int status;
  while ((status = sqlite3_step(select.get())) == SQLITE_ROW) {
    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(select.get(), 0));
    result.emplace_back(text, static_cast<std::size_t>(sqlite3_column_bytes(select.get(), 0)));
  }
  if (status != SQLITE_DONE)
    fail("read");
  return result;
}

std::string StateStore::update(std::string_view key, const Change& change, bool dryRun) {
  Transaction transaction(db, !dryRun);
  if (!transaction.started())
    fail("lock");
  std::string value = change(get(key));
  if (dryRun)
    return value;
  Statement upsert(db, "INSERT INTO state (key, value, expires_at) VALUES (?1, ?2, NULL) "
                       "ON CONFLICT (key) DO UPDATE SET value = ?2, expires_at = NULL");
  if (!upsert.ok())
    fail("write");
  upsert.bind(1, key);
  upsert.bindBlob(2, value);
  if (sqlite3_step(upsert.get()) != SQLITE_DONE || !transaction.commit())
    fail("write");
  return value;
}

StateStore::Owner StateStore::lockOwner(std::string_view name, std::string* holder) {
  Statement select(db, "SELECT pid, started FROM locks WHERE name = ?1");
  if (!select.ok())
    fail("read");
  select.bind(1, name);
  int status = sqlite3_step(select.get());
  if (status == SQLITE_DONE)
    return Owner::None;
  if (status != SQLITE_ROW)
    fail("read");
  auto pid = static_cast<pid_t>(sqlite3_column_int64(select.get(), 0));
  std::int64_t started = sqlite3_column_int64(select.get(), 1);
  if (pid == ::getpid() && started == processStartTime(pid))
    return Owner::Mine;
  if (!processAlive(pid, started))
    return Owner::None;
  if (holder)
    *holder = "process " + std::to_string(pid);
  return Owner::Other;
}

bool StateStore::tryLock(std::string_view name, std::string* holder) {
  Transaction transaction(db, true);
  if (!transaction.started())
    fail("lock");
  Owner owner = lockOwner(name, holder);
  if (owner != Owner::None) {
    if (owner == Owner::Mine && holder)
      *holder = "this run";
    return false;
  }
  Statement take(db, "INSERT INTO locks (name, pid, started, acquired_at) VALUES (?1, ?2, ?3, ?4) "
                     "ON CONFLICT (name) DO UPDATE SET pid = ?2, started = ?3, acquired_at = ?4");
  if (!take.ok())
    fail("write");
  take.bind(1, name);
  sqlite3_bind_int64(take.get(), 2, ::getpid());
  sqlite3_bind_int64(take.get(), 3, processStartTime(::getpid()));
  take.bind(4, now());
  if (sqlite3_step(take.get()) != SQLITE_DONE || !transaction.commit())
    fail("write");
  return true;
}

bool StateStore::unlock(std::string_view name, std::string* holder) {
  Transaction transaction(db, true);
  if (!transaction.started())
    fail("lock");
  Owner owner = lockOwner(name, holder);
  if (owner != Owner::Mine)
    return false;
  Statement erase(db, "DELETE FROM locks WHERE name = ?1");
  if (!erase.ok())
    fail("write");
  erase.bind(1, name);
  if (sqlite3_step(erase.get()) != SQLITE_DONE || !transaction.commit())
    fail("write");
  return true;
}

void StateStore::unlockAll() {
  Statement erase(db, "DELETE FROM locks WHERE pid = ?1 AND started = ?2");
  if (!erase.ok())
    return;
  sqlite3_bind_int64(erase.get(), 1, ::getpid());
  sqlite3_bind_int64(erase.get(), 2, processStartTime(::getpid()));
  sqlite3_step(erase.get());
}

} // namespace sloth::stdlib::modules
