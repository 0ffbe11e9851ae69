// `slothc build FILE [-o OUT.slothb]`: compiles a script into a bundle (design §5,
// docs/bundle-format.md) that `sloth run` executes without the compiler: the bytecode with its
// debug information, the script's text, the hash of the module signatures and the task/workflow
// metadata `sloth list` reads.
#include "BundleMetadata.h"
#include "Commands.h"

#include "sloth/analyzer/Compiler.h"
#include "sloth/analyzer/dsl/TaskGraph.h"
#include "sloth/analyzer/report/CheckRunner.h"
#include "sloth/analyzer/report/OutputFormat.h"
#include "sloth/analyzer/yaml/YamlTasks.h"
#include "sloth/defs/Defs.h"
#include "sloth/frontend/DiagnosticPrinter.h"
#include "sloth/frontend/Frontend.h"
#include "sloth/vm/Bundle.h"

#include <fmt/core.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <memory>
#include <string>
#include <unistd.h>

namespace sloth::slothc {

namespace {

struct BuildOptions {
  std::string input;
  std::string output;
};

void printDiagnostics(const DiagnosticEngine& diags, const SourceManager& sources) {
  const char* noColor = std::getenv("NO_COLOR");
  bool color = isatty(fileno(stderr)) && !(noColor && *noColor);
  std::vector<Diagnostic> shown = diags.diagnostics();
  yaml::showOnYamlText(sources, shown); // a YAML task file's lines, not its program's
  std::string out;
  for (const Diagnostic& d : shown)
    out += renderText(d, sources, color);
  std::fputs(out.c_str(), stderr);
}

// deploy.lua -> deploy.slothb (beside the input).
std::string defaultOutput(const std::string& input) {
  return std::filesystem::path(input).replace_extension(".slothb").string();
}

// Writes straight into what is not a regular file (`-o /dev/stdout`, a FIFO): renaming over it
// would replace the device or pipe with a regular file.
bool writeInto(const std::string& path, const std::string& bytes, std::string& error) {
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (f == nullptr) {
    error = std::strerror(errno);
    return false;
  }
  bool ok = std::fwrite(bytes.data(), 1, bytes.size(), f) == bytes.size();
  int writeErrno = errno;
  if (std::fclose(f) != 0 && ok) {
    ok = false;
    writeErrno = errno;
  }
  if (!ok)
    error = std::strerror(writeErrno);
  return ok;
}

// The file a chain of symbolic links ends at (itself when it is not a link).
std::filesystem::path followLinks(std::filesystem::path path) {
  std::error_code ec;
  for (int hops = 0; hops < 40 && std::filesystem::is_symlink(path, ec); ++hops) {
    std::filesystem::path target = std::filesystem::read_symlink(path, ec);
    if (ec)
      break;
    path = target.is_absolute() ? target : path.parent_path() / target;
  }
  return path;
}

// Writes through a temporary file and a rename, so a failed build never leaves half a bundle. A
// symbolic link is followed: the file it names is replaced, the link stays.
bool writeFile(const std::string& requested, const std::string& bytes, std::string& error) {
  std::error_code ec;
  auto status = std::filesystem::status(requested, ec);
  if (std::filesystem::is_directory(status)) {
    error = "is a directory";
    return false;
  }
  if (std::filesystem::exists(status) && !std::filesystem::is_regular_file(status))
    return writeInto(requested, bytes, error);
  std::string path = followLinks(requested).string();
  std::string temp = path + ".tmp";
  if (!writeInto(temp, bytes, error)) {
    std::remove(temp.c_str());
    return false;
  }
  if (std::rename(temp.c_str(), path.c_str()) == 0)
    return true;
  error = std::strerror(errno);
  std::remove(temp.c_str());
  return false;
}

int runBuild(const BuildOptions& options) {
  SourceManager sources;
  DiagnosticEngine diags;
  std::string readError;
  auto file = yaml::loadScriptFile(sources, diags, options.input, readError);
  if (!file) {
    fmt::print(stderr, "slothc build: cannot read '{}': {}\n", options.input, readError);
    return 2;
  }
  std::optional<ParsedChunk> parsed;
  if (diags.errorCount() == 0) // a YAML task file's own errors stop before its program
    parsed = parseFile(sources, *file, diags);
  if (!parsed) {
    printDiagnostics(diags, sources);
    return 2; // a compile error (design §1)
  }
  compiler::CompileResult compiled = compiler::compile(parsed->chunk, sources);
  for (const compiler::CompileError& e : compiled.errors)
    diags.error("compile-limit", *file, e.range, e.message);
  if (!compiled.main) {
    printDiagnostics(diags, sources);
    return 2;
  }
  // The check is exactly `slothc check FILE`'s: its sloth.toml (globals, severities), inline and
  // `---@diagnostic` suppressions and the task DSL checks, against the signatures the bundle
  // records. A script that passes the check builds, and one that fails it does not.
  report::CheckReport checked = report::runChecks({{options.input}, false, 1});
  const char* noColor = std::getenv("NO_COLOR");
  bool color = isatty(fileno(stderr)) && !(noColor && *noColor);
  std::fputs(report::render(checked, report::OutputFormat::Text, color).c_str(), stderr);
  for (const std::string& e : checked.errors)
    fmt::print(stderr, "slothc build: {}\n", e);
  if (!checked.errors.empty() || checked.badConfig)
    return 2;
  if (checked.errorCount > 0)
    return 1;

  vm::Bundle bundle;
  bundle.kind = vm::BundleKind::Script;
  bundle.signatureHash = vm::signatureSetHash(defs::files());
  bundle.metadata = bundleMetadata(dsl::extractTaskGraph(parsed->chunk), sources, *file);
  bundle.sourceText = std::string(yaml::displayText(sources, *file));
  bundle.main = std::move(compiled.main);
  std::string output = options.output.empty() ? defaultOutput(options.input) : options.output;
  std::string error;
  if (!writeFile(output, vm::writeBundle(bundle), error)) {
    fmt::print(stderr, "slothc build: cannot write '{}': {}\n", output, error);
    return 2;
  }
  return 0;
}

} // namespace

Action addBuildCommand(CLI::App& app) {
  auto* cmd = app.add_subcommand(
      "build", "Check and compile a script into a bundle (.slothb) that sloth run executes "
               "without recompiling");
  auto options = std::make_shared<BuildOptions>();
  cmd->add_option("file", options->input, "Script to compile")->required();
  cmd->add_option("-o,--output", options->output,
                  "Bundle to write (default: the script's name with .slothb)");
  cmd->footer("The check is slothc check's, with the nearest sloth.toml and the inline "
              "suppressions.\nExit status: 0 written, 1 the check found errors, 2 unreadable "
              "input, a syntax or compile error, a bad sloth.toml, or an unwritable output.");
  return [cmd, options]() -> int {
    if (!*cmd)
      return -1;
    return runBuild(*options);
  };
}

} // namespace sloth::slothc
