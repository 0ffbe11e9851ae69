#pragma once
// The file module's operations, independent of Lua. Each state-changing operation inspects the
// current state first, changes only what differs, and with `dryRun` reports what it would change
// without changing it. Failures throw FileError naming the path.

#include <optional>
#include <string>
#include <string_view>
#include <sys/types.h>
#include <vector>

namespace sloth::stdlib::modules {

/// Owner, group and permissions a caller asked for; unset ones are left as they are (or, for a
/// new file, take the default).
struct RequestedAttributes {
  std::optional<uid_t> uid;
  std::optional<gid_t> gid;
  std::optional<mode_t> mode;
};

struct FileChange {
  bool changed = false;
  std::string path;
  std::optional<std::string> backup; // where the replaced content was kept
  // In a dry run: what would change, for the user to read (a unified diff of the content, then
  // one line per owner/group/mode difference). Empty otherwise.
  std::string diff;
};

struct CopyRequest {
  RequestedAttributes attributes;
  bool backup = false;
  bool recursive = false;
};

struct RemoveOutcome {
  bool changed = false;
  std::vector<std::string> removed;
};

FileChange copyPath(const std::string& source, const std::string& destination,
                    const CopyRequest& request, bool dryRun);

/// Without `content` an existing file keeps its content (only its attributes are enforced).
FileChange createFile(const std::string& path, const std::optional<std::string>& content,
                      const RequestedAttributes& attributes, bool dryRun);

FileChange writeFile(const std::string& path, std::string_view content, bool append, bool dryRun);

RemoveOutcome removePaths(const std::string& pathOrPattern, bool recursive, bool force,
                          bool dryRun);

/// `spec` is octal ("0644") or symbolic ("u+x,go-w").
FileChange changeMode(const std::string& path, std::string_view spec, bool dryRun);

FileChange changeOwner(const std::string& path, uid_t uid, std::optional<gid_t> gid, bool dryRun);

/// Makes an existing path's attributes what was requested; true when something differed. With
/// `dryRun`, each difference is appended to `differences` ("mode: 0644 -> 0600\n") when given.
bool enforceAttributes(const std::string& path, const RequestedAttributes& attributes, bool dryRun,
                       std::string* differences = nullptr);

/// The dry run's description of new or replaced content at `path` (`current` when it exists).
std::string contentDifference(const std::string& path, const std::optional<std::string>& current,
                              std::string_view wanted);

} // namespace sloth::stdlib::modules
