#pragma once
// Path spelling the file module accepts: a leading `~` is the running user's home directory, and
// remove() takes glob patterns.

#include <optional>
#include <string>
#include <string_view>
#include <sys/stat.h>
#include <vector>

namespace sloth::stdlib::modules {

/// `~` and `~/rest` become $HOME (or the password database's home when HOME is unset).
std::string expandHome(std::string_view path);

/// Whether the path holds a glob metacharacter (`*`, `?` or `[`).
bool hasGlobPattern(std::string_view path);

/// The existing paths matching a glob pattern, sorted; none when nothing matches.
std::vector<std::string> expandGlob(const std::string& pattern);

/// The last component, ignoring trailing slashes ("/a/b/" -> "b").
std::string baseName(std::string_view path);

/// The path without trailing slashes (the root stays "/").
std::string withoutTrailingSlashes(std::string_view path);

/// stat() (symlinks followed) or lstat(); nullopt when nothing is there.
std::optional<struct stat> statPath(const std::string& path);
std::optional<struct stat> lstatPath(const std::string& path);

} // namespace sloth::stdlib::modules
