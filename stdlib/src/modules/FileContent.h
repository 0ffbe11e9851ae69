#pragma once
// Reading and writing whole files. A replaced file is written to a temporary file in the same
// directory, given its owner and mode, flushed to disk and renamed over the destination, and the
// directory is flushed too: a crash leaves either the old file or the new one, never half of it.

#include <string>
#include <string_view>
#include <sys/types.h>

namespace sloth::stdlib::modules {

struct FileAttributes {
  mode_t mode = 0644;
  uid_t uid = 0;
  gid_t gid = 0;
};

/// The whole content; throws FileError naming the path.
std::string readWholeFile(const std::string& path);

/// Atomically makes `path` a regular file with this content and these attributes.
void replaceFileAtomically(const std::string& path, std::string_view content,
                           const FileAttributes& attributes);

/// Appends to `path` (created with `newFileMode` when missing) and flushes it to disk.
void appendToFile(const std::string& path, std::string_view content, mode_t newFileMode);

/// The permissions a new file gets: 0666 without the process's umask bits.
mode_t defaultFileMode();

} // namespace sloth::stdlib::modules
