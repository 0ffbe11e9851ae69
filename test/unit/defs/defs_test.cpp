#include "sloth/ReferenceModules.h"
#include "sloth/defs/Defs.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

namespace {

// The embedded set must be exactly the files in stdlib/defs/, byte for byte.
TEST(Defs, EmbeddedFilesMatchTheSourceTree) {
  std::filesystem::path dir = std::filesystem::path(SLOTH_SOURCE_DIR) / "stdlib" / "defs";
  std::set<std::string> onDisk;
  for (const auto& entry : std::filesystem::directory_iterator(dir))
    if (entry.path().extension() == ".lua")
      onDisk.insert(entry.path().filename().string());

  std::set<std::string> embedded;
  for (const sloth::EmbeddedFile& f : sloth::defs::files()) {
    embedded.insert(f.name);
    std::ifstream in(dir / f.name, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    EXPECT_EQ(text.str(), f.contents) << f.name;
  }
  EXPECT_EQ(onDisk, embedded);
}

TEST(Defs, FindByName) {
  ASSERT_NE(sloth::defs::find("pkg.lua"), nullptr);
  EXPECT_EQ(sloth::defs::find("no-such-module.lua"), nullptr);
}

} // namespace

namespace {

// include/sloth/ReferenceModules.h lists exactly the modules that have a signature file (Lua's own
// libraries aside).
TEST(Defs, ReferenceModulesAreTheSignatureFiles) {
  std::set<std::string> files;
  for (const sloth::EmbeddedFile& f : sloth::defs::files()) {
    std::string name = f.name;
    if (!name.starts_with("lua_"))
      files.insert(name.substr(0, name.size() - 4)); // without ".lua"
  }
  std::set<std::string> listed;
  for (const sloth::ReferenceModule& m : sloth::kReferenceModules)
    listed.insert(std::string(m.name));
  EXPECT_EQ(files, listed);
}

} // namespace
