// file.copy: one file, or a directory tree with `recursive`; only what differs is written.
#include "FileContent.h"
#include "FileError.h"
#include "FileOperations.h"
#include "FilePaths.h"

#include <algorithm>
#include <climits>
#include <ctime>
#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>

namespace sloth::stdlib::modules {

namespace {

// DEST.2026-11-26@21:05:00~, with a counter when two backups fall in the same second.
std::string backupName(const std::string& destination) {
  std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  char stamp[32];
  std::strftime(stamp, sizeof stamp, "%Y-%m-%d@%H:%M:%S", &local);
  std::string name = destination + "." + stamp + "~";
  for (int n = 1; lstatPath(name); n++)
    name = destination + "." + stamp + "." + std::to_string(n) + "~";
  return name;
}

FileChange copyFile(const std::string& source, const struct stat& sourceInfo,
                    const std::string& destination, const CopyRequest& request, bool dryRun) {
  std::string content = readWholeFile(source);
  auto existing = statPath(destination);
  if (existing && S_ISDIR(existing->st_mode))
    throw FileError("'" + destination + "' is a directory");
  if (existing && !S_ISREG(existing->st_mode))
    throw FileError("'" + destination + "' exists and is not a regular file");
  if (existing && static_cast<std::size_t>(existing->st_size) == content.size() &&
      readWholeFile(destination) == content) {
    FileChange change{false, destination, std::nullopt, {}};
    change.changed = enforceAttributes(destination, request.attributes, dryRun, &change.diff);
    return change;
  }

  FileChange change{true, destination, std::nullopt, {}};
  if (dryRun)
    change.diff = contentDifference(
        destination,
        existing ? std::optional<std::string>(readWholeFile(destination)) : std::nullopt, content);
  if (existing && request.backup) {
    change.backup = backupName(destination);
    // A hard link keeps the old content under the backup name at no copying cost; the rename
    // below then swaps the destination's name over to the new file.
    if (!dryRun && ::link(destination.c_str(), change.backup->c_str()) != 0)
      throwFileErrno("cannot back up", destination);
  }
  if (!dryRun) {
    const RequestedAttributes& wanted = request.attributes;
    FileAttributes final;
    final.mode =
        wanted.mode.value_or(existing ? existing->st_mode & 07777 : sourceInfo.st_mode & 07777);
    final.uid = wanted.uid.value_or(existing ? existing->st_uid : ::geteuid());
    final.gid = wanted.gid.value_or(existing ? existing->st_gid : ::getegid());
    replaceFileAtomically(destination, content, final);
  }
  return change;
}

std::vector<std::string> directoryEntries(const std::string& directory) {
  DIR* dir = ::opendir(directory.c_str());
  if (dir == nullptr)
    throwFileErrno("cannot read the directory", directory);
  std::vector<std::string> names;
  while (const dirent* entry = ::readdir(dir)) {
    std::string name = entry->d_name;
    if (name != "." && name != "..")
      names.push_back(std::move(name));
  }
  ::closedir(dir);
  std::sort(names.begin(), names.end());
  return names;
}

bool copySymlink(const std::string& source, const std::string& destination, bool dryRun) {
  std::string target(PATH_MAX, '\0');
  ssize_t length = ::readlink(source.c_str(), target.data(), target.size());
  if (length < 0)
    throwFileErrno("cannot read the link", source);
  target.resize(static_cast<std::size_t>(length));
  if (auto existing = lstatPath(destination)) {
    if (S_ISLNK(existing->st_mode)) {
      std::string current(PATH_MAX, '\0');
      ssize_t n = ::readlink(destination.c_str(), current.data(), current.size());
      if (n >= 0 && std::string_view(current.data(), static_cast<std::size_t>(n)) == target)
        return false;
    } else if (S_ISDIR(existing->st_mode)) {
      throw FileError("'" + destination + "' is a directory");
    }
    if (!dryRun && ::unlink(destination.c_str()) != 0)
      throwFileErrno("cannot replace", destination);
  }
  if (!dryRun && ::symlink(target.c_str(), destination.c_str()) != 0)
    throwFileErrno("cannot create the link", destination);
  return true;
}

// Directories get the source directory's mode when created and the requested owner and group;
// `mode` applies to the regular files. In a dry run `listing` gets one line per entry that would
// change ("new file /srv/app/a.conf"): the would-change report of a tree names what it copies.
bool copyTree(const std::string& source, const struct stat& sourceInfo,
              const std::string& destination, const CopyRequest& request, bool dryRun,
              std::string& listing) {
  auto note = [&](std::string_view what, const std::string& path) {
    if (dryRun)
      listing += std::string(what) + " " + path + "\n";
  };
  bool changed = false;
  RequestedAttributes directoryAttributes{request.attributes.uid, request.attributes.gid,
                                          std::nullopt};
  auto existing = statPath(destination);
  if (existing && !S_ISDIR(existing->st_mode))
    throw FileError("'" + destination + "' exists and is not a directory");
  if (!existing) {
    changed = true;
    note("new directory", destination + "/");
    if (!dryRun) {
      if (::mkdir(destination.c_str(), 0700) != 0)
        throwFileErrno("cannot create the directory", destination);
      // mkdir's mode goes through the umask; the copy has the source's.
      if (::chmod(destination.c_str(), sourceInfo.st_mode & 07777) != 0)
        throwFileErrno("cannot change the permissions of", destination);
    }
  }
  if ((existing || !dryRun) && enforceAttributes(destination, directoryAttributes, dryRun)) {
    changed = true;
    note("changed owner or group of", destination + "/");
  }
  for (const std::string& name : directoryEntries(source)) {
    std::string from = source + "/" + name;
    std::string to = destination + "/" + name;
    auto info = lstatPath(from);
    if (!info)
      continue; // removed while we copied
    bool existed = lstatPath(to).has_value();
    if (S_ISLNK(info->st_mode)) {
      if (copySymlink(from, to, dryRun)) {
        changed = true;
        note(existed ? "changed link" : "new link", to);
      }
    } else if (S_ISDIR(info->st_mode)) {
      changed |= copyTree(from, *info, to, request, dryRun, listing);
    } else if (S_ISREG(info->st_mode)) {
      if (copyFile(from, *info, to, request, dryRun).changed) {
        changed = true;
        note(existed ? "changed file" : "new file", to);
      }
    } else
      throw FileError("cannot copy '" + from + "': not a regular file, directory or link");
  }
  return changed;
}

} // namespace

FileChange copyPath(const std::string& source, const std::string& destination,
                    const CopyRequest& request, bool dryRun) {
  auto sourceInfo = statPath(source);
  if (!sourceInfo)
    throw FileError("source '" + source + "' does not exist");
  bool intoDirectory = destination.ends_with('/');
  if (S_ISDIR(sourceInfo->st_mode)) {
    if (!request.recursive)
      throw FileError("source '" + source + "' is a directory; pass recursive = true");
    // rsync's rule: "src/" copies the contents, "src" into "dest/" makes dest/src.
    std::string target = withoutTrailingSlashes(destination);
    if (intoDirectory && !source.ends_with('/'))
      target += "/" + baseName(source);
    std::string from = withoutTrailingSlashes(source);
    std::string listing;
    bool changed = copyTree(from, *sourceInfo, target, request, dryRun, listing);
    return FileChange{changed, target, std::nullopt, listing};
  }
  std::string target = withoutTrailingSlashes(destination);
  if (auto info = statPath(target); intoDirectory || (info && S_ISDIR(info->st_mode)))
    target += "/" + baseName(source);
  return copyFile(source, *sourceInfo, target, request, dryRun);
}

} // namespace sloth::stdlib::modules
