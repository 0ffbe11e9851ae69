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
