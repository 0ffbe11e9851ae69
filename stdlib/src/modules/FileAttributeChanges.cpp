// chmod, chown, and enforcing requested attributes on an existing path.
#include "FileError.h"
#include "FileMode.h"
#include "FileOperations.h"
#include "FilePaths.h"
#include "sloth/stdlib/text/UnifiedDiff.h"

#include <fmt/core.h>

#include <grp.h>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

namespace sloth::stdlib::modules {

namespace {

std::string userName(uid_t uid) {
  const passwd* entry = ::getpwuid(uid);
  return entry ? entry->pw_name : std::to_string(uid);
}

std::string groupName(gid_t gid) {
  const group* entry = ::getgrgid(gid);
  return entry ? entry->gr_name : std::to_string(gid);
}

} // namespace

std::string contentDifference(const std::string& path, const std::optional<std::string>& current,
                              std::string_view wanted) {
  return text::unifiedDiff(current.value_or(""), wanted, current ? path : "/dev/null", path);
}

bool enforceAttributes(const std::string& path, const RequestedAttributes& attributes, bool dryRun,
                       std::string* differences) {
  auto info = statPath(path);
  if (!info)
    throw FileError("'" + path + "' does not exist");
  bool changed = false;
  uid_t uid = attributes.uid.value_or(info->st_uid);
  gid_t gid = attributes.gid.value_or(info->st_gid);
  if (uid != info->st_uid || gid != info->st_gid) {
    changed = true;
    if (dryRun && differences && uid != info->st_uid)
      *differences += fmt::format("owner: {} -> {}\n", userName(info->st_uid), userName(uid));
    if (dryRun && differences && gid != info->st_gid)
      *differences += fmt::format("group: {} -> {}\n", groupName(info->st_gid), groupName(gid));
    if (!dryRun && ::chown(path.c_str(), uid, gid) != 0)
      throwFileErrno("cannot change the owner of", path);
    if (!dryRun) // chown may have cleared set-id bits
      info = statPath(path);
  }
  if (attributes.mode && *attributes.mode != (info->st_mode & 07777)) {
    changed = true;
    if (dryRun && differences)
      *differences +=
          fmt::format("mode: {:04o} -> {:04o}\n", info->st_mode & 07777, *attributes.mode);
    if (!dryRun && ::chmod(path.c_str(), *attributes.mode) != 0)
      throwFileErrno("cannot change the permissions of", path);
  }
  return changed;
}

FileChange changeMode(const std::string& path, std::string_view spec, bool dryRun) {
  auto info = statPath(path);
  if (!info)
    throw FileError("'" + path + "' does not exist");
  auto mode = applyModeSpec(spec, info->st_mode, S_ISDIR(info->st_mode));
  if (!mode)
    throw FileError("invalid mode \"" + std::string(spec) +
                    "\" (expected octal such as \"0644\" or symbolic such as \"u+x\")");
  RequestedAttributes requested;
  requested.mode = *mode;
  FileChange change{false, path, std::nullopt, {}};
  change.changed = enforceAttributes(path, requested, dryRun, &change.diff);
  return change;
}

FileChange changeOwner(const std::string& path, uid_t uid, std::optional<gid_t> gid, bool dryRun) {
  RequestedAttributes requested;
  requested.uid = uid;
  requested.gid = gid;
  FileChange change{false, path, std::nullopt, {}};
  change.changed = enforceAttributes(path, requested, dryRun, &change.diff);
  return change;
}

} // namespace sloth::stdlib::modules
