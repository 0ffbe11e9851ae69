// Durability of the shared state database's connections (SqliteDatabase.h): a Relaxed close
// leaves a small WAL for the next process instead of syncing; a Synced writer's close syncs.
#include "sloth/stdlib/runtime/SqliteDatabase.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <unistd.h>

namespace {

namespace fs = std::filesystem;
using sloth::stdlib::runtime::Durability;
using sloth::stdlib::runtime::SqliteDatabase;
using sloth::stdlib::runtime::SqliteStatement;

class SqliteDatabaseTest : public testing::Test {
protected:
  void SetUp() override {
    dir =
        fs::temp_directory_path() / ("sloth-sqlite-" + std::to_string(::getpid()) + "-" +
                                     testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir);
    path = (dir / "state.db").string();
  }
  void TearDown() override { fs::remove_all(dir); }

  void insertRows(Durability durability, int rows) {
    SqliteDatabase db(path, durability);
    db.setup("CREATE TABLE IF NOT EXISTS t (v TEXT)");
    for (int i = 0; i < rows; ++i)
      db.setup("INSERT INTO t VALUES (hex(randomblob(2000)))");
  }
  std::int64_t countRows() {
    SqliteDatabase db(path);
    SqliteStatement count(db, "SELECT count(*) FROM t");
    EXPECT_TRUE(count.step());
    return sqlite3_column_int64(count.get(), 0);
  }
  bool walExists() { return fs::exists(path + "-wal") && fs::file_size(path + "-wal") > 0; }

  fs::path dir;
  std::string path;
};

TEST_F(SqliteDatabaseTest, RelaxedCloseLeavesTheWalAndTheNextConnectionReadsIt) {
  insertRows(Durability::Relaxed, 3);
  EXPECT_TRUE(walExists()); // not checkpointed: no fsync
  EXPECT_EQ(countRows(), 3);
}

TEST_F(SqliteDatabaseTest, SyncedWriterCheckpointsWhenItCloses) {
  insertRows(Durability::Synced, 3);
  EXPECT_FALSE(walExists()); // checkpointed into the database file, the WAL removed
  EXPECT_EQ(countRows(), 3);
}

TEST_F(SqliteDatabaseTest, RelaxedCloseCheckpointsOnceTheWalIsLarge) {
  insertRows(Durability::Relaxed, 200); // ~100 pages of WAL, past the 64 a close leaves
  EXPECT_FALSE(walExists());
  EXPECT_EQ(countRows(), 200);
}

TEST_F(SqliteDatabaseTest, RelaxedRunsAccumulateUntilOneCheckpoints) {
  for (int run = 0; run < 40; ++run)
    insertRows(Durability::Relaxed, 1);
  EXPECT_EQ(countRows(), 40);
  // The WAL never grows past about the 64 pages a close may leave (plus one run's pages).
  EXPECT_LT(fs::exists(path + "-wal") ? fs::file_size(path + "-wal") : 0, 80u * (4096 + 24));
}

} // namespace
