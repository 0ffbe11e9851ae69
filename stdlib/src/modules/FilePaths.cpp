#include "FilePaths.h"

#include "FileError.h"

#include <cerrno>
#include <cstdlib>
#include <glob.h>
#include <pwd.h>
#include <unistd.h>

namespace sloth::stdlib::modules {

namespace {

std::string homeDirectory() {
  if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0')
    return home;
  if (const passwd* entry = getpwuid(geteuid()); entry != nullptr)
    return entry->pw_dir;
  throw FileError("cannot expand '~': HOME is unset and the user has no home directory");
}

} // namespace

std::string expandHome(std::string_view path) {
  if (path == "~" || path.starts_with("~/"))
    return homeDirectory() + std::string(path.substr(1));
  return std::string(path);
}

bool hasGlobPattern(std::string_view path) {
  return path.find_first_of("*?[") != std::string_view::npos;
}

std::vector<std::string> expandGlob(const std::string& pattern) {
  glob_t matches{};
  int status = glob(pattern.c_str(), 0, nullptr, &matches);
  std::vector<std::string> paths;
  if (status == 0) {
    for (std::size_t i = 0; i < matches.gl_pathc; i++)
      paths.emplace_back(matches.gl_pathv[i]);
  }
  globfree(&matches);
  if (status == GLOB_NOSPACE)
    throw FileError("out of memory expanding '" + pattern + "'");
  if (status == GLOB_ABORTED)
    throw FileError("cannot read a directory while expanding '" + pattern + "'");
  return paths;
}

std::string withoutTrailingSlashes(std::string_view path) {
  while (path.size() > 1 && path.back() == '/')
    path.remove_suffix(1);
  return std::string(path);
}

std::string baseName(std::string_view path) {
  std::string trimmed = withoutTrailingSlashes(path);
  std::size_t slash = trimmed.rfind('/');
  return slash == std::string::npos ? trimmed : trimmed.substr(slash + 1);
}

std::optional<struct stat> statPath(const std::string& path) {
  struct stat info {};
  if (stat(path.c_str(), &info) == 0)
    return info;
  if (errno == ENOENT || errno == ENOTDIR)
    return std::nullopt;
  throwFileErrno("cannot inspect", path);
}

std::optional<struct stat> lstatPath(const std::string& path) {
  struct stat info {};
  if (lstat(path.c_str(), &info) == 0)
    return info;
  if (errno == ENOENT || errno == ENOTDIR)
    return std::nullopt;
  throwFileErrno("cannot inspect", path);
}

} // namespace sloth::stdlib::modules
