#include "StdlibFixture.h"

#include <cstdio>
#include <filesystem>
#include <fstream>

namespace stdlibtest {
namespace {

class IoLib : public StdlibTest {
protected:
  std::string path = (std::filesystem::temp_directory_path() /
                      ("sloth_io_test_" + std::to_string(::getpid()) + ".txt"))
                         .string();

  void SetUp() override { std::ofstream(path) << "12 3.5 0x10\nline2\nlast"; }
  void TearDown() override { std::remove(path.c_str()); }

  // Calls method `name` of the file at `file` with `args`.
  std::string method(int file, const char* name, std::initializer_list<Arg> args = {}) {
    std::vector<Arg> all{Arg::stack(file)};
    all.insert(all.end(), args.begin(), args.end());
    int base = L.top();
    L.getField(file, name);
    for (const Arg& a : all)
      push(a);
    vm::Status st = L.pcall(static_cast<int>(all.size()), vm::kMultRet, 0);
    std::string result;
    if (st != vm::Status::Ok) {
      result = "error: " + std::string(L.toDisplayString(-1));
    } else {
      for (int i = base + 1; i <= L.top(); i++)
        result += (i > base + 1 ? ", " : "") + show(i);
    }
    L.setTop(base);
    return result;
  }
};

TEST_F(IoLib, ReadFormats) {
  callKeep("io.open", {path});
  int f = L.top();
  EXPECT_EQ(method(f, "read", {"n", "n", "n", "l", "l", "L", "l"}),
            "12, 3.5, 16, \"\", \"line2\", \"last\", nil");
  EXPECT_EQ(method(f, "seek", {"set", 3}), "3");
  EXPECT_EQ(method(f, "read", {4}), "\"3.5 \"");
  EXPECT_EQ(method(f, "read", {0}), "\"\"");
  EXPECT_EQ(method(f, "read", {"a"}), "\"0x10\nline2\nlast\"");
  EXPECT_EQ(method(f, "read", {"a"}), "\"\"");
  EXPECT_EQ(method(f, "read", {0}), "nil");
  EXPECT_EQ(method(f, "read", {"*l"}), "nil");
  EXPECT_EQ(method(f, "read", {"x"}), "error: bad argument #2 to '?' (invalid format)");
  EXPECT_EQ(method(f, "seek", {"bad"}), "error: bad argument #2 to '?' (invalid option 'bad')");
  EXPECT_EQ(method(f, "close"), "true");
  EXPECT_EQ(method(f, "read"), "error: attempt to use a closed file");
  EXPECT_EQ(call("io.type", {Arg::stack(f)}), "\"closed file\"");
  EXPECT_EQ(call("tostring", {Arg::stack(f)}), "\"file (closed)\"");
}

TEST_F(IoLib, OpenErrorsAndModes) {
  EXPECT_EQ(call("io.open", {"/nonexistent/file"}),
            "nil, \"/nonexistent/file: No such file or directory\", 2");
  EXPECT_EQ(call("io.open", {path, "rw"}), "error: bad argument #2 to 'io.open' (invalid mode)");
  EXPECT_EQ(call("io.lines", {"/nonexistent/file"}),
            "error: cannot open file '/nonexistent/file' (No such file or directory)");
  EXPECT_EQ(call("io.type", {5}), "nil");
  L.getGlobal("io");
  L.getField(-1, "stdout");
  int out = L.top();
  EXPECT_EQ(call("io.type", {Arg::stack(out)}), "\"file\"");
  EXPECT_EQ(method(out, "close"), "nil, \"cannot close standard file\"");
}

TEST_F(IoLib, WriteThenLines) {
  callKeep("io.open", {path, "w"});
  int f = L.top();
  std::string written = method(f, "write", {"a", 1, 2.5, "\n", 1e100, "\nz"});
  EXPECT_EQ(written.substr(0, 5), "file ");
  EXPECT_EQ(method(f, "close"), "true");
  callKeep("io.lines", {path, "L"});
  int iter = L.top();
  std::string lines;
  for (;;) {
    L.pushValue(iter);
    L.call(0, 1);
    if (L.isNil(-1)) {
      L.pop();
      break;
    }
    lines += show(-1);
    L.pop();
  }
  EXPECT_EQ(lines, "\"a12.5\n\"\"1e+100\n\"\"z\"");
  L.pushValue(iter);
  EXPECT_EQ(L.pcall(0, 1, 0), vm::Status::ErrRun);
  EXPECT_EQ(std::string(L.toDisplayString(-1)), "file is already closed");
}

TEST_F(IoLib, PopenReportsTheExitStatus) {
  callKeep("io.popen", {"echo hi; exit 3"});
  int p = L.top();
  EXPECT_EQ(method(p, "read", {"a"}), "\"hi\n\"");
  EXPECT_EQ(method(p, "close"), "nil, \"exit\", 3");
  EXPECT_EQ(call("io.popen", {"true", "rw"}),
            "error: bad argument #2 to 'io.popen' (invalid mode)");
}

TEST_F(IoLib, DefaultInputAndOutput) {
  callKeep("io.input", {path});
  L.pop();
  EXPECT_EQ(call("io.read", {"n", "l"}), "12, \" 3.5 0x10\"");
  EXPECT_EQ(call("io.read"), "\"line2\"");
  callKeep("io.input");
  int in = L.top();
  EXPECT_EQ(method(in, "close"), "true");
  EXPECT_EQ(call("io.read"), "error: default input file is closed");
}

} // namespace
} // namespace stdlibtest
