#include "StdlibFixture.h"

namespace stdlibtest {
namespace {

using Utf8Lib = StdlibTest;

TEST_F(Utf8Lib, EncodesDecodesAndCounts) {
  EXPECT_EQ(call("utf8.char", {72, 233, 8364}), "\"H\xC3\xA9\xE2\x82\xAC\"");
  EXPECT_EQ(call("utf8.char", {-1}), "error: bad argument #1 to 'utf8.char' (value out of range)");
  EXPECT_EQ(call("utf8.len", {"h\xC3\xA9llo"}), "5");
  EXPECT_EQ(call("utf8.len", {"\xFF"}), "nil, 1");
  EXPECT_EQ(call("utf8.len", {"abc", 5}),
            "error: bad argument #2 to 'utf8.len' (initial position out of bounds)");
  EXPECT_EQ(call("utf8.codepoint", {"h\xC3\xA9llo", 1, -1}), "104, 233, 108, 108, 111");
  EXPECT_EQ(call("utf8.codepoint", {"\xFF"}), "error: invalid UTF-8 code");
  EXPECT_EQ(call("utf8.offset", {"h\xC3\xA9llo", 3}), "4");
  EXPECT_EQ(call("utf8.offset", {"abc", 10}), "nil");
}

TEST_F(Utf8Lib, CodesIteratesOverCodePoints) {
  callKeep("utf8.codes", {"a\xC3\xA9"});
  int iter = L.top();
  std::string seen;
  std::int64_t control = 0;
  for (;;) {
    L.pushValue(iter);
    L.pushString("a\xC3\xA9");
    L.pushInteger(control);
    L.call(2, 2);
    if (L.isNil(-2)) {
      L.pop(2);
      break;
    }
    control = L.toInteger(-2);
    seen += show(-2) + ":" + show(-1) + " ";
    L.pop(2);
  }
  EXPECT_EQ(seen, "1:97 2:233 ");
  L.getGlobal("utf8");
  L.getField(-1, "charpattern");
  EXPECT_EQ(L.rawLen(-1), 14u);
  L.setTop(0);
}

} // namespace
} // namespace stdlibtest
