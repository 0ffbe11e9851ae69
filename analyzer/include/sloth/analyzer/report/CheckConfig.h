// `slothc check`'s project configuration: the `[check]` table of the nearest `sloth.toml` at or
// above each checked file.
//
//   [check]
//   globals = ["vim", "busted"]          # names defined by the host, not undefined globals
//   exclude = ["vendor", "build/**"]     # skipped when walking directories (globs, relative
//                                        # to this file's directory)
//   [check.severity]
//   unused-local = "off"                 # "error", "warning" or "off", per diagnostic code
//
// Other tables of sloth.toml belong to other commands and are left alone. A problem in the file
// (bad TOML, an unknown key, a wrong type) becomes a diagnostic with code `bad-config` at its
// line and column; the rest of the file still applies.
#pragma once

#include "sloth/frontend/DiagnosticEngine.h"
#include "sloth/frontend/SourceManager.h"

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace sloth::report {

struct CheckConfig {
  std::string path; // the sloth.toml read (relative to the working directory when below it)
  std::filesystem::path root; // its directory: exclude patterns are relative to it
  // Per code: the severity to report it with, or nullopt to drop it ("off").
  std::map<std::string, std::optional<Severity>> severity;
  std::vector<std::string> globals;
  std::vector<std::string> exclude;

  // Whether `file` (a path below `root`) matches an exclude pattern. A pattern matches the path
  // relative to `root` or any leading part of it (so a directory name excludes what is inside);
  // a pattern without '/' also matches any single path component. `*` and `**` match across '/'.
  bool excludes(const std::filesystem::path& file) const;

  // Applies the severity table to `diagnostics`, dropping the codes that are off.
  void applySeverity(std::vector<Diagnostic>& diagnostics) const;
};

// A loaded sloth.toml: the config and the problems found in it (reported against its text).
struct LoadedConfig {
  std::shared_ptr<const CheckConfig> config;
  std::unique_ptr<SourceManager> sources; // holds the file's text when it was read
  std::vector<Diagnostic> problems;       // code `bad-config`, in `sources`
};

LoadedConfig loadCheckConfig(const std::filesystem::path& file);

// Finds the nearest sloth.toml at or above a directory, reading each file once.
class ConfigFinder {
public:
  // The config that applies in `directory` (an absolute path); an empty config when none.
  std::shared_ptr<const CheckConfig> forDirectory(const std::filesystem::path& directory);

  // Every config file read so far, with its problems, in the order they were read.
  std::vector<LoadedConfig>& loaded() { return loaded_; }

private:
  std::map<std::filesystem::path, std::shared_ptr<const CheckConfig>> byDirectory_;
  std::vector<LoadedConfig> loaded_;
};

} // namespace sloth::report
