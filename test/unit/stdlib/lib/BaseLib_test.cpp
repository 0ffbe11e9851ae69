#include "StdlibFixture.h"

namespace stdlibtest {
namespace {

using BaseLib = StdlibTest;

TEST_F(BaseLib, TypeAndToString) {
  EXPECT_EQ(call("type", {nullptr}), "\"nil\"");
  EXPECT_EQ(call("type", {1.5}), "\"number\"");
  EXPECT_EQ(call("type", {"x"}), "\"string\"");
  EXPECT_EQ(call("type"), "error: bad argument #1 to 'type' (value expected)");
  EXPECT_EQ(call("tostring", {true}), "\"true\"");
  EXPECT_EQ(call("tostring", {10}), "\"10\"");
  EXPECT_EQ(call("tostring", {10.0}), "\"10.0\"");
  EXPECT_EQ(call("tostring"), "error: bad argument #1 to 'tostring' (value expected)");
}

TEST_F(BaseLib, ToNumber) {
  EXPECT_EQ(call("tonumber", {"0x10"}), "16");
  EXPECT_EQ(call("tonumber", {" 10 "}), "10");
  EXPECT_EQ(call("tonumber", {"1e1"}), "10.0");
  EXPECT_EQ(call("tonumber", {"0x1p4"}), "16.0");
  EXPECT_EQ(call("tonumber", {"abc"}), "nil");
  EXPECT_EQ(call("tonumber", {"inf"}), "nil");
  EXPECT_EQ(call("tonumber", {true}), "nil");
  EXPECT_EQ(call("tonumber", {"z", 36}), "35");
  EXPECT_EQ(call("tonumber", {" ff ", 16}), "255");
  EXPECT_EQ(call("tonumber", {"-101", 2}), "-5");
  EXPECT_EQ(call("tonumber", {"2", 2}), "nil");
  EXPECT_EQ(call("tonumber", {"10", 2.0}), "2");
  EXPECT_EQ(call("tonumber", {10, 16}),
            "error: bad argument #1 to 'tonumber' (string expected, got number)");
  EXPECT_EQ(call("tonumber", {"10", 99}),
            "error: bad argument #2 to 'tonumber' (base out of range)");
  EXPECT_EQ(call("tonumber"), "error: bad argument #1 to 'tonumber' (value expected)");
}

TEST_F(BaseLib, SelectCountsAndSlices) {
  EXPECT_EQ(call("select", {"#", 1, 2, 3}), "3");
  EXPECT_EQ(call("select", {2, "a", "b", "c"}), "\"b\", \"c\"");
  EXPECT_EQ(call("select", {-1, "a", "b", "c"}), "\"c\"");
  EXPECT_EQ(call("select", {5, "a"}), "");
  EXPECT_EQ(call("select", {0, "a"}), "error: bad argument #1 to 'select' (index out of range)");
  EXPECT_EQ(call("select", {-3, "a"}), "error: bad argument #1 to 'select' (index out of range)");
}

TEST_F(BaseLib, ErrorAndAssert) {
  EXPECT_EQ(call("error", {"boom"}), "error: boom");
  EXPECT_EQ(call("error", {"boom", 0}), "error: boom");
  EXPECT_EQ(call("assert", {1, 2, "x"}), "1, 2, \"x\"");
  EXPECT_EQ(call("assert", {false}), "error: assertion failed!");
  EXPECT_EQ(call("assert", {nullptr, "custom"}), "error: custom");
  EXPECT_EQ(call("assert"), "error: bad argument #1 to 'assert' (value expected)");
}

TEST_F(BaseLib, PcallCatchesAndReportsStatus) {
  EXPECT_EQ(call("pcall", {"x"}), "false, \"attempt to call a string value\"");
  pushPath("error");
  int err = L.top();
  EXPECT_EQ(call("pcall", {Arg::stack(err), "msg"}), "false, \"msg\"");
  pushPath("select");
  int sel = L.top();
  EXPECT_EQ(call("pcall", {Arg::stack(sel), "#", 1, 2}), "true, 2");
  EXPECT_EQ(call("pcall"), "error: bad argument #1 to 'pcall' (value expected)");
}

TEST_F(BaseLib, XpcallPassesErrorsThroughTheHandler) {
  pushPath("error");
  int err = L.top();
  pushPath("tostring");
  int handler = L.top();
  EXPECT_EQ(call("xpcall", {Arg::stack(err), Arg::stack(handler), "m"}), "false, \"m\"");
  pushPath("select");
  int sel = L.top();
  EXPECT_EQ(call("xpcall", {Arg::stack(sel), Arg::stack(handler), 2, "a", "b"}), "true, \"b\"");
  EXPECT_EQ(call("xpcall", {Arg::stack(sel)}),
            "error: bad argument #2 to 'xpcall' (function expected, got no value)");
}

TEST_F(BaseLib, RawAccess) {
  L.newTable();
  int t = L.top();
  EXPECT_EQ(call("rawset", {Arg::stack(t), "k", 5}).substr(0, 6), "table:");
  EXPECT_EQ(call("rawget", {Arg::stack(t), "k"}), "5");
  EXPECT_EQ(call("rawlen", {Arg::stack(t)}), "0");
  EXPECT_EQ(call("rawlen", {"abc"}), "3");
  EXPECT_EQ(call("rawlen", {5}),
            "error: bad argument #1 to 'rawlen' (table or string expected, got number)");
  EXPECT_EQ(call("rawequal", {Arg::stack(t), Arg::stack(t)}), "true");
  EXPECT_EQ(call("rawequal", {1, 1.0}), "true");
  EXPECT_EQ(call("rawequal", {1}), "error: bad argument #2 to 'rawequal' (value expected)");
  EXPECT_EQ(call("rawget", {1, 1}),
            "error: bad argument #1 to 'rawget' (table expected, got number)");
}

TEST_F(BaseLib, MetatablesAndProtection) {
  L.newTable();
  int t = L.top();
  L.newTable();
  int mt = L.top();
  EXPECT_EQ(call("getmetatable", {Arg::stack(t)}), "nil");
  callKeep("setmetatable", {Arg::stack(t), Arg::stack(mt)});
  EXPECT_TRUE(L.rawEqual(-1, t));
  L.pop();
  callKeep("getmetatable", {Arg::stack(t)});
  EXPECT_TRUE(L.rawEqual(-1, mt));
  L.pop();
  L.pushString("locked");
  L.setField(mt, "__metatable");
  EXPECT_EQ(call("getmetatable", {Arg::stack(t)}), "\"locked\"");
  EXPECT_EQ(call("setmetatable", {Arg::stack(t), nullptr}),
            "error: cannot change a protected metatable");
  EXPECT_EQ(call("setmetatable", {Arg::stack(t), 5}),
            "error: bad argument #2 to 'setmetatable' (nil or table expected, got number)");
  EXPECT_EQ(call("setmetatable", {1, nullptr}),
            "error: bad argument #1 to 'setmetatable' (table expected, got number)");
  EXPECT_EQ(call("getmetatable", {"abc"}).substr(0, 6), "table:");
}

TEST_F(BaseLib, NextAndPairsWalkATable) {
  L.newTable();
  int t = L.top();
  L.pushInteger(7);
  L.setField(t, "only");
  EXPECT_EQ(call("next", {Arg::stack(t)}), "\"only\", 7");
  EXPECT_EQ(call("next", {Arg::stack(t), "only"}), "nil");
  EXPECT_EQ(call("next", {Arg::stack(t), "absent"}), "error: invalid key to 'next'");
  callKeep("pairs", {Arg::stack(t)});
  pushPath("next");
  EXPECT_TRUE(L.rawEqual(-1, -2)) << "pairs returns the global next";
  L.pop(2);
  EXPECT_EQ(call("pairs"), "error: bad argument #1 to 'pairs' (value expected)");
}

TEST_F(BaseLib, IpairsStopsAtTheFirstNil) {
  L.newTable();
  int t = L.top();
  L.pushString("a");
  L.rawSetI(t, 1);
  L.pushString("b");
  L.rawSetI(t, 2);
  pushPath("ipairs");
  L.pushValue(t);
  L.call(1, 3);
  int iter = L.top() - 2;
  EXPECT_EQ(call("select", {1, Arg::stack(iter)}).substr(0, 9), "function:");
  L.pushValue(iter);
  L.pushValue(t);
  L.pushInteger(1);
  L.call(2, 2);
  EXPECT_EQ(show(-2) + " " + show(-1), "2 \"b\"");
  L.pop(2);
  L.pushValue(iter);
  L.pushValue(t);
  L.pushInteger(2);
  L.call(2, vm::kMultRet);
  EXPECT_EQ(L.top(), iter + 3) << "one nil at the end";
  EXPECT_TRUE(L.isNil(-1));
}

TEST_F(BaseLib, CollectGarbageOptions) {
  EXPECT_EQ(call("collectgarbage"), "0");
  EXPECT_EQ(call("collectgarbage", {"isrunning"}), "true");
  EXPECT_EQ(call("collectgarbage", {"stop"}), "0");
  EXPECT_EQ(call("collectgarbage", {"isrunning"}), "false");
  EXPECT_EQ(call("collectgarbage", {"restart"}), "0");
  EXPECT_EQ(call("collectgarbage", {"step"}), "true");
  // lua.c starts in generational mode; each call reports the previous mode.
  EXPECT_EQ(call("collectgarbage", {"incremental"}), "\"generational\"");
  EXPECT_EQ(call("collectgarbage", {"generational"}), "\"incremental\"");
  EXPECT_EQ(call("collectgarbage", {"incremental"}), "\"generational\"");
  EXPECT_EQ(call("collectgarbage", {"bogus"}),
            "error: bad argument #1 to 'collectgarbage' (invalid option 'bogus')");
  pushPath("collectgarbage");
  L.pushString("count");
  L.call(1, 1);
  EXPECT_TRUE(L.type(-1) == vm::Type::Number && !L.isInteger(-1));
  EXPECT_GT(L.toNumber(-1), 0.0);
}

TEST_F(BaseLib, GlobalsAndVersion) {
  pushPath("_G");
  L.pushGlobalTable();
  EXPECT_TRUE(L.rawEqual(-1, -2));
  L.pop(2);
  L.getGlobal("_VERSION");
  EXPECT_EQ(show(-1), "\"Lua 5.4\"");
  L.pop();
}

TEST_F(BaseLib, LoadWithoutACompilerFailsLikeLua) {
  EXPECT_EQ(
      call("load", {"return 1"}),
      "nil, \"[string \"return 1\"]: cannot load source code: this runtime has no compiler\"");
  EXPECT_EQ(call("load", {"\x1bLua", "=bin", "t"}),
            "nil, \"attempt to load a binary chunk (mode is 't')\"");
  EXPECT_EQ(call("load", {"x = 1", "=name", "b"}),
            "nil, \"attempt to load a text chunk (mode is 'b')\"");
  EXPECT_EQ(call("load", {5.0, "=n", "b"}), "nil, \"attempt to load a text chunk (mode is 'b')\"");
  EXPECT_EQ(call("load", {true}),
            "error: bad argument #1 to 'load' (function expected, got boolean)");
  EXPECT_EQ(call("loadfile", {"/nonexistent/file.lua"}),
            "nil, \"cannot open /nonexistent/file.lua: No such file or directory\"");
  EXPECT_EQ(call("dofile", {"/nonexistent/file.lua"}),
            "error: cannot open /nonexistent/file.lua: No such file or directory");
}

} // namespace
} // namespace stdlibtest
