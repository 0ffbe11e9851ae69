#include "StateStore.h"

#include "StateError.h"

#include <sqlite3.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <pwd.h>
#include <thread>
#include <unistd.h>

namespace sloth::stdlib::modules {

namespace {

constexpr int kBusyTimeoutMs = 60000;

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

} // namespace

std::string StateStore::defaultPath() {
  if (const char* home = std::getenv("SLOTH_HOME"); home != nullptr && *home != '\0')
    return std::string(home) + "/state.db";
  return homeDirectory() + "/.local/state/sloth/state.db";
}

StateStore::StateStore(const std::string& path) : file(path) {
  std::error_code error;
  std::filesystem::path directory = std::filesystem::path(path).parent_path();
  if (!directory.empty() && !std::filesystem::exists(directory)) {
    std::filesystem::create_directories(directory, error);
    if (error)
      throw StateError("cannot create the directory of the state database '" + path +
                       "': " + error.message());
    std::filesystem::permissions(directory, std::filesystem::perms::owner_all, error);
  }
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) !=
      SQLITE_OK)
    fail("open");
  sqlite3_busy_timeout(db, kBusyTimeoutMs);
  executeSetup("PRAGMA journal_mode=WAL");
  executeSetup("PRAGMA synchronous=NORMAL");
  executeSetup("CREATE TABLE IF NOT EXISTS state (key TEXT PRIMARY KEY, value BLOB NOT NULL, "
               "expires_at REAL)");
}

// When two processes open a new database at once, switching it to WAL can fail with
// SQLITE_BUSY without SQLite calling the busy handler (it would deadlock otherwise), so the
// setup statements wait and retry themselves, for as long as the busy timeout allows.
void StateStore::executeSetup(const char* sql) {
  auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(kBusyTimeoutMs);
  for (;;) {
    int rc = sqlite3_exec(db, sql, nullptr, nullptr, nullptr);
    if (rc == SQLITE_OK)
      return;
    if ((rc != SQLITE_BUSY && rc != SQLITE_LOCKED) || std::chrono::steady_clock::now() > deadline)
      fail("prepare");
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
}

StateStore::~StateStore() {
  sqlite3_close_v2(db);
}

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
