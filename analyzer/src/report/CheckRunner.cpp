#include "sloth/analyzer/report/CheckRunner.h"

#include "sloth/analyzer/Compiler.h"
#include "sloth/analyzer/check/Checker.h"
#include "sloth/analyzer/dsl/DslChecks.h"
#include "sloth/analyzer/report/CheckConfig.h"
#include "sloth/analyzer/report/Suppressions.h"
#include "sloth/analyzer/types/SignatureLoader.h"
#include "sloth/analyzer/yaml/YamlTasks.h"
#include "sloth/frontend/Lexer.h"

#include <fmt/core.h>

#include <algorithm>
#include <atomic>
#include <exception>
#include <filesystem>
#include <thread>

namespace sloth::report {

namespace fs = std::filesystem;

namespace {

// One file to check and the configuration that applies to it.
struct Job {
  std::string path; // display path; "-" reads standard input
  std::string stdinText;
  std::shared_ptr<const CheckConfig> config;
};

bool isScript(const fs::path& p) {
  return p.extension() == ".lua" || p.extension() == ".sloth";
}

fs::path absoluteDirectoryOf(const fs::path& file) {
  std::error_code ec;
  fs::path absolute = fs::absolute(file, ec);
  return (ec ? file : absolute).lexically_normal().parent_path();
}

// Expands the command line into jobs: files as named, directories walked recursively.
void collect(const CheckRunOptions& options, ConfigFinder& configs, std::vector<Job>& jobs,
             std::vector<std::string>& errors) {
  for (const std::string& input : options.inputs) {
    if (input == "-") {
      std::string error;
      std::optional<std::string> text = readAll(stdin, error);
      if (!text) {
        errors.push_back(fmt::format("cannot read stdin: {}", error));
        continue;
      }
      std::error_code ec;
      jobs.push_back({input, std::move(*text), configs.forDirectory(fs::current_path(ec))});
      continue;
    }
    std::error_code ec;
    if (!fs::is_directory(input, ec)) {
      // Files named on the command line are always checked (exclude applies to walks only);
      // an unreadable one is reported when it is read.
      jobs.push_back({input, {}, configs.forDirectory(absoluteDirectoryOf(input))});
      continue;
    }
    fs::recursive_directory_iterator it(input, fs::directory_options::skip_permission_denied, ec);
    if (ec) {
      errors.push_back(fmt::format("cannot read '{}': {}", input, ec.message()));
      continue;
    }
    for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (ec) {
        errors.push_back(fmt::format("cannot read '{}': {}", it->path().string(), ec.message()));
        break;
      }
      const fs::path& path = it->path();
      std::error_code typeError;
      bool directory = it->is_directory(typeError);
      std::string name = path.filename().string();
      if (directory && name.size() > 1 && name[0] == '.') {
        it.disable_recursion_pending(); // .git, .cache, ...
        continue;
      }
      if (!directory && (!it->is_regular_file(typeError) || !isScript(path)))
        continue;
      fs::path absolute = fs::absolute(path, typeError).lexically_normal();
      auto config = configs.forDirectory(directory ? absolute : absolute.parent_path());
      if (config->excludes(absolute)) {
        if (directory)
          it.disable_recursion_pending();
        continue;
      }
      if (!directory)
        jobs.push_back({path.lexically_normal().string(), {}, config});
    }
  }
}

// Checks one file completely: parse, checks, suppressions, configured severities.
FileResult checkOne(Job& job, bool syntaxOnly, ParseStats& stats, std::string& readError) {
  FileResult result;
  result.path = job.path;
  result.sources = std::make_unique<SourceManager>();
  SourceManager& sources = *result.sources;
  DiagnosticEngine diags;
  if (job.path == "-") {
    result.file = sources.addBuffer("stdin", std::move(job.stdinText));
  } else {
    // A YAML task file is checked as the Lua program it stands for, whose script lines keep
    // their YAML line and column; other files are read as they are.
    std::string error;
    std::optional<FileId> file = yaml::loadScriptFile(sources, diags, job.path, error);
    if (!file) {
      readError = fmt::format("cannot read '{}': {}", job.path, error);
      return result;
    }
    result.file = *file;
  }
  result.lines = sources.lineCount(result.file);
  if (diags.errorCount() > 0) {
    // The YAML itself is wrong (syntax, unknown keys): there is no program to check.
    result.diagnostics = diags.diagnostics();
    job.config->applySeverity(result.diagnostics);
    return result;
  }

  std::optional<ParsedChunk> parsed = parseFile(sources, result.file, diags, {true, &stats});
  // Lua's compile-time limits (255 registers per function) are only found by compiling: what
  // slothc build and sloth run refuse must not pass the check. Compiling costs little next to
  // parsing; its bytecode is dropped.
  if (parsed && diags.errorCount() == 0)
    for (const compiler::CompileError& e : compiler::compile(parsed->chunk, sources).errors)
      diags.error("compile-limit", result.file, e.range, e.message);
  size_t compileDiagnostics = diags.diagnostics().size();
  if (parsed && !syntaxOnly) {
    check::CheckSettings settings;
    settings.extraGlobals = job.config->globals;
    check::checkChunk(parsed->chunk, result.file, sources, types::builtinSignatures(), settings,
                      diags);
    dsl::checkTaskGraph(dsl::extractTaskGraph(parsed->chunk), diags);
  }
  result.diagnostics = diags.diagnostics();
  if (parsed && !syntaxOnly) {
    // LuaLS's `---@diagnostic` lines silence what the checks found, never a compile error.
    std::vector<Diagnostic> found(result.diagnostics.begin() + compileDiagnostics,
                                  result.diagnostics.end());
    std::vector<Suppression> luaLs =
        scanLuaLsDirectives(parsed->chunk.comments, sources, result.file);
    applySuppressions(found, luaLs, sources);
    result.diagnostics.resize(compileDiagnostics);
    for (Diagnostic& d : found)
      result.diagnostics.push_back(std::move(d));
  }

  // A file that does not parse has no AST comments: lex it again for them.
  LexedSource relexed;
  if (!parsed) {
    DiagnosticEngine ignored;
    relexed = lex(sources.text(result.file), result.file, ignored);
  }
  SuppressionScan scan =
      scanSuppressions(parsed ? parsed->chunk.comments : relexed.comments, sources, result.file);
  applySuppressions(result.diagnostics, scan.suppressions, sources);
  // Only when every check ran can "nothing to suppress" be told apart from "not checked".
  if (parsed && !syntaxOnly) {
    std::vector<Diagnostic> unused = unusedSuppressions(scan.suppressions, result.file);
    applySuppressions(unused, scan.suppressions, sources); // `ignore-file unused-suppression`
    for (Diagnostic& d : unused)
      result.diagnostics.push_back(std::move(d));
  }
  for (Diagnostic& d : scan.problems)
    result.diagnostics.push_back(std::move(d));
  yaml::showOnYamlText(sources, result.diagnostics); // a YAML task file's lines, not its program's
  job.config->applySeverity(result.diagnostics);
  std::stable_sort(
      result.diagnostics.begin(), result.diagnostics.end(),
      [](const Diagnostic& a, const Diagnostic& b) { return a.range.begin < b.range.begin; });
  return result;
}

} // namespace

