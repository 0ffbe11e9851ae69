#include "sloth/stdlib/runtime/SqliteDatabase.h"

#include <chrono>
#include <filesystem>
#include <thread>

namespace sloth::stdlib::runtime {

namespace {

constexpr int kBusyTimeoutMs = 60000;

// A Relaxed close leaves at most this much WAL (64 pages of 4 KiB, with their frame headers):
// the next process to open the database replays it (one read per page), and the close that
// finds more checkpoints it, so the replay stays short and a sync comes every few dozen runs.
constexpr std::uintmax_t kKeptWalBytes = 32 + 64 * (24 + 4096);

} // namespace

void createPrivateParentDirectory(const std::string& file) {
  std::error_code error;
  std::filesystem::path directory = std::filesystem::path(file).parent_path();
  if (!directory.empty() && !std::filesystem::exists(directory)) {
    std::filesystem::create_directories(directory, error);
    if (error)
      throw SqliteError("cannot create the directory of '" + file + "': " + error.message());
    std::filesystem::permissions(directory, std::filesystem::perms::owner_all, error);
  }
}

SqliteDatabase::SqliteDatabase(const std::string& path, Durability durability)
    : path_(path), durability_(durability) {
  createPrivateParentDirectory(path);
  if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) !=
      SQLITE_OK)
    fail("open");
  sqlite3_busy_timeout(db_, kBusyTimeoutMs);
  setup("PRAGMA journal_mode=WAL");
  setup("PRAGMA synchronous=NORMAL");
}

SqliteDatabase::~SqliteDatabase() {
  if (durability_ == Durability::Synced) {
    // Closing checkpoints only in the last connection to the file; a writer that is not the
    // last syncs its own writes here rather than leave them to whoever closes last.
    if (sqlite3_total_changes(db_) > 0)
      sqlite3_wal_checkpoint_v2(db_, nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
  } else {
    std::error_code error;
    std::uintmax_t wal = std::filesystem::file_size(path_ + "-wal", error);
    if (!error && wal <= kKeptWalBytes)
      sqlite3_db_config(db_, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
  }
  sqlite3_close_v2(db_);
}

// Switching a new database to WAL can fail with SQLITE_BUSY without SQLite calling the busy
// handler (it could deadlock otherwise), so setup statements wait and retry themselves.
void SqliteDatabase::setup(const char* sql) {
  auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(kBusyTimeoutMs);
  for (;;) {
    int rc = sqlite3_exec(db_, sql, nullptr, nullptr, nullptr);
    if (rc == SQLITE_OK)
      return;
    if ((rc != SQLITE_BUSY && rc != SQLITE_LOCKED) || std::chrono::steady_clock::now() > deadline)
      fail("prepare");
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
}

void SqliteDatabase::fail(std::string_view doing) const {
  std::string cause = db_ != nullptr ? sqlite3_errmsg(db_) : "out of memory";
  throw SqliteError("cannot " + std::string(doing) + " the database '" + path_ + "': " + cause);
}

SqliteStatement::SqliteStatement(const SqliteDatabase& db, const char* sql) : db_(db) {
  if (sqlite3_prepare_v2(db.handle(), sql, -1, &statement_, nullptr) != SQLITE_OK)
    db.fail("query");
}

void SqliteStatement::bind(int index, std::string_view text) {
  sqlite3_bind_text(statement_, index, text.data(), static_cast<int>(text.size()),
                    SQLITE_TRANSIENT);
}

void SqliteStatement::bind(int index, std::optional<double> number) {
  if (number)
    sqlite3_bind_double(statement_, index, *number);
  else
    sqlite3_bind_null(statement_, index);
}

void SqliteStatement::bind(int index, std::int64_t number) {
  sqlite3_bind_int64(statement_, index, number);
}

bool SqliteStatement::step() {
  int rc = sqlite3_step(statement_);
  if (rc == SQLITE_ROW)
    return true;
  if (rc != SQLITE_DONE)
    db_.fail("use");
  return false;
}

std::string SqliteStatement::text(int column) const {
  const unsigned char* bytes = sqlite3_column_text(statement_, column);
  return bytes ? std::string(reinterpret_cast<const char*>(bytes),
                             static_cast<std::size_t>(sqlite3_column_bytes(statement_, column)))
               : std::string();
}

std::optional<double> SqliteStatement::number(int column) const {
  if (sqlite3_column_type(statement_, column) == SQLITE_NULL)
    return std::nullopt;
  return sqlite3_column_double(statement_, column);
}

SqliteTransaction::SqliteTransaction(const SqliteDatabase& db, bool write) : db_(db) {
  if (sqlite3_exec(db.handle(), write ? "BEGIN IMMEDIATE" : "BEGIN", nullptr, nullptr, nullptr) !=
      SQLITE_OK)
    db.fail("lock");
  open_ = true;
}

SqliteTransaction::~SqliteTransaction() {
  if (open_)
    sqlite3_exec(db_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
}

void SqliteTransaction::commit() {
  open_ = false;
  if (sqlite3_exec(db_.handle(), "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK)
    db_.fail("write");
}

} // namespace sloth::stdlib::runtime
