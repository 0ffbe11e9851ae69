#pragma once
// The state database: one SQLite file in WAL mode shared by every sloth process of the user.
// Each read-modify-write runs in an IMMEDIATE transaction, so concurrent processes queue on the
// write lock (waiting up to a minute) instead of losing updates. Expired values read as missing.

#include <optional>
#include <string>
#include <string_view>

struct sqlite3;

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

  const std::string& path() const { return file; }

  /// $SLOTH_HOME/state.db, else ~/.local/state/sloth/state.db.
  static std::string defaultPath();

private:
  void executeSetup(const char* sql); // retries while another process holds the database
  [[noreturn]] void fail(std::string_view doing);

  std::string file;
  sqlite3* db = nullptr;
};

} // namespace sloth::stdlib::modules
