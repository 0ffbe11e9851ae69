// The file module against the real filesystem (the tests run as root: owners and modes are real).
#include "ModuleFixture.h"

#include "sloth/stdlib/modules/FileModule.h"

#include <cstdlib>
#include <unistd.h>

namespace stdlibtest {
namespace {

class FileModule : public ModuleTest {
protected:
  FileModule() { sloth::stdlib::openFile(L); }

  std::string write(const std::string& path, const std::string& content) {
    return callFields("file.write", {path, content}, {"changed"});
  }
  // Names in the scratch directory, so a test sees leftover temporary files.
  std::string listing() {
    std::vector<std::string> names;
    for (const auto& entry : std::filesystem::directory_iterator(dir))
      names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    std::string out;
    for (const auto& name : names)
      out += (out.empty() ? "" : " ") + name;
    return out;
  }
};

TEST_F(FileModule, WriteCreatesOnceThenLeavesIdenticalContentAlone) {
  std::string path = at("motd");
  EXPECT_EQ(callFields("file.write", {path, "hello\n"}, {"changed", "path"}),
            "changed=true path=\"" + path + "\"");
  EXPECT_EQ(readFile(path), "hello\n");
  EXPECT_EQ(write(path, "hello\n"), "changed=false");
  EXPECT_EQ(write(path, "bye\n"), "changed=true");
  EXPECT_EQ(call("file.read", {path}), "\"bye\n\"");
}

TEST_F(FileModule, WriteReplacesAtomicallyKeepingOwnerAndMode) {
  std::string path = at("app.conf");
  writeFile(path, "old");
  ASSERT_EQ(::chmod(path.c_str(), 0640), 0);
  ASSERT_EQ(::chown(path.c_str(), 65534, 65534), 0);
  ino_t before = statOf(path).st_ino;
  EXPECT_EQ(write(path, "new content"), "changed=true");
  struct stat after = statOf(path);
  EXPECT_NE(after.st_ino, before) << "replaced by rename, not rewritten in place";
  EXPECT_EQ(after.st_mode & 07777, 0640u);
  EXPECT_EQ(after.st_uid, 65534u);
  EXPECT_EQ(after.st_gid, 65534u);
  EXPECT_EQ(readFile(path), "new content");
  EXPECT_EQ(listing(), "app.conf") << "no temporary file left behind";
}

TEST_F(FileModule, WriteNewFileGetsUmaskMode) {
  mode_t old = ::umask(022);
  EXPECT_EQ(write(at("f"), "x"), "changed=true");
  ::umask(old);
  EXPECT_EQ(modeOf(at("f")), 0644u);
}

TEST_F(FileModule, WriteAppendAlwaysChanges) {
  std::string path = at("log");
  int options = pushOptions({{"append", true}});
  EXPECT_EQ(callFields("file.write", {path, "a\n", Arg::stack(options)}, {"changed"}),
            "changed=true");
  EXPECT_EQ(callFields("file.write", {path, "b\n", Arg::stack(options)}, {"changed"}),
            "changed=true");
  EXPECT_EQ(callFields("file.write", {path, "", Arg::stack(options)}, {"changed"}),
            "changed=false");
  EXPECT_EQ(readFile(path), "a\nb\n");
}

TEST_F(FileModule, WriteThroughSymlinkChangesTheTarget) {
  writeFile(at("real"), "old");
  ASSERT_EQ(::symlink(at("real").c_str(), at("link").c_str()), 0);
  EXPECT_EQ(write(at("link"), "new"), "changed=true");
  EXPECT_TRUE(S_ISLNK(statOf(at("link")).st_mode));
  EXPECT_EQ(readFile(at("real")), "new");
}

TEST_F(FileModule, WriteInCheckModeReportsWithoutWriting) {
  setCheckMode(true);
  EXPECT_EQ(write(at("f"), "x"), "changed=true");
  EXPECT_EQ(listing(), "");
  writeFile(at("g"), "same");
  EXPECT_EQ(write(at("g"), "same"), "changed=false");
  EXPECT_EQ(write(at("g"), "other"), "changed=true");
  EXPECT_EQ(readFile(at("g")), "same");
}

TEST_F(FileModule, WriteErrorsNameFunctionAndPath) {
  EXPECT_EQ(write(at("missing/dir/f"), "x"), "error: file.write: cannot write '" +
                                                 at("missing/dir/f") + "': the directory '" +
                                                 at("missing/dir") + "' does not exist");
  EXPECT_EQ(write(dir.string(), "x"),
            "error: file.write: '" + dir.string() + "' exists and is not a regular file");
  int options = pushOptions({{"apend", true}});
  EXPECT_EQ(callFields("file.write", {at("f"), "x", Arg::stack(options)}, {"changed"}),
            "error: file.write: unknown option 'apend'");
  options = pushOptions({{"append", "yes"}});
  EXPECT_EQ(callFields("file.write", {at("f"), "x", Arg::stack(options)}, {"changed"}),
            "error: file.write: option 'append' must be a boolean, got string");
  EXPECT_EQ(call("file.write", {at("f"), "x", 5}),
            "error: file.write: options must be a table, got number");
}

TEST_F(FileModule, CreateWithContentOwnerGroupMode) {
  std::string path = at("config.yaml");
  int options = pushOptions(
      {{"content", "port: 80\n"}, {"owner", "nobody"}, {"group", "nogroup"}, {"mode", "0640"}});
  EXPECT_EQ(callFields("file.create", {path, Arg::stack(options)}, {"changed"}), "changed=true");
  struct stat info = statOf(path);
  EXPECT_EQ(info.st_mode & 07777, 0640u);
  EXPECT_EQ(info.st_uid, 65534u);
  EXPECT_EQ(info.st_gid, 65534u);
  EXPECT_EQ(readFile(path), "port: 80\n");
  EXPECT_EQ(callFields("file.create", {path, Arg::stack(options)}, {"changed"}), "changed=false");
  ASSERT_EQ(::chmod(path.c_str(), 0644), 0);
  EXPECT_EQ(callFields("file.create", {path, Arg::stack(options)}, {"changed"}), "changed=true");
  EXPECT_EQ(modeOf(path), 0640u);
}

TEST_F(FileModule, CreateWithoutContentKeepsAnExistingFilesContent) {
  std::string path = at("app.log");
  EXPECT_EQ(callFields("file.create", {path}, {"changed"}), "changed=true");
  EXPECT_EQ(readFile(path), "");
  writeFile(path, "entries");
  EXPECT_EQ(callFields("file.create", {path}, {"changed"}), "changed=false");
  EXPECT_EQ(readFile(path), "entries");
}

TEST_F(FileModule, CreateInCheckMode) {
  setCheckMode(true);
  int options = pushOptions({{"mode", "0600"}});
  EXPECT_EQ(callFields("file.create", {at("f"), Arg::stack(options)}, {"changed"}), "changed=true");
  EXPECT_EQ(listing(), "");
  writeFile(at("g"), "");
  ASSERT_EQ(::chmod(at("g").c_str(), 0644), 0);
  EXPECT_EQ(callFields("file.create", {at("g"), Arg::stack(options)}, {"changed"}), "changed=true");
  EXPECT_EQ(modeOf(at("g")), 0644u);
}

TEST_F(FileModule, CreateRejectsBadOptions) {
  int options = pushOptions({{"mode", "rw-r--r--"}});
  EXPECT_EQ(callFields("file.create", {at("f"), Arg::stack(options)}, {"changed"}),
            "error: file.create: option 'mode' must be an octal string such as \"0644\", got "
            "\"rw-r--r--\"");
  options = pushOptions({{"owner", "no-such-user-here"}});
  EXPECT_EQ(callFields("file.create", {at("f"), Arg::stack(options)}, {"changed"}),
            "error: file.create: unknown user 'no-such-user-here'");
  options = pushOptions({{"mode", 644}});
  EXPECT_EQ(callFields("file.create", {at("f"), Arg::stack(options)}, {"changed"}),
            "error: file.create: option 'mode' must be a string, got number");
  EXPECT_EQ(listing(), "");
}

TEST_F(FileModule, CopyFileComparesContentAndMetadata) {
  writeFile(at("src"), "data");
  ASSERT_EQ(::chmod(at("src").c_str(), 0755), 0);
  EXPECT_EQ(callFields("file.copy", {at("src"), at("dst")}, {"changed", "path"}),
            "changed=true path=\"" + at("dst") + "\"");
  EXPECT_EQ(readFile(at("dst")), "data");
  EXPECT_EQ(modeOf(at("dst")), 0755u) << "a new copy takes the source's mode";
  EXPECT_EQ(callFields("file.copy", {at("src"), at("dst")}, {"changed"}), "changed=false");
  int options = pushOptions({{"mode", "0600"}, {"owner", "nobody"}});
  EXPECT_EQ(callFields("file.copy", {at("src"), at("dst"), Arg::stack(options)}, {"changed"}),
            "changed=true");
  EXPECT_EQ(modeOf(at("dst")), 0600u);
  EXPECT_EQ(statOf(at("dst")).st_uid, 65534u);
  EXPECT_EQ(callFields("file.copy", {at("src"), at("dst"), Arg::stack(options)}, {"changed"}),
            "changed=false");
}

TEST_F(FileModule, CopyBackupKeepsTheReplacedContent) {
  writeFile(at("src"), "new");
  writeFile(at("dst"), "old");
  int options = pushOptions({{"backup", true}});
  callKeep("file.copy", {at("src"), at("dst"), Arg::stack(options)});
  L.getField(-1, "backup");
  std::string backup(L.toDisplayString(-1));
  L.setTop(0);
  EXPECT_TRUE(backup.starts_with(at("dst") + ".")) << backup;
  EXPECT_TRUE(backup.ends_with("~")) << backup;
  EXPECT_EQ(readFile(backup), "old");
  EXPECT_EQ(readFile(at("dst")), "new");
  options = pushOptions({{"backup", true}});
  EXPECT_EQ(
      callFields("file.copy", {at("src"), at("dst"), Arg::stack(options)}, {"changed", "backup"}),
      "changed=false backup=nil");
}

TEST_F(FileModule, CopyIntoADirectory) {
  writeFile(at("app.conf"), "x");
  std::filesystem::create_directory(at("etc"));
  EXPECT_EQ(callFields("file.copy", {at("app.conf"), at("etc/")}, {"path"}),
            "path=\"" + at("etc/app.conf") + "\"");
  EXPECT_EQ(callFields("file.copy", {at("app.conf"), at("etc")}, {"changed", "path"}),
            "changed=false path=\"" + at("etc/app.conf") + "\"");
}

TEST_F(FileModule, CopyDirectoryRecursively) {
  std::filesystem::create_directories(at("src/sub"));
  writeFile(at("src/a.conf"), "a");
  writeFile(at("src/sub/b.conf"), "b");
  ASSERT_EQ(::chmod(at("src/sub").c_str(), 0750), 0);
  ASSERT_EQ(::symlink("a.conf", at("src/current").c_str()), 0);
  EXPECT_EQ(callFields("file.copy", {at("src"), at("dst")}, {"changed"}),
            "error: file.copy: source '" + at("src") + "' is a directory; pass recursive = true");
  int options = pushOptions({{"recursive", true}, {"group", "nogroup"}});
  EXPECT_EQ(
      callFields("file.copy", {at("src/"), at("dst/"), Arg::stack(options)}, {"changed", "path"}),
      "changed=true path=\"" + at("dst") + "\"");
  EXPECT_EQ(readFile(at("dst/a.conf")), "a");
  EXPECT_EQ(readFile(at("dst/sub/b.conf")), "b");
  EXPECT_EQ(modeOf(at("dst/sub")), 0750u);
  EXPECT_EQ(statOf(at("dst/sub/b.conf")).st_gid, 65534u);
  EXPECT_TRUE(S_ISLNK(statOf(at("dst/current")).st_mode));
  EXPECT_EQ(callFields("file.copy", {at("src/"), at("dst/"), Arg::stack(options)}, {"changed"}),
            "changed=false");
  writeFile(at("src/sub/b.conf"), "b2");
  EXPECT_EQ(callFields("file.copy", {at("src/"), at("dst/"), Arg::stack(options)}, {"changed"}),
            "changed=true");
  EXPECT_EQ(readFile(at("dst/sub/b.conf")), "b2");
  // Without the trailing slash on the source, the directory itself goes into dst/.
  EXPECT_EQ(callFields("file.copy", {at("src"), at("dst/"), Arg::stack(options)}, {"path"}),
            "path=\"" + at("dst/src") + "\"");
  EXPECT_EQ(readFile(at("dst/src/sub/b.conf")), "b2");
}

TEST_F(FileModule, CopyInCheckMode) {
  std::filesystem::create_directories(at("src/sub"));
  writeFile(at("src/sub/f"), "f");
  setCheckMode(true);
  int options = pushOptions({{"recursive", true}});
  EXPECT_EQ(callFields("file.copy", {at("src/"), at("dst"), Arg::stack(options)}, {"changed"}),
            "changed=true");
  EXPECT_EQ(callFields("file.copy", {at("src/sub/f"), at("g")}, {"changed"}), "changed=true");
  EXPECT_EQ(listing(), "src");
}

TEST_F(FileModule, CopyMissingSource) {
  EXPECT_EQ(callFields("file.copy", {at("nope"), at("dst")}, {"changed"}),
            "error: file.copy: source '" + at("nope") + "' does not exist");
}

TEST_F(FileModule, RemoveFilesDirectoriesAndGlobs) {
  writeFile(at("a.log"), "");
  writeFile(at("b.log"), "");
  writeFile(at("keep.txt"), "");
  std::filesystem::create_directories(at("cache/x"));
  callKeep("file.remove", {at("*.log")});
  EXPECT_EQ(callFields("file.remove", {at("*.log")}, {"changed"}), "changed=false");
  L.getField(-1, "removed");
  L.rawGetI(-1, 1);
  EXPECT_EQ(show(-1), "\"" + at("a.log") + "\"");
  L.setTop(0);
  EXPECT_EQ(listing(), "cache keep.txt");
  EXPECT_EQ(callFields("file.remove", {at("cache")}, {"changed"}),
            "error: file.remove: '" + at("cache") + "' is a directory; pass recursive = true");
  int options = pushOptions({{"recursive", true}});
  EXPECT_EQ(callFields("file.remove", {at("cache"), Arg::stack(options)}, {"changed"}),
            "changed=true");
  EXPECT_EQ(callFields("file.remove", {at("cache"), Arg::stack(options)}, {"changed"}),
            "changed=false");
  EXPECT_EQ(listing(), "keep.txt");
}

TEST_F(FileModule, RemoveWriteProtectedNeedsForce) {
  writeFile(at("ro"), "");
  ASSERT_EQ(::chmod(at("ro").c_str(), 0444), 0);
  EXPECT_EQ(callFields("file.remove", {at("ro")}, {"changed"}),
            "error: file.remove: '" + at("ro") + "' is write-protected; pass force = true");
  int options = pushOptions({{"force", true}});
  EXPECT_EQ(callFields("file.remove", {at("ro"), Arg::stack(options)}, {"changed"}),
            "changed=true");
  EXPECT_EQ(listing(), "");
}

TEST_F(FileModule, RemoveInCheckMode) {
  writeFile(at("a.log"), "");
  setCheckMode(true);
  EXPECT_EQ(callFields("file.remove", {at("*.log")}, {"changed"}), "changed=true");
  EXPECT_EQ(callFields("file.remove", {at("missing")}, {"changed"}), "changed=false");
  EXPECT_EQ(listing(), "a.log");
}

TEST_F(FileModule, ExistsAndHomeExpansion) {
  writeFile(at("f"), "");
  EXPECT_EQ(call("file.exists", {at("f")}), "true");
  EXPECT_EQ(call("file.exists", {at("g")}), "false");
  ASSERT_EQ(::symlink(at("g").c_str(), at("dangling").c_str()), 0);
  EXPECT_EQ(call("file.exists", {at("dangling")}), "false") << "symlinks are followed";
  std::string home = std::getenv("HOME") ? std::getenv("HOME") : "";
  ::setenv("HOME", dir.c_str(), 1);
  EXPECT_EQ(call("file.exists", {"~/f"}), "true");
  EXPECT_EQ(write("~/h", "x"), "changed=true");
  EXPECT_EQ(readFile(at("h")), "x");
  ::setenv("HOME", home.c_str(), 1);
}

TEST_F(FileModule, ChmodOctalAndSymbolic) {
  writeFile(at("f"), "");
  ASSERT_EQ(::chmod(at("f").c_str(), 0644), 0);
  EXPECT_EQ(callFields("file.chmod", {at("f"), "0644"}, {"changed"}), "changed=false");
  EXPECT_EQ(callFields("file.chmod", {at("f"), "u+x"}, {"changed"}), "changed=true");
  EXPECT_EQ(modeOf(at("f")), 0744u);
  EXPECT_EQ(callFields("file.chmod", {at("f"), "u+x"}, {"changed"}), "changed=false");
  EXPECT_EQ(callFields("file.chmod", {at("f"), "go-r,a+X"}, {"changed"}), "changed=true");
  EXPECT_EQ(modeOf(at("f")), 0711u);
  EXPECT_EQ(callFields("file.chmod", {at("f"), "u=rw,g=r,o="}, {"changed"}), "changed=true");
  EXPECT_EQ(modeOf(at("f")), 0640u);
  EXPECT_EQ(callFields("file.chmod", {at("f"), "+t,u+s"}, {"changed"}), "changed=true");
  EXPECT_EQ(modeOf(at("f")), 05640u);
  EXPECT_EQ(callFields("file.chmod", {at("f"), "755"}, {"changed"}), "changed=true");
  EXPECT_EQ(modeOf(at("f")), 0755u);
  EXPECT_EQ(callFields("file.chmod", {at("f"), "u+q"}, {"changed"}),
            "error: file.chmod: invalid mode \"u+q\" (expected octal such as \"0644\" or "
            "symbolic such as \"u+x\")");
  EXPECT_EQ(callFields("file.chmod", {at("nope"), "0644"}, {"changed"}),
            "error: file.chmod: '" + at("nope") + "' does not exist");
}

TEST_F(FileModule, ChmodInCheckMode) {
  writeFile(at("f"), "");
  ASSERT_EQ(::chmod(at("f").c_str(), 0644), 0);
  setCheckMode(true);
  EXPECT_EQ(callFields("file.chmod", {at("f"), "0600"}, {"changed"}), "changed=true");
  EXPECT_EQ(modeOf(at("f")), 0644u);
}

TEST_F(FileModule, Chown) {
  writeFile(at("f"), "");
  EXPECT_EQ(callFields("file.chown", {at("f"), "nobody", "nogroup"}, {"changed"}), "changed=true");
  EXPECT_EQ(statOf(at("f")).st_uid, 65534u);
  EXPECT_EQ(statOf(at("f")).st_gid, 65534u);
  EXPECT_EQ(callFields("file.chown", {at("f"), "nobody", "nogroup"}, {"changed"}), "changed=false");
  EXPECT_EQ(callFields("file.chown", {at("f"), "root"}, {"changed"}), "changed=true");
  EXPECT_EQ(statOf(at("f")).st_gid, 65534u) << "group unchanged when omitted";
  setCheckMode(true);
  EXPECT_EQ(callFields("file.chown", {at("f"), "nobody"}, {"changed"}), "changed=true");
  EXPECT_EQ(statOf(at("f")).st_uid, 0u);
  setCheckMode(false);
  EXPECT_EQ(callFields("file.chown", {at("f"), "no-such-user-here"}, {"changed"}),
            "error: file.chown: unknown user 'no-such-user-here'");
}

TEST_F(FileModule, ReadMissingFile) {
  EXPECT_EQ(call("file.read", {at("nope")}),
            "error: file.read: cannot read '" + at("nope") + "': No such file or directory");
}

} // namespace
} // namespace stdlibtest
