// The standard-library fixture plus what module tests share: a scratch directory on the real
// filesystem (removed afterwards), reading fields of a result table, and check mode.
#pragma once

#include "../lib/StdlibFixture.h"
#include "sloth/stdlib/modules/CheckMode.h"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/stat.h>

namespace stdlibtest {

class ModuleTest : public StdlibTest {
protected:
  std::filesystem::path dir;

  ModuleTest() {
    std::string pattern = (std::filesystem::temp_directory_path() / "sloth-module-XXXXXX").string();
    dir = mkdtemp(pattern.data());
  }
  ~ModuleTest() override { std::filesystem::remove_all(dir); }

  std::string at(const std::string& name) const { return (dir / name).string(); }

  // Calls a function that returns a table and shows `fields` of it as "k=v k=v".
  std::string callFields(std::string_view path, std::initializer_list<Arg> args,
                         std::initializer_list<const char*> fields) {
    int base = L.top();
    pushPath(path);
    for (const Arg& a : args)
      push(a);
    if (L.pcall(static_cast<int>(args.size()), 1, 0) != vm::Status::Ok) {
      std::string message = "error: " + std::string(L.toDisplayString(-1));
      L.setTop(base);
      return message;
    }
    std::string out;
    for (const char* field : fields) {
      L.getField(-1, field);
      out += std::string(out.empty() ? "" : " ") + field + "=" + show(-1);
      L.pop();
    }
    L.setTop(base);
    return out;
  }

  // A Lua table built from string pairs, left on the stack; returns its index.
  int pushOptions(std::initializer_list<std::pair<const char*, Arg>> entries) {
    L.newTable();
    for (const auto& [key, value] : entries) {
      push(value);
      L.setField(-2, key);
    }
    return L.top();
  }

  void setCheckMode(bool on) { sloth::stdlib::modules::setCheckMode(state, on); }

  static std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream content;
    content << in.rdbuf();
    return content.str();
  }
  static void writeFile(const std::string& path, const std::string& content) {
    std::ofstream(path, std::ios::binary) << content;
  }
  static struct stat statOf(const std::string& path) {
    struct stat info {};
    EXPECT_EQ(::lstat(path.c_str(), &info), 0) << path;
    return info;
  }
  static unsigned modeOf(const std::string& path) { return statOf(path).st_mode & 07777; }
};

} // namespace stdlibtest
