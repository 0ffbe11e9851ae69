#include "StdlibFixture.h"

namespace stdlibtest {
namespace {

using StringLib = StdlibTest;

TEST_F(StringLib, BasicsFollowLuaPositions) {
  EXPECT_EQ(call("string.sub", {"hello", 2, -2}), "\"ell\"");
  EXPECT_EQ(call("string.sub", {"hello", -3}), "\"llo\"");
  EXPECT_EQ(call("string.sub", {"hello"}),
            "error: bad argument #2 to 'string.sub' (number expected, got no value)");
  EXPECT_EQ(call("string.byte", {"ABC", 1, -1}), "65, 66, 67");
  EXPECT_EQ(call("string.byte", {"ABC"}), "65");
  EXPECT_EQ(call("string.byte", {"ABC", 10}), "");
  EXPECT_EQ(call("string.char", {72, 105}), "\"Hi\"");
  EXPECT_EQ(call("string.char", {256}),
            "error: bad argument #1 to 'string.char' (value out of range)");
  EXPECT_EQ(call("string.rep", {"ab", 3, ","}), "\"ab,ab,ab\"");
  EXPECT_EQ(call("string.rep", {"ab", 0}), "\"\"");
  EXPECT_EQ(call("string.rep"),
            "error: bad argument #1 to 'string.rep' (string expected, got no value)");
  EXPECT_EQ(call("string.len", {"abc"}), "3");
  EXPECT_EQ(call("string.len", {123}), "3");
  EXPECT_EQ(call("string.upper", {"aBc"}), "\"ABC\"");
  EXPECT_EQ(call("string.lower", {"aBc"}), "\"abc\"");
  EXPECT_EQ(call("string.reverse", {"abc"}), "\"cba\"");
}

TEST_F(StringLib, PatternFunctions) {
  EXPECT_EQ(call("string.find", {"hello world", "o w"}), "5, 7");
  EXPECT_EQ(call("string.find", {"a.b", ".", 1, true}), "2, 2");
  EXPECT_EQ(call("string.find", {"abc", "(b)(c)"}), "2, 3, \"b\", \"c\"");
  EXPECT_EQ(call("string.find", {"abc", "x"}), "nil");
  EXPECT_EQ(call("string.find", {"abc", "b", 10}), "nil");
  EXPECT_EQ(call("string.find", {"a", "(", 1}), "error: unfinished capture");
  EXPECT_EQ(call("string.match", {"key=val", "(%w+)=(%w+)"}), "\"key\", \"val\"");
  EXPECT_EQ(call("string.match", {"abc", "()b()"}), "2, 3");
  EXPECT_EQ(call("string.gsub", {"hello world", "o", "0"}), "\"hell0 w0rld\", 2");
  EXPECT_EQ(call("string.gsub", {"abc", "%w", "%0%0", 2}), "\"aabbc\", 2");
  EXPECT_EQ(call("string.gsub", {"x", "x", true}),
            "error: bad argument #3 to 'string.gsub' (string/function/table expected, got "
            "boolean)");
}

int upperNative(vm::Thread& L) {
  std::string s(L.checkString(1));
  for (char& c : s)
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  L.pushString(s);
  return 1;
}

int falseNative(vm::Thread& L) {
  L.pushBoolean(false);
  return 1;
}

int tableNative(vm::Thread& L) {
  L.newTable();
  return 1;
}

TEST_F(StringLib, GsubWithFunctionsAndTables) {
  L.pushNative(upperNative);
  int up = L.top();
  EXPECT_EQ(call("string.gsub", {"a-b", "%a", Arg::stack(up)}), "\"A-B\", 2");
  L.pushNative(falseNative);
  int keep = L.top();
  EXPECT_EQ(call("string.gsub", {"a-b", "%a", Arg::stack(keep)}), "\"a-b\", 2");
  L.pushNative(tableNative);
  int bad = L.top();
  EXPECT_EQ(call("string.gsub", {"a", "a", Arg::stack(bad)}),
            "error: invalid replacement value (a table)");
  L.newTable();
  int map = L.top();
  L.pushString("one");
  L.setField(map, "1");
  L.pushInteger(2);
  L.setField(map, "2");
  EXPECT_EQ(call("string.gsub", {"1 2 3", "%d", Arg::stack(map)}), "\"one 2 3\", 3");
}

TEST_F(StringLib, GmatchIterates) {
  callKeep("string.gmatch", {"k1=v1, k2=v2", "(%w+)=(%w+)"});
  int iter = L.top();
  std::string seen;
  for (;;) {
    L.pushValue(iter);
    L.call(0, 2);
    if (L.isNil(-2)) {
      L.pop(2);
      break;
    }
    seen += show(-2) + ":" + show(-1) + " ";
    L.pop(2);
  }
  EXPECT_EQ(seen, "\"k1\":\"v1\" \"k2\":\"v2\" ");
}

TEST_F(StringLib, FormatAndPack) {
  EXPECT_EQ(call("string.format", {"%5.2f|%d|%s", 3.14159, 42, true}), "\" 3.14|42|true\"");
  EXPECT_EQ(call("string.format", {"%q", "a\nb"}), "\"\"a\\\nb\"\"");
  EXPECT_EQ(call("string.format", {"%d", 1.5}),
            "error: bad argument #2 to 'string.format' (number has no integer representation)");
  EXPECT_EQ(call("string.format", {"%d"}), "error: bad argument #2 to 'string.format' (no value)");
  L.newTable();
  int t = L.top();
  EXPECT_EQ(call("string.format", {"%s", Arg::stack(t)}).substr(0, 8), "\"table: ");
  EXPECT_EQ(call("string.format", {"%d", Arg::stack(t)}),
            "error: bad argument #2 to 'string.format' (number expected, got table)");
  EXPECT_EQ(call("string.packsize", {"i4i8"}), "12");
  EXPECT_EQ(call("string.packsize", {"!i4i8"}), "16");
  EXPECT_EQ(call("string.unpack", {"<i4", std::string("\1\0\0\0", 4)}), "1, 5");
  EXPECT_EQ(call("string.len", {Arg::stack(0)}).substr(0, 6), "error:");
}

TEST_F(StringLib, MethodsThroughTheStringMetatable) {
  L.pushString("abc");
  EXPECT_TRUE(L.getMetatable(-1));
  L.getField(-1, "__index");
  pushPath("string");
  EXPECT_TRUE(L.rawEqual(-1, -2));
  L.setTop(0);
}

TEST_F(StringLib, ArithmeticOnNumericStrings) {
  auto arith = [this](Arg a, Arg b, vm::ArithOp op) {
    pushPath("pcall");
    L.pushNative([](vm::Thread& T) {
      auto op = static_cast<vm::ArithOp>(T.toInteger(3));
      T.setTop(2);
      T.arith(op);
      return 1;
    });
    push(a);
    push(b);
    L.pushInteger(static_cast<int>(op));
    L.call(4, vm::kMultRet);
    std::string out = show(-1);
    L.setTop(0);
    return out;
  };
  EXPECT_EQ(arith("10", 1, vm::ArithOp::Add), "11");
  EXPECT_EQ(arith("3", "4", vm::ArithOp::Mul), "12");
  EXPECT_EQ(arith("2", 2, vm::ArithOp::Pow), "4.0");
  EXPECT_EQ(arith("10", 3, vm::ArithOp::IDiv), "3");
  EXPECT_EQ(arith("0x10", 1, vm::ArithOp::Sub), "15");
  EXPECT_EQ(arith("a", 1, vm::ArithOp::Add), "\"attempt to add a 'string' with a 'number'\"");
  EXPECT_EQ(arith(true, "1", vm::ArithOp::Mod), "\"attempt to mod a 'boolean' with a 'string'\"");
}

} // namespace
} // namespace stdlibtest
