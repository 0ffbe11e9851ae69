// file.create and file.write: content replaced atomically, only when it differs.
#include "FileContent.h"
#include "FileError.h"
#include "FileOperations.h"
#include "FilePaths.h"

#include <fmt/core.h>

#include <climits>
#include <cstdlib>
#include <sys/stat.h>
#include <unistd.h>

namespace sloth::stdlib::modules {

namespace {

// Writing through a symlink changes the file it points to, not the link.
std::string resolveWriteTarget(const std::string& path) {
  auto link = lstatPath(path);
  if (!link || !S_ISLNK(link->st_mode))
    return path;
  char resolved[PATH_MAX];
  if (::realpath(path.c_str(), resolved) == nullptr)
    return path; // a dangling link is replaced by the file
  return resolved;
}

// The regular file at `path`, or nullopt; a directory or device there is an error.
std::optional<struct stat> existingRegularFile(const std::string& path) {
  auto info = statPath(path);
  if (info && !S_ISREG(info->st_mode))
    throw FileError("'" + path + "' exists and is not a regular file");
  return info;
}

bool hasContent(const std::string& path, const struct stat& info, std::string_view content) {
  return static_cast<std::size_t>(info.st_size) == content.size() && readWholeFile(path) == content;
}

} // namespace

FileChange createFile(const std::string& path, const std::optional<std::string>& content,
                      const RequestedAttributes& attributes, bool dryRun) {
  std::string target = resolveWriteTarget(path);
  auto info = existingRegularFile(target);
  if (info && (!content || hasContent(target, *info, *content))) {
    FileChange change{false, path, std::nullopt, {}};
    change.changed = enforceAttributes(target, attributes, dryRun, &change.diff);
    return change;
  }
  if (dryRun) {
    FileChange change{true, path, std::nullopt, {}};
    change.diff = contentDifference(
        target, info ? std::optional<std::string>(readWholeFile(target)) : std::nullopt,
        content.value_or(""));
    if (info)
      enforceAttributes(target, attributes, dryRun, &change.diff);
    else if (attributes.mode)
      change.diff += fmt::format("mode: {:04o}\n", *attributes.mode);
    return change;
  }
  {
    FileAttributes final;
    final.mode = attributes.mode.value_or(info ? info->st_mode & 07777 : defaultFileMode());
    final.uid = attributes.uid.value_or(info ? info->st_uid : ::geteuid());
    final.gid = attributes.gid.value_or(info ? info->st_gid : ::getegid());
    replaceFileAtomically(target, content.value_or(""), final);
  }
  return FileChange{true, path, std::nullopt, {}};
}

FileChange writeFile(const std::string& path, std::string_view content, bool append, bool dryRun) {
  std::string target = resolveWriteTarget(path);
  auto info = existingRegularFile(target);
  std::optional<std::string> current;
  if (dryRun && info)
    current = readWholeFile(target);
  if (append) {
    bool changed = !content.empty() || !info;
    if (changed && !dryRun)
      appendToFile(target, content, 0666);
    FileChange change{changed, path, std::nullopt, {}};
    if (changed && dryRun)
      change.diff = contentDifference(target, current, current.value_or("") + std::string(content));
    return change;
  }
  if (info && hasContent(target, *info, content))
    return FileChange{false, path, std::nullopt, {}};
  if (dryRun)
    return FileChange{true, path, std::nullopt, contentDifference(target, current, content)};
  {
    FileAttributes final;
    final.mode = info ? info->st_mode & 07777 : defaultFileMode();
    final.uid = info ? info->st_uid : ::geteuid();
    final.gid = info ? info->st_gid : ::getegid();
    replaceFileAtomically(target, content, final);
  }
  return FileChange{true, path, std::nullopt, {}};
}

} // namespace sloth::stdlib::modules
