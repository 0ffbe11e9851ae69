#include "StdlibFixture.h"

namespace stdlibtest {
namespace {

using CoroutineLib = StdlibTest;

// Yields 1, then returns how many values the second resume passed.
int yieldOnce(vm::Thread& L) {
  L.pushInteger(1);
  int n = L.yield(1);
  L.pushInteger(n);
  return 1;
}

// Reports, from inside: whether it is the main thread, its status, whether it can yield.
int inspect(vm::Thread& L) {
  auto library = [&L](const char* name) {
    L.getGlobal("coroutine");
    L.getField(-1, name);
    L.remove(-2);
  };
  library("running");
  L.call(0, 2); // thread, ismain
  library("status");
  L.pushValue(-3);
  L.call(1, 1);
  library("isyieldable");
  L.call(0, 1);
  return 3;
}

int fail(vm::Thread& L) {
  L.pushString("inside");
  L.error();
}

TEST_F(CoroutineLib, ResumeYieldStatus) {
  L.pushNative(yieldOnce);
  int f = L.top();
  callKeep("coroutine.create", {Arg::stack(f)});
  int co = L.top();
  EXPECT_EQ(call("coroutine.status", {Arg::stack(co)}), "\"suspended\"");
  EXPECT_EQ(call("coroutine.resume", {Arg::stack(co)}), "true, 1");
  EXPECT_EQ(call("coroutine.status", {Arg::stack(co)}), "\"suspended\"");
  EXPECT_EQ(call("coroutine.resume", {Arg::stack(co), "a", "b"}), "true, 2");
  EXPECT_EQ(call("coroutine.status", {Arg::stack(co)}), "\"dead\"");
  EXPECT_EQ(call("coroutine.resume", {Arg::stack(co)}), "false, \"cannot resume dead coroutine\"");
  EXPECT_EQ(call("coroutine.resume", {5}),
            "error: bad argument #1 to 'coroutine.resume' (thread expected, got number)");
  EXPECT_EQ(call("coroutine.create", {5}),
            "error: bad argument #1 to 'coroutine.create' (function expected, got number)");
}

TEST_F(CoroutineLib, RunningAndYieldable) {
  EXPECT_EQ(call("coroutine.isyieldable"), "false");
  std::string running = call("coroutine.running");
  EXPECT_EQ(running.substr(0, 7), "thread:");
  EXPECT_EQ(running.substr(running.size() - 4), "true");
  L.pushNative(inspect);
  int f = L.top();
  callKeep("coroutine.create", {Arg::stack(f)});
  int co = L.top();
  EXPECT_EQ(call("coroutine.resume", {Arg::stack(co)}), "true, false, \"running\", true");
  EXPECT_EQ(call("coroutine.yield"), "error: attempt to yield from outside a coroutine");
}

TEST_F(CoroutineLib, ErrorsInsideAreReturnedOrRaised) {
  L.pushNative(fail);
  int f = L.top();
  callKeep("coroutine.create", {Arg::stack(f)});
  int co = L.top();
  EXPECT_EQ(call("coroutine.resume", {Arg::stack(co)}), "false, \"inside\"");
  EXPECT_EQ(call("coroutine.status", {Arg::stack(co)}), "\"dead\"");
  EXPECT_EQ(call("coroutine.close", {Arg::stack(co)}), "false, \"inside\"");
  callKeep("coroutine.wrap", {Arg::stack(f)});
  int wrapped = L.top();
  EXPECT_EQ(call("pcall", {Arg::stack(wrapped)}), "false, \"inside\"");
  EXPECT_EQ(call("pcall", {Arg::stack(wrapped)}), "false, \"cannot resume dead coroutine\"");
}

TEST_F(CoroutineLib, WrapAndClose) {
  L.pushNative(yieldOnce);
  int f = L.top();
  callKeep("coroutine.wrap", {Arg::stack(f)});
  int gen = L.top();
  EXPECT_EQ(call("pcall", {Arg::stack(gen)}), "true, 1");
  EXPECT_EQ(call("pcall", {Arg::stack(gen), 1, 2, 3}), "true, 3");
  callKeep("coroutine.create", {Arg::stack(f)});
  int co = L.top();
  EXPECT_EQ(call("coroutine.resume", {Arg::stack(co)}), "true, 1");
  EXPECT_EQ(call("coroutine.close", {Arg::stack(co)}), "true");
  EXPECT_EQ(call("coroutine.status", {Arg::stack(co)}), "\"dead\"");
  L.pushThread();
  int self = L.top();
  EXPECT_EQ(call("coroutine.close", {Arg::stack(self)}), "error: cannot close a running coroutine");
}

} // namespace
} // namespace stdlibtest
