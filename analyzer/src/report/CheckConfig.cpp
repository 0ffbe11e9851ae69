#include "sloth/analyzer/report/CheckConfig.h"

#include "sloth/analyzer/report/Codes.h"
#include "sloth/analyzer/types/Suggest.h"

#include <fmt/core.h>
#include <toml++/toml.h>

#include <fnmatch.h>

#include <algorithm>

#include <system_error>

namespace sloth::report {

namespace fs = std::filesystem;

namespace {

constexpr const char* kConfigName = "sloth.toml";

// Collects `bad-config` diagnostics at TOML source positions.
class Problems {
public:
  Problems(const SourceManager& sources, FileId file, std::vector<Diagnostic>& out)
      : sources_(sources), file_(file), out_(out) {}

  void report(const toml::source_region& where, std::string message) {
    uint32_t offset = offsetOf(where.begin);
    uint32_t end = where.end.line ? offsetOf(where.end) : offset;
    Diagnostic d;
    d.severity = Severity::Error;
    d.code = "bad-config";
    d.file = file_;
    d.range = {offset, std::max(offset, end)};
    d.message = std::move(message);
    out_.push_back(std::move(d));
  }

private:
  const SourceManager& sources_;
  FileId file_;
  std::vector<Diagnostic>& out_;

  uint32_t offsetOf(const toml::source_position& p) const {
    uint32_t line = std::max<uint32_t>(1, p.line);
    if (line > sources_.lineCount(file_))
      return static_cast<uint32_t>(sources_.text(file_).size());
    std::string_view text = sources_.lineText(file_, line);
    auto start = static_cast<uint32_t>(text.data() - sources_.text(file_).data());
    return start +
           std::min<uint32_t>(p.column ? p.column - 1 : 0, static_cast<uint32_t>(text.size()));
  }
};

std::vector<std::string> stringList(const toml::node& node, std::string_view key,
                                    Problems& problems) {
  std::vector<std::string> out;
  const toml::array* array = node.as_array();
  if (!array) {
    problems.report(node.source(), fmt::format("[check] {} must be a list of strings", key));
    return out;
  }
  for (const toml::node& item : *array) {
    if (auto s = item.value<std::string>())
      out.push_back(*s);
    else
      problems.report(item.source(), fmt::format("[check] {}: every entry must be a string", key));
  }
  return out;
}

void readSeverities(const toml::node& node, CheckConfig& config, Problems& problems) {
  const toml::table* table = node.as_table();
  if (!table) {
    problems.report(node.source(), "[check] severity must be a table of code = \"error\", "
                                   "\"warning\" or \"off\"");
    return;
  }
  for (const auto& [key, value] : *table) {
    // A misspelt code would leave the setting silently unapplied.
    if (!isKnownCode(key.str())) {
      std::string message = fmt::format("[check.severity]: unknown code '{}'", key.str());
      std::span<const std::string> codes = knownCodes();
      if (auto fixed = types::closestName(key.str(), codes))
        message += fmt::format("; did you mean '{}'?", *fixed);
      else
        message += " (the codes are listed in docs/checks.md)";
      problems.report(key.source(), message);
      continue;
    }
    std::optional<std::string> level = value.value<std::string>();
    if (level == "error")
      config.severity[std::string(key.str())] = Severity::Error;
    else if (level == "warning")
      config.severity[std::string(key.str())] = Severity::Warning;
    else if (level == "off")
      config.severity[std::string(key.str())] = std::nullopt;
    else
      problems.report(
          value.source(),
          fmt::format("[check.severity] {} must be \"error\", \"warning\" or \"off\"", key.str()));
  }
}

void readCheckTable(const toml::table& check, CheckConfig& config, Problems& problems) {
  static const std::vector<std::string> kKeys = {"globals", "exclude", "severity"};
  for (const auto& [key, value] : check) {
    std::string_view name = key.str();
    if (name == "globals") {
      config.globals = stringList(value, name, problems);
    } else if (name == "exclude") {
      config.exclude = stringList(value, name, problems);
    } else if (name == "severity") {
      readSeverities(value, config, problems);
    } else {
      std::string message = fmt::format("unknown key '{}' in [check]", name);
      if (auto fixed = types::closestName(name, kKeys))
        message += fmt::format("; did you mean '{}'?", *fixed);
      else
        message += " (expected globals, exclude or severity)";
      problems.report(key.source(), message);
    }
  }
}

// `path` relative to the working directory when it is below it: config files are found by
// absolute path, but reported like the scripts beside them.
std::string displayPath(const fs::path& path) {
  std::error_code ec;
  fs::path relative = path.lexically_relative(fs::current_path(ec));
  return !ec && !relative.empty() && *relative.begin() != ".." ? relative.string() : path.string();
}

} // namespace

bool CheckConfig::excludes(const fs::path& file) const {
  if (exclude.empty())
    return false;
  std::error_code ec;
  fs::path relative = file.lexically_relative(root);
  if (relative.empty() || *relative.begin() == "..")
    return false;
  std::vector<std::string> prefixes; // "a", "a/b", "a/b/c.lua"
  std::vector<std::string> components;
  std::string prefix;
  for (const fs::path& part : relative) {
    prefix += (prefix.empty() ? "" : "/") + part.string();
    prefixes.push_back(prefix);
    components.push_back(part.string());
  }
  auto matches = [](const std::string& pattern, const std::string& text) {
    return fnmatch(pattern.c_str(), text.c_str(), 0) == 0;
  };
  for (std::string pattern : exclude) {
    while (pattern.size() > 1 && pattern.back() == '/')
      pattern.pop_back(); // "vendor/" names the directory
    if (pattern.rfind("./", 0) == 0)
      pattern.erase(0, 2);
    bool anyComponent = pattern.find('/') == std::string::npos;
    // `**/` may also match no directory at all: "lib/**/x.lua" matches "lib/x.lua".
    std::vector<std::string> variants = {pattern};
    if (pattern.rfind("**/", 0) == 0)
      variants.push_back(pattern.substr(3));
    for (size_t i = 0, n = variants.size(); i < n; ++i) {
      std::string collapsed = variants[i];
      for (size_t at; (at = collapsed.find("/**/")) != std::string::npos;)
        collapsed.replace(at, 4, "/");
      if (collapsed != variants[i])
        variants.push_back(collapsed);
    }
    for (const std::string& p : prefixes)
      for (const std::string& v : variants)
        if (matches(v, p))
          return true;
    if (anyComponent)
      for (const std::string& c : components)
        if (matches(pattern, c))
          return true;
  }
  return false;
}

void CheckConfig::applySeverity(std::vector<Diagnostic>& diagnostics) const {
  if (severity.empty())
    return;
  std::vector<Diagnostic> kept;
  kept.reserve(diagnostics.size());
  for (Diagnostic& d : diagnostics) {
    auto it = severity.find(d.code);
    if (it == severity.end()) {
      kept.push_back(std::move(d));
    } else if (it->second) {
      d.severity = *it->second;
      kept.push_back(std::move(d));
    }
  }
  diagnostics = std::move(kept);
}

LoadedConfig loadCheckConfig(const fs::path& file) {
  LoadedConfig loaded;
  auto config = std::make_shared<CheckConfig>();
  config->path = displayPath(file);
  config->root = file.parent_path();
  loaded.sources = std::make_unique<SourceManager>();
  std::string error;
  SourceManager reader;
  std::optional<FileId> read = reader.addFile(file.string(), error);
  std::optional<FileId> id;
  if (read)
    id = loaded.sources->addBuffer(config->path, std::string(reader.text(*read)));
  if (!id) {
    FileId empty = loaded.sources->addBuffer(config->path, "");
    Diagnostic d;
    d.code = "bad-config";
    d.file = empty;
    d.message = fmt::format("cannot read the configuration: {}", error);
    loaded.problems.push_back(std::move(d));
    loaded.config = std::move(config);
    return loaded;
  }
  Problems problems(*loaded.sources, *id, loaded.problems);
  std::string_view text = loaded.sources->text(*id);
  try {
    toml::table root = toml::parse(text, file.string());
    if (const toml::node* check = root.get("check")) {
      if (const toml::table* table = check->as_table())
        readCheckTable(*table, *config, problems);
      else
        problems.report(check->source(), "'check' must be a table ([check])");
    }
  } catch (const toml::parse_error& e) {
    problems.report(e.source(), fmt::format("invalid TOML: {}", e.description()));
  }
  // toml++ keeps keys sorted; report in file order.
  std::stable_sort(
      loaded.problems.begin(), loaded.problems.end(),
      [](const Diagnostic& a, const Diagnostic& b) { return a.range.begin < b.range.begin; });
  loaded.config = std::move(config);
  return loaded;
}

std::shared_ptr<const CheckConfig> ConfigFinder::forDirectory(const fs::path& directory) {
  if (auto it = byDirectory_.find(directory); it != byDirectory_.end())
    return it->second;
  std::shared_ptr<const CheckConfig> found;
  std::error_code ec;
  fs::path candidate = directory / kConfigName;
  if (fs::is_regular_file(candidate, ec)) {
    LoadedConfig loaded = loadCheckConfig(candidate);
    found = loaded.config;
    loaded_.push_back(std::move(loaded));
  } else if (directory.has_parent_path() && directory.parent_path() != directory) {
    found = forDirectory(directory.parent_path());
  } else {
    found = std::make_shared<CheckConfig>();
  }
  byDirectory_[directory] = found;
  return found;
}

} // namespace sloth::report
