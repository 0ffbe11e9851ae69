#pragma once
// The state database: one SQLite file in WAL mode shared by every sloth process of the user.
// Each read-modify-write runs in an IMMEDIATE transaction, so concurrent processes queue on the
// write lock (waiting up to a minute) instead of losing updates. Expired values read as missing.

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

struct sqlite3;
namespace sloth::stdlib::runtime {
class SqliteDatabase;
}

namespace sloth::stdlib::modules {

class StateStore {
public:
  /// Opens (creating the file and its directory when needed); throws StateError.
  explicit StateStore(const std::string& path);
  ~StateStore();
  StateStore(const StateStore&) = delete;
  StateStore& operator=(const StateStore&) = delete;

  /// The live encoded value under `key`.
  std::optional<std::string> get(std::string_view key);

  /// Stores `value` (expiring after `ttlSeconds` when given) unless the same value is live
  /// already, whose expiry is then refreshed. Returns whether the value changed. With `dryRun`
  /// nothing is written.
  bool put(std::string_view key, std::string_view value, std::optional<double> ttlSeconds,
           bool dryRun);

  /// Removes the key; returns whether a live value was there.
  bool remove(std::string_view key, bool dryRun);

  /// The live keys that start with `prefix` (every key for ""), in byte order.
  std::vector<std::string> keys(std::string_view prefix);

  /// Read-modify-write in one transaction, so concurrent processes never lose an update:
  /// `change` gets the live value (nullopt when missing) and returns the new one, which is
  /// stored (keeping no expiry) unless `dryRun`. Returns the new value.
  using Change = std::function<std::string(const std::optional<std::string>& current)>;
  std::string update(std::string_view key, const Change& change, bool dryRun);

  // ---- locks that hold across processes ----
  // A lock is a row (name, owner pid, owner start time). A row whose owner process is gone
  // (crashed, killed) is free. Locks are not re-entrant: the process holding one waits like
  // any other process to take it again.

  /// Takes the lock when it is free; returns whether this process holds it now. `holder` tells
  /// who holds it when it is not free (e.g. "process 1234").
  bool tryLock(std::string_view name, std::string* holder);
  /// Frees the lock when this process holds it. Returns whether it did; when another live
  /// process holds it, nothing is done and `holder` says who.
  bool unlock(std::string_view name, std::string* holder);
  /// Frees every lock this process holds (the end of a run).
  void unlockAll();

  const std::string& path() const { return file; }

  /// $SLOTH_HOME/state.db, else ~/.local/state/sloth/state.db.
  static std::string defaultPath();

private:
  /// Who holds the lock: nobody (no row, or its process is gone), this process, or another
  /// live process (described in `holder`). Call inside a transaction.
  enum class Owner { None, Mine, Other };
  Owner lockOwner(std::string_view name, std::string* holder);
  [[noreturn]] void fail(std::string_view doing);

  std::string file;
  std::unique_ptr<runtime::SqliteDatabase> database;
  sqlite3* db = nullptr; // database's handle
};

} // namespace sloth::stdlib::modules
