// Lua bindings of the file module: arguments and options in, FileOperations, result tables out.
#include "sloth/stdlib/modules/FileModule.h"

#include "CheckModeFiles.h"
#include "FileContent.h"
#include "FileError.h"
#include "FileMode.h"
#include "FileOperations.h"
#include "FileOwners.h"
#include "FilePaths.h"
#include "ModuleErrors.h"
#include "lib/LibSupport.h"
#include "sloth/stdlib/modules/CheckMode.h"
#include "sloth/stdlib/modules/Options.h"

#include <new>

namespace sloth::stdlib {

using namespace modules;
using vm::Thread;

namespace {

std::string pathArgument(Thread& L, int arg, const char* function) {
  std::string_view path = L.checkString(arg);
  if (path.empty())
    L.runError(std::string(function) + ": the path is empty");
  return reportingErrors<FileError>(L, function, [&] { return expandHome(path); });
}

RequestedAttributes attributeOptions(Thread& L, Options& options, const char* function) {
  RequestedAttributes attributes;
  auto owner = options.string("owner");
  auto group = options.string("group");
  auto mode = options.string("mode");
  if (mode) {
    attributes.mode = parseOctalMode(*mode);
    if (!attributes.mode)
      L.runError(std::string(function) + ": option 'mode' must be an octal string such as " +
                 "\"0644\", got \"" + *mode + "\"");
  }
  reportingErrors<FileError>(L, function, [&] {
    if (owner)
      attributes.uid = userId(*owner);
    if (group)
      attributes.gid = groupId(*group);
  });
  return attributes;
}

int pushChange(Thread& L, const FileChange& change) {
  L.newTable(0, 3);
  L.pushBoolean(change.changed);
  L.setField(-2, "changed");
  L.pushString(change.path);
  L.setField(-2, "path");
  if (change.backup) {
    L.pushString(*change.backup);
    L.setField(-2, "backup");
  }
  if (!change.diff.empty()) {
    L.pushString(change.diff);
    L.setField(-2, "diff");
  }
  return 1;
}

// A check-mode chmod/chown of a file only an earlier check-mode write of this run made: it would
// change (the file is new), as the real run would set it.
int pushNewDryRunFileChange(Thread& L, const std::string& path, const std::string& difference) {
  return pushChange(L, FileChange{true, path, std::nullopt, difference + "\n"});
}

int fileCopy(Thread& L) {
  const char* function = "file.copy";
  std::string source = pathArgument(L, 1, function);
  std::string destination = pathArgument(L, 2, function);
  Options options(L, 3, function, {"owner", "group", "mode", "backup", "recursive"});
  CopyRequest request;
  request.attributes = attributeOptions(L, options, function);
  request.backup = options.boolean("backup").value_or(false);
  request.recursive = options.boolean("recursive").value_or(false);
  bool dryRun = checkMode(L);
  return pushChange(L, reportingErrors<FileError>(L, function, [&] {
                      return copyPath(source, destination, request, dryRun);
                    }));
}

int fileCreate(Thread& L) {
  const char* function = "file.create";
  std::string path = pathArgument(L, 1, function);
  Options options(L, 2, function, {"content", "owner", "group", "mode"});
  std::optional<std::string> content = options.string("content");
  RequestedAttributes attributes = attributeOptions(L, options, function);
  bool dryRun = checkMode(L);
  FileChange change = reportingErrors<FileError>(
      L, function, [&] { return createFile(path, content, attributes, dryRun); });
  if (dryRun && change.changed && !statPath(path) && !dryRunFile(L, path))
    rememberDryRunFile(L, path, content.value_or(""));
  else if (dryRun && change.changed && content)
    rememberDryRunFile(L, path, *content);
  return pushChange(L, change);
}

int fileRemove(Thread& L) {
  const char* function = "file.remove";
  std::string path = pathArgument(L, 1, function);
  Options options(L, 2, function, {"recursive", "force"});
  bool recursive = options.boolean("recursive").value_or(false);
  bool force = options.boolean("force").value_or(false);
  bool dryRun = checkMode(L);
  RemoveOutcome outcome = reportingErrors<FileError>(
      L, function, [&] { return removePaths(path, recursive, force, dryRun); });
  L.newTable(0, 2);
  L.pushBoolean(outcome.changed);
  L.setField(-2, "changed");
  L.newTable(static_cast<int>(outcome.removed.size()), 0);
  for (std::size_t i = 0; i < outcome.removed.size(); i++) {
    L.pushString(outcome.removed[i]);
    L.rawSetI(-2, static_cast<std::int64_t>(i + 1));
  }
  L.setField(-2, "removed");
  if (dryRun && outcome.changed) {
    std::string diff;
    for (const std::string& removed : outcome.removed)
      diff += "remove " + removed + "\n";
    L.pushString(diff);
    L.setField(-2, "diff");
  }
  return 1;
}

int fileExists(Thread& L) {
  const char* function = "file.exists";
  std::string path = pathArgument(L, 1, function);
  bool exists = reportingErrors<FileError>(L, function, [&] { return statPath(path).has_value(); });
  L.pushBoolean(exists || (checkMode(L) && dryRunFile(L, path)));
  return 1;
}

int fileChmod(Thread& L) {
  const char* function = "file.chmod";
  std::string path = pathArgument(L, 1, function);
  std::string mode(L.checkString(2));
  bool dryRun = checkMode(L);
  if (dryRun && !statPath(path) && dryRunFile(L, path)) {
    if (!applyModeSpec(mode, 0644, false))
      L.runError(std::string(function) + ": invalid mode \"" + mode +
                 "\" (expected octal such as \"0644\" or symbolic such as \"u+x\")");
    return pushNewDryRunFileChange(L, path, "mode: (new file) -> " + mode);
  }
  return pushChange(
      L, reportingErrors<FileError>(L, function, [&] { return changeMode(path, mode, dryRun); }));
}

int fileChown(Thread& L) {
  const char* function = "file.chown";
  std::string path = pathArgument(L, 1, function);
  std::string owner(L.checkString(2));
  std::optional<std::string> group;
  if (!L.isNoneOrNil(3))
    group = std::string(L.checkString(3));
  bool dryRun = checkMode(L);
  if (dryRun && !statPath(path) && dryRunFile(L, path)) {
    reportingErrors<FileError>(L, function, [&] { // unknown names still fail
      userId(owner);
      if (group)
        groupId(*group);
    });
    return pushNewDryRunFileChange(L, path,
                                   "owner: (new file) -> " + owner +
                                       (group ? "\ngroup: (new file) -> " + *group : ""));
  }
  return pushChange(L, reportingErrors<FileError>(L, function, [&] {
                      std::optional<gid_t> gid;
                      if (group)
                        gid = groupId(*group);
                      return changeOwner(path, userId(owner), gid, dryRun);
                    }));
}

int fileRead(Thread& L) {
  const char* function = "file.read";
  std::string path = pathArgument(L, 1, function);
  if (checkMode(L))
    if (std::optional<std::string> pending = dryRunFile(L, path)) {
      L.pushString(*pending);
      return 1;
    }
  L.pushString(reportingErrors<FileError>(L, function, [&] { return readWholeFile(path); }));
  return 1;
}

int fileWrite(Thread& L) {
  const char* function = "file.write";
  std::string path = pathArgument(L, 1, function);
  std::string content(L.checkString(2));
  Options options(L, 3, function, {"append"});
  bool append = options.boolean("append").value_or(false);
  bool dryRun = checkMode(L);
  std::optional<std::string> pending = dryRun ? dryRunFile(L, path) : std::nullopt;
  FileChange change = reportingErrors<FileError>(
      L, function, [&] { return writeFile(path, content, append, dryRun); });
  if (dryRun && (change.changed || pending)) {
    std::string before;
    if (append)
      before = pending ? *pending
               : statPath(path)
                   ? reportingErrors<FileError>(L, function, [&] { return readWholeFile(path); })
                   : "";
    rememberDryRunFile(L, path, before + content);
  }
  return pushChange(L, change);
}

} // namespace

void openFile(Thread& L) {
  lib::newModule(L, "file",
                 {{"copy", fileCopy},
                  {"create", fileCreate},
                  {"remove", fileRemove},
                  {"exists", fileExists},
                  {"chmod", fileChmod},
                  {"chown", fileChown},
                  {"read", fileRead},
                  {"write", fileWrite}});
  L.pop();
}

} // namespace sloth::stdlib
