// file.remove: paths or glob matches, checked before anything is removed.
#include "FileError.h"
#include "FileOperations.h"
#include "FilePaths.h"

#include <filesystem>
#include <sys/stat.h>
#include <system_error>

namespace sloth::stdlib::modules {

RemoveOutcome removePaths(const std::string& pathOrPattern, bool recursive, bool force,
                          bool dryRun) {
  std::vector<std::string> candidates = hasGlobPattern(pathOrPattern)
                                            ? expandGlob(pathOrPattern)
                                            : std::vector<std::string>{pathOrPattern};
  RemoveOutcome outcome;
  for (const std::string& path : candidates) {
    auto info = lstatPath(path);
    if (!info)
      continue;
    if (S_ISDIR(info->st_mode) && !recursive)
      throw FileError("'" + path + "' is a directory; pass recursive = true");
    // rm asks before removing a file nobody may write to; without a terminal we refuse.
    if (!force && S_ISREG(info->st_mode) && (info->st_mode & 0222) == 0)
      throw FileError("'" + path + "' is write-protected; pass force = true");
    outcome.removed.push_back(path);
  }
  outcome.changed = !outcome.removed.empty();
  if (dryRun)
    return outcome;
  for (const std::string& path : outcome.removed) {
    std::error_code error;
    std::filesystem::remove_all(path, error);
    if (error)
      throw FileError("cannot remove '" + path + "': " + error.message());
  }
  return outcome;
}

} // namespace sloth::stdlib::modules
