// chmod, chown, and enforcing requested attributes on an existing path.
#include "FileError.h"
#include "FileMode.h"
#include "FileOperations.h"
#include "FilePaths.h"

#include <sys/stat.h>
#include <unistd.h>

namespace sloth::stdlib::modules {

bool enforceAttributes(const std::string& path, const RequestedAttributes& attributes,
                       bool dryRun) {
  auto info = statPath(path);
  if (!info)
    throw FileError("'" + path + "' does not exist");
  bool changed = false;
  uid_t uid = attributes.uid.value_or(info->st_uid);
  gid_t gid = attributes.gid.value_or(info->st_gid);
  if (uid != info->st_uid || gid != info->st_gid) {
    changed = true;
    if (!dryRun && ::chown(path.c_str(), uid, gid) != 0)
      throwFileErrno("cannot change the owner of", path);
    if (!dryRun) // chown may have cleared set-id bits
      info = statPath(path);
  }
  if (attributes.mode && *attributes.mode != (info->st_mode & 07777)) {
    changed = true;
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
  return FileChange{enforceAttributes(path, requested, dryRun), path, std::nullopt};
}

FileChange changeOwner(const std::string& path, uid_t uid, std::optional<gid_t> gid, bool dryRun) {
  RequestedAttributes requested;
  requested.uid = uid;
  requested.gid = gid;
  return FileChange{enforceAttributes(path, requested, dryRun), path, std::nullopt};
}

} // namespace sloth::stdlib::modules
