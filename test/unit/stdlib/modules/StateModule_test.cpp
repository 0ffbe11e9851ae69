// The state module against a real SQLite file in a scratch SLOTH_HOME, including two processes
// writing to it at once.
#include "ModuleFixture.h"

#include "sloth/stdlib/modules/StateModule.h"

#include <sqlite3.h>

#include <chrono>
#include <cstdlib>
#include <limits>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace stdlibtest {
namespace {

class StateModule : public ModuleTest {
protected:
  StateModule() {
    ::setenv("SLOTH_HOME", dir.c_str(), 1);
    sloth::stdlib::openState(L);
  }
  ~StateModule() override { ::unsetenv("SLOTH_HOME"); }

  std::string set(const char* key, const Arg& value) {
    return callFields("state.set", {key, value}, {"changed", "key"});
  }

  // state.get(key) shown through data-free means: scalars as the fixture shows them.
  std::string get(const char* key) { return call("state.get", {key}); }

  // A nested table: {name = "web", ports = {80, 443}, ratio = 1.0, [true] = "yes", deep = {{}}}
  int pushNestedTable() {
    L.newTable();
    L.pushString("web");
    L.setField(-2, "name");
    L.newTable();
    L.pushInteger(80);
    L.rawSetI(-2, 1);
    L.pushInteger(443);
    L.rawSetI(-2, 2);
    L.setField(-2, "ports");
    L.pushNumber(1.0);
    L.setField(-2, "ratio");
    L.pushBoolean(true);
    L.pushString("yes");
    L.rawSet(-3);
    L.newTable();
    L.newTable();
    L.rawSetI(-2, 1);
    L.setField(-2, "deep");
    return L.top();
  }
};

TEST_F(StateModule, ScalarsRoundTripWithTheirTypes) {
  EXPECT_EQ(set("version", "v1.2.3"), "changed=true key=\"version\"");
  EXPECT_EQ(get("version"), "\"v1.2.3\"");
  set("count", 42);
  EXPECT_EQ(get("count"), "42");
  set("ratio", 2.0);
  EXPECT_EQ(get("ratio"), "2.0");
  set("enabled", false);
  EXPECT_EQ(get("enabled"), "false");
  set("bytes", std::string("a\0\xff", 3));
  callKeep("state.get", {"bytes"});
  EXPECT_EQ(L.rawLen(-1), 3u);
  L.setTop(0);
  EXPECT_EQ(get("missing"), "nil");
  EXPECT_TRUE(std::filesystem::exists(at("state.db")));
}

TEST_F(StateModule, TablesRoundTrip) {
  int table = pushNestedTable();
  EXPECT_EQ(callFields("state.set", {"config", Arg::stack(table)}, {"changed"}), "changed=true");
  L.setTop(0);
  callKeep("state.get", {"config"});
  L.getField(-1, "ports");
  L.rawGetI(-1, 2);
  EXPECT_EQ(show(-1), "443");
  L.getField(1, "ratio");
  EXPECT_EQ(show(-1), "1.0");
  L.pushBoolean(true);
  L.rawGet(1);
  EXPECT_EQ(show(-1), "\"yes\"");
  L.getField(1, "deep");
  L.rawGetI(-1, 1);
  EXPECT_EQ(L.type(-1), sloth::vm::Type::Table);
  L.setTop(0);
  // The same content built again is the same value, whatever the table's internal order.
  table = pushNestedTable();
  EXPECT_EQ(callFields("state.set", {"config", Arg::stack(table)}, {"changed"}), "changed=false");
  L.setTop(0);
}

TEST_F(StateModule, SetIsIdempotent) {
  EXPECT_EQ(set("k", "a"), "changed=true key=\"k\"");
  EXPECT_EQ(set("k", "a"), "changed=false key=\"k\"");
  EXPECT_EQ(set("k", "b"), "changed=true key=\"k\"");
  EXPECT_EQ(set("k", 1), "changed=true key=\"k\"");
  EXPECT_EQ(set("k", 1.0), "changed=true key=\"k\"") << "an integer and a float differ in type";
}

TEST_F(StateModule, ChangedStoresWhenDifferent) {
  EXPECT_EQ(call("state.changed", {"hash", "abc"}), "true");
  EXPECT_EQ(call("state.changed", {"hash", "abc"}), "false");
  EXPECT_EQ(call("state.changed", {"hash", "def"}), "true");
  EXPECT_EQ(get("hash"), "\"def\"");
}

TEST_F(StateModule, ClearRemovesAndReportsWhetherItExisted) {
  set("tmp", "x");
  EXPECT_EQ(callFields("state.clear", {"tmp"}, {"changed", "key"}), "changed=true key=\"tmp\"");
  EXPECT_EQ(get("tmp"), "nil");
  EXPECT_EQ(callFields("state.clear", {"tmp"}, {"changed"}), "changed=false");
}

TEST_F(StateModule, TtlExpires) {
  int options = pushOptions({{"ttl", 0.2}});
  EXPECT_EQ(callFields("state.set", {"session", "s1", Arg::stack(options)}, {"changed"}),
            "changed=true");
  EXPECT_EQ(get("session"), "\"s1\"");
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  EXPECT_EQ(get("session"), "nil");
  EXPECT_EQ(call("state.changed", {"session", "s1"}), "true") << "an expired value is gone";
  EXPECT_EQ(callFields("state.clear", {"session"}, {"changed"}), "changed=true");
  options = pushOptions({{"ttl", 0.2}});
  set("other", 1);
  callFields("state.set", {"session", "s2", Arg::stack(options)}, {"changed"});
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  EXPECT_EQ(callFields("state.clear", {"session"}, {"changed"}), "changed=false");
  EXPECT_EQ(get("other"), "1");
}

TEST_F(StateModule, CheckModeReportsWithoutWriting) {
  set("k", "old");
  setCheckMode(true);
  EXPECT_EQ(set("k", "new"), "changed=true key=\"k\"");
  EXPECT_EQ(set("k", "old"), "changed=false key=\"k\"");
  EXPECT_EQ(call("state.changed", {"k", "new"}), "true");
  EXPECT_EQ(callFields("state.clear", {"k"}, {"changed"}), "changed=true");
  EXPECT_EQ(get("k"), "\"old\"") << "reads run for real";
  setCheckMode(false);
  EXPECT_EQ(get("k"), "\"old\"");
}

TEST_F(StateModule, CheckModeCoversDeleteAndIncrement) {
  set("n", 5);
  set("gone", "x");
  setCheckMode(true);
  EXPECT_EQ(callFields("state.increment", {"n", 2}, {"changed", "value"}), "changed=true value=7");
  EXPECT_EQ(callFields("state.increment", {"new"}, {"changed", "value"}), "changed=true value=1");
  EXPECT_EQ(callFields("state.delete", {"gone"}, {"changed"}), "changed=true");
  EXPECT_EQ(callFields("state.delete", {"never"}, {"changed"}), "changed=false");
  setCheckMode(false);
  EXPECT_EQ(get("n"), "5");
  EXPECT_EQ(get("new"), "nil");
  EXPECT_EQ(get("gone"), "\"x\"");
}

TEST_F(StateModule, IncrementKeepsLuaArithmetic) {
  EXPECT_EQ(callFields("state.increment", {"i"}, {"value"}), "value=1");
  EXPECT_EQ(callFields("state.increment", {"i", -3}, {"value"}), "value=-2");
  EXPECT_EQ(callFields("state.increment", {"i", 0.5}, {"value"}), "value=-1.5");
  set("max", std::numeric_limits<std::int64_t>::max());
  EXPECT_EQ(callFields("state.increment", {"max"}, {"value"}),
            "value=" + std::to_string(std::numeric_limits<std::int64_t>::min()))
      << "integers wrap around as Lua's do";
  set("s", "text");
  EXPECT_EQ(callFields("state.increment", {"s"}, {"value"}),
            "error: state.increment: 's' holds a string, not a number");
}

TEST_F(StateModule, ErrorsNameTheFunctionAndKey) {
  L.newTable();
  pushPath("print");
  L.setField(-2, "callback");
  EXPECT_EQ(callFields("state.set", {"job", Arg::stack(L.top())}, {"changed"}),
            "error: state.set: cannot store a function under 'job' (at [callback]); values are "
            "strings, numbers, booleans and tables of them");
  L.setTop(0);
  EXPECT_EQ(set("job", nullptr), "error: state.set: no value for 'job' (to remove a key, use "
                                 "state.clear)");
  int options = pushOptions({{"tll", 5}});
  EXPECT_EQ(callFields("state.set", {"job", 1, Arg::stack(options)}, {"changed"}),
            "error: state.set: unknown option 'tll'");
  options = pushOptions({{"ttl", "60"}});
  EXPECT_EQ(callFields("state.set", {"job", 1, Arg::stack(options)}, {"changed"}),
            "error: state.set: option 'ttl' must be a number, got string");
  options = pushOptions({{"ttl", -1}});
  EXPECT_EQ(callFields("state.set", {"job", 1, Arg::stack(options)}, {"changed"}),
            "error: state.set: option 'ttl' must be a positive number of seconds");
  L.newTable();
  L.pushValue(-1);
  L.setField(-2, "self");
  EXPECT_EQ(call("state.changed", {"loop", Arg::stack(L.top())}),
            "error: state.changed: cannot store a table that contains itself under 'loop' (at "
            "[self]); values are strings, numbers, booleans and tables of them");
  L.setTop(0);
}

TEST_F(StateModule, DatabaseIsInWalMode) {
  set("k", 1);
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(at("state.db").c_str(), &db), SQLITE_OK);
  sqlite3_stmt* statement = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &statement, nullptr), SQLITE_OK);
  ASSERT_EQ(sqlite3_step(statement), SQLITE_ROW);
  EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(statement, 0)), "wal");
  sqlite3_finalize(statement);
  sqlite3_close(db);
}

