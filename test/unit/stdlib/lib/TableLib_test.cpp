#include "StdlibFixture.h"

#include <vector>

namespace stdlibtest {
namespace {

class TableLib : public StdlibTest {
protected:
  // A new table holding `values` as a sequence; its stack index.
  int sequence(std::initializer_list<Arg> values) {
    L.newTable();
    int t = L.top();
    std::int64_t i = 1;
    for (const Arg& v : values) {
      push(v);
      L.rawSetI(t, i++);
    }
    return t;
  }
  std::string joined(int t) { return call("table.concat", {Arg::stack(t), ","}); }
};

TEST_F(TableLib, ConcatJoinsStringsAndNumbers) {
  int t = sequence({1, 2.5, "x"});
  EXPECT_EQ(call("table.concat", {Arg::stack(t), "-", 2, 3}), "\"2.5-x\"");
  EXPECT_EQ(call("table.concat", {Arg::stack(t)}), "\"12.5x\"");
  EXPECT_EQ(call("table.concat", {Arg::stack(t), ",", 3, 2}), "\"\"");
  int bad = sequence({1, true});
  EXPECT_EQ(call("table.concat", {Arg::stack(bad)}),
            "error: invalid value (boolean) at index 2 in table for 'concat'");
  EXPECT_EQ(call("table.concat", {5}),
            "error: bad argument #1 to 'table.concat' (table expected, got number)");
}

TEST_F(TableLib, InsertAndRemoveShiftElements) {
  int t = sequence({1, 2, 3});
  EXPECT_EQ(call("table.insert", {Arg::stack(t), 1, 0}), "");
  EXPECT_EQ(joined(t), "\"0,1,2,3\"");
  EXPECT_EQ(call("table.insert", {Arg::stack(t), 4}), "");
  EXPECT_EQ(joined(t), "\"0,1,2,3,4\"");
  EXPECT_EQ(call("table.insert", {Arg::stack(t), 9, 2}),
            "error: bad argument #2 to 'table.insert' (position out of bounds)");
  EXPECT_EQ(call("table.insert", {Arg::stack(t), 1, 2, 3}),
            "error: wrong number of arguments to 'insert'");
  EXPECT_EQ(call("table.insert", {nullptr, 2}),
            "error: bad argument #1 to 'table.insert' (table expected, got nil)");
  EXPECT_EQ(call("table.remove", {Arg::stack(t), 1}), "0");
  EXPECT_EQ(call("table.remove", {Arg::stack(t)}), "4");
  EXPECT_EQ(joined(t), "\"1,2,3\"");
  EXPECT_EQ(call("table.remove", {Arg::stack(t), 7}),
            "error: bad argument #1 to 'table.remove' (position out of bounds)");
  int empty = sequence({});
  EXPECT_EQ(call("table.remove", {Arg::stack(empty)}), "nil");
}

TEST_F(TableLib, PackUnpackMove) {
  callKeep("table.pack", {1, nullptr, 3});
  int p = L.top();
  L.getField(p, "n");
  EXPECT_EQ(show(-1), "3");
  L.pop();
  EXPECT_EQ(call("table.unpack", {Arg::stack(p)}), "1, nil, 3");
  EXPECT_EQ(call("table.unpack", {Arg::stack(p), 1, 3}), "1, nil, 3");
  EXPECT_EQ(call("table.unpack", {Arg::stack(p), 3, 2}), "");
  EXPECT_EQ(call("unpack", {Arg::stack(p), 2, 3}), "nil, 3");
  EXPECT_EQ(call("table.unpack", {nullptr}), "error: attempt to get length of a nil value");
  EXPECT_EQ(call("table.unpack", {Arg::stack(p), 1, 1 << 30}), "error: too many results to unpack");
  int t = sequence({1, 2, 3});
  callKeep("table.move", {Arg::stack(t), 1, 3, 2});
  EXPECT_TRUE(L.rawEqual(-1, t));
  L.pop();
  EXPECT_EQ(joined(t), "\"1,1,2,3\"");
  EXPECT_EQ(call("table.move", {Arg::stack(t), 1, INT64_MAX, 2}),
            "error: bad argument #4 to 'table.move' (destination wrap around)");
  int dest = sequence({});
  call("table.move", {Arg::stack(t), 2, 3, 1, Arg::stack(dest)});
  EXPECT_EQ(joined(dest), "\"1,2\"");
  EXPECT_EQ(call("table.getn", {Arg::stack(t)}), "4");
}

int greater(vm::Thread& L) {
  L.pushBoolean(L.compare(2, 1, vm::CompareOp::Lt));
  return 1;
}

int alwaysTrue(vm::Thread& L) {
  L.pushBoolean(true);
  return 1;
}

TEST_F(TableLib, SortOrdersAndDetectsBadComparators) {
  int t = sequence({5, 3, 9, 1, 7, 2});
  EXPECT_EQ(call("table.sort", {Arg::stack(t)}), "");
  EXPECT_EQ(joined(t), "\"1,2,3,5,7,9\"");
  L.pushNative(greater);
  int gt = L.top();
  EXPECT_EQ(call("table.sort", {Arg::stack(t), Arg::stack(gt)}), "");
  EXPECT_EQ(joined(t), "\"9,7,5,3,2,1\"");
  int mixed = sequence({3, 1, "x"});
  EXPECT_EQ(call("table.sort", {Arg::stack(mixed)}),
            "error: attempt to compare string with number");
  L.newTable();
  int big = L.top();
  for (int i = 1; i <= 200; i++) {
    L.pushInteger(i % 7);
    L.rawSetI(big, i);
  }
  L.pushNative(alwaysTrue);
  int yes = L.top();
  EXPECT_EQ(call("table.sort", {Arg::stack(big), Arg::stack(yes)}),
            "error: invalid order function for sorting");
  EXPECT_EQ(call("table.sort", {Arg::stack(t), 5}),
            "error: bad argument #2 to 'table.sort' (function expected, got number)");
}

TEST_F(TableLib, SortsLargeArraysLikeLua) {
  L.newTable();
  int t = L.top();
  std::vector<std::int64_t> values;
  std::uint64_t x = 12345;
  for (int i = 1; i <= 5000; i++) {
    x = x * 6364136223846793005ULL + 1442695040888963407ULL;
    L.pushInteger(static_cast<std::int64_t>(x >> 40));
    L.rawSetI(t, i);
  }
  EXPECT_EQ(call("table.sort", {Arg::stack(t)}), "");
  for (int i = 1; i < 5000; i++) {
    L.rawGetI(t, i);
    L.rawGetI(t, i + 1);
    ASSERT_TRUE(L.compare(-2, -1, vm::CompareOp::Le)) << i;
    L.pop(2);
  }
}

} // namespace
} // namespace stdlibtest
