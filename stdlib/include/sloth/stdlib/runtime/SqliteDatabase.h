#pragma once
// One connection to the user's SQLite database ($SLOTH_HOME/state.db) as every sloth process
// shares it: WAL mode, a one-minute busy timeout, and setup statements retried while another
// process is switching a new file to WAL. Writers use IMMEDIATE transactions, so concurrent
// processes queue on the write lock instead of losing updates. Failures throw SqliteError
// naming the file. (The state module's StateStore follows the same rules.)
//
// Durability: with WAL and synchronous=NORMAL a commit is safe from a crash of the process at
// once, and from a power loss or OS crash once a checkpoint has synced the WAL. Each connection
// says how much its own writes need that second guarantee (Durability).

#include <cstdint>
#include <optional>
#include <sqlite3.h>
#include <stdexcept>
#include <string>
#include <string_view>

namespace sloth::stdlib::runtime {

struct SqliteError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

/// What a connection's writes must survive.
enum class Durability {
  /// Power loss: a connection that wrote checkpoints (syncs) the WAL when it closes.
  Synced,
  /// A crash of the process only, for records that are cheap to lose (the run history): a close
  /// leaves a small WAL to the next process instead of syncing (the two to four fsyncs would be
  /// most of the cost of a short run). A power loss can lose the last few such records; it never
  /// corrupts the database. A close past 64 pages of WAL checkpoints as Synced does.
  Relaxed,
};

/// Creates the directory that holds `file` (and its parents) when it is missing, the last with
/// mode 0700: the user's state is private. Throws SqliteError naming the file.
void createPrivateParentDirectory(const std::string& file);

class SqliteDatabase {
public:
  /// Opens (creating the file, and its directory with mode 0700, when needed).
  explicit SqliteDatabase(const std::string& path, Durability durability = Durability::Synced);
  ~SqliteDatabase();
  SqliteDatabase(const SqliteDatabase&) = delete;
  SqliteDatabase& operator=(const SqliteDatabase&) = delete;

  sqlite3* handle() const { return db_; }
  const std::string& path() const { return path_; }
  /// Runs a schema statement, waiting while another process holds the database.
  void setup(const char* sql);
  [[noreturn]] void fail(std::string_view doing) const;

private:
  std::string path_;
  Durability durability_;
  sqlite3* db_ = nullptr;
};

/// A prepared statement, finalized on every path out.
class SqliteStatement {
public:
  SqliteStatement(const SqliteDatabase& db, const char* sql);
  ~SqliteStatement() { sqlite3_finalize(statement_); }
  SqliteStatement(const SqliteStatement&) = delete;
  SqliteStatement& operator=(const SqliteStatement&) = delete;
  sqlite3_stmt* get() const { return statement_; }
  void bind(int index, std::string_view text);
  void bind(int index, std::optional<double> number); // nullopt binds NULL
  void bind(int index, std::int64_t number);
  /// Steps once: true for a row, false when done; throws on an error.
  bool step();
  /// Makes the statement ready to bind and step again.
  void reset() { sqlite3_reset(statement_); }
  std::string text(int column) const;
  std::optional<double> number(int column) const; // nullopt for NULL

private:
  const SqliteDatabase& db_;
  sqlite3_stmt* statement_ = nullptr;
};

/// BEGIN (IMMEDIATE for writers) ... COMMIT; rolled back when an exception leaves the scope.
class SqliteTransaction {
public:
  SqliteTransaction(const SqliteDatabase& db, bool write);
  ~SqliteTransaction();
  SqliteTransaction(const SqliteTransaction&) = delete;
  SqliteTransaction& operator=(const SqliteTransaction&) = delete;
  void commit();

private:
  const SqliteDatabase& db_;
  bool open_ = false;
};

} // namespace sloth::stdlib::runtime