TEST_F(StateModule, DefaultsToTheUsersStateDirectory) {
  ::unsetenv("SLOTH_HOME");
  std::string home = std::getenv("HOME") ? std::getenv("HOME") : "";
  ::setenv("HOME", dir.c_str(), 1);
  set("k", 1);
  ::setenv("HOME", home.c_str(), 1);
  EXPECT_TRUE(std::filesystem::exists(at(".local/state/sloth/state.db")));
}

// Two processes, each with its own VM, write 300 keys of their own and one shared key as fast
// as they can: every write lands (none fails on the lock) and nothing is lost.
TEST_F(StateModule, TwoProcessesWritingAtOnceLoseNothing) {
  constexpr int kWrites = 300;
  auto writer = [&](int id) {
    sloth::vm::State childState;
    sloth::stdlib::openStandardLibraries(childState);
    sloth::vm::Thread& C = childState.main();
    sloth::stdlib::openState(C);
    for (int i = 1; i <= kWrites; i++) {
      for (const std::string& key :
           {"p" + std::to_string(id) + "." + std::to_string(i), std::string("shared")}) {
        C.getGlobal("state");
        C.getField(-1, "set");
        C.pushString(key);
        C.pushInteger(i);
        if (C.pcall(2, 0, 0) != sloth::vm::Status::Ok)
          return 1;
        C.pop();
      }
    }
    return 0;
  };
  pid_t children[2];
  for (int id = 0; id < 2; id++) {
    children[id] = ::fork();
    ASSERT_GE(children[id], 0);
    if (children[id] == 0)
      ::_exit(writer(id));
  }
  for (pid_t child : children) {
    int status = 0;
    ASSERT_EQ(::waitpid(child, &status, 0), child);
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "a writer failed";
  }
  for (int id = 0; id < 2; id++)
    for (int i = 1; i <= kWrites; i++) {
      std::string key = "p" + std::to_string(id) + "." + std::to_string(i);
      ASSERT_EQ(call("state.get", {key}), std::to_string(i)) << key;
    }
  EXPECT_EQ(get("shared"), std::to_string(kWrites));
}

} // namespace
} // namespace stdlibtest