CheckReport runChecks(const CheckRunOptions& options) {
  CheckReport report;
  ConfigFinder configs;
  std::vector<Job> jobs;
  collect(options, configs, jobs, report.errors);
  // Stable order whatever the threads do: by path (a file named twice is checked twice).
  std::stable_sort(jobs.begin(), jobs.end(),
                   [](const Job& a, const Job& b) { return a.path < b.path; });

  if (!options.syntaxOnly && !jobs.empty())
    types::builtinSignatures(); // load once, before the threads share it

  std::vector<FileResult> results(jobs.size());
  std::vector<std::string> readErrors(jobs.size());
  unsigned threads =
      options.jobs ? options.jobs : std::max(1u, std::thread::hardware_concurrency());
  threads = static_cast<unsigned>(std::min<size_t>(threads, jobs.size()));
  std::vector<ParseStats> stats(std::max(1u, threads));
  std::atomic<size_t> next{0};
  auto worker = [&](unsigned id) {
    for (size_t i; (i = next.fetch_add(1)) < jobs.size();) {
      try {
        results[i] = checkOne(jobs[i], options.syntaxOnly, stats[id], readErrors[i]);
      } catch (const std::exception& e) {
        readErrors[i] =
            fmt::format("internal error while checking '{}': {}", jobs[i].path, e.what());
      }
    }
  };
  if (threads <= 1) {
    worker(0);
  } else {
    std::vector<std::thread> pool;
    for (unsigned id = 0; id < threads; ++id)
      pool.emplace_back(worker, id);
    for (std::thread& t : pool)
      t.join();
  }
  for (const ParseStats& s : stats) {
    report.stats.files += s.files;
    report.stats.sllFallbacks += s.sllFallbacks;
  }

  for (size_t i = 0; i < jobs.size(); ++i) {
    if (!readErrors[i].empty()) {
      report.errors.push_back(std::move(readErrors[i]));
      continue;
    }
    ++report.checkedFiles;
    report.checkedLines += results[i].lines;
    report.files.push_back(std::move(results[i]));
  }
  for (LoadedConfig& config : configs.loaded()) {
    if (config.problems.empty())
      continue;
    report.badConfig = true;
    FileResult r;
    r.path = config.config->path;
    r.sources = std::move(config.sources);
    r.diagnostics = std::move(config.problems);
    r.isConfig = true;
    report.files.push_back(std::move(r));
  }
  std::stable_sort(report.files.begin(), report.files.end(),
                   [](const FileResult& a, const FileResult& b) { return a.path < b.path; });
  for (const FileResult& f : report.files)
    for (const Diagnostic& d : f.diagnostics) {
      if (d.severity == Severity::Error)
        ++report.errorCount;
      else if (d.severity == Severity::Warning)
        ++report.warningCount;
    }
  return report;
}

} // namespace sloth::report
