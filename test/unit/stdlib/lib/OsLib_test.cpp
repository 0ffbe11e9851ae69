#include "StdlibFixture.h"

#include <cstdlib>

namespace stdlibtest {
namespace {

using OsLib = StdlibTest;

TEST_F(OsLib, DatesInUtc) {
  EXPECT_EQ(call("os.date", {"!%Y-%m-%d %H:%M:%S", 0}), "\"1970-01-01 00:00:00\"");
  callKeep("os.date", {"!*t", 86400});
  int t = L.top();
  std::string fields;
  for (const char* key : {"year", "month", "day", "hour", "wday", "yday", "isdst"}) {
    L.getField(t, key);
    fields += show(-1) + " ";
    L.pop();
  }
  EXPECT_EQ(fields, "1970 1 2 0 6 2 false ");
  EXPECT_EQ(call("os.date", {"%Ez"}),
            "error: bad argument #1 to 'os.date' (invalid conversion specifier '%Ez')");
}

TEST_F(OsLib, TimeNormalisesItsTable) {
  setenv("TZ", "UTC", 1);
  L.newTable();
  int t = L.top();
  for (auto [key, value] : {std::pair{"year", 2000}, {"month", 13}, {"day", 1}, {"hour", 0}}) {
    L.pushInteger(value);
    L.setField(t, key);
  }
  EXPECT_EQ(call("os.time", {Arg::stack(t)}), "978307200");
  L.getField(t, "month");
  L.getField(t, "year");
  EXPECT_EQ(show(-2) + " " + show(-1), "1 2001");
  L.newTable();
  EXPECT_EQ(call("os.time", {Arg::stack(L.top())}), "error: field 'year' missing in date table");
  EXPECT_EQ(call("os.difftime", {10, 5}), "5.0");
  EXPECT_EQ(call("os.difftime", {1}),
            "error: bad argument #2 to 'os.difftime' (number expected, got no value)");
}

TEST_F(OsLib, FilesAndEnvironment) {
  EXPECT_EQ(call("os.getenv", {"SLOTH_SURELY_UNSET_VARIABLE"}), "nil");
  setenv("SLOTH_STDLIB_TEST", "yes", 1);
  EXPECT_EQ(call("os.getenv", {"SLOTH_STDLIB_TEST"}), "\"yes\"");
  EXPECT_EQ(call("os.remove", {"/nonexistent/x"}),
            "nil, \"/nonexistent/x: No such file or directory\", 2");
  EXPECT_EQ(call("os.rename", {"/nonexistent/x", "/tmp/y"}),
            "nil, \"No such file or directory\", 2");
  std::string name = call("os.tmpname");
  ASSERT_EQ(name.substr(0, 10), "\"/tmp/lua_");
  EXPECT_EQ(call("os.remove", {name.substr(1, name.size() - 2)}), "true");
  EXPECT_EQ(call("os.execute", {"exit 3"}), "nil, \"exit\", 3");
  EXPECT_EQ(call("os.execute", {"true"}), "true, \"exit\", 0");
  EXPECT_EQ(call("os.execute"), "true");
  EXPECT_EQ(call("os.clock").find('.') != std::string::npos, true);
}

} // namespace
} // namespace stdlibtest
