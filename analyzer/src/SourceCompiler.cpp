#include "sloth/analyzer/SourceCompiler.h"

#include "sloth/analyzer/Compiler.h"
#include "sloth/analyzer/yaml/YamlTasks.h"
#include "sloth/frontend/DiagnosticPrinter.h"
#include "sloth/frontend/Frontend.h"

#include <fmt/core.h>

#include <cstdlib>
#include <unistd.h>

namespace sloth::compiler {

namespace {

void compileLoaded(CompiledSource& out) {
  auto parsed = parseFile(out.sources, *out.file, out.diags);
  if (!parsed)
    return;
  CompileResult result = compile(parsed->chunk, out.sources);
  for (const CompileError& e : result.errors)
    out.diags.error("compile-limit", *out.file, e.range, e.message);
  out.main = std::move(result.main);
}

} // namespace

std::unique_ptr<CompiledSource> compileFile(const std::string& path) {
  auto out = std::make_unique<CompiledSource>();
  if (path == "-") {
    std::optional<std::string> text = readAll(stdin, out->readError);
    if (!text)
      return out;
    out->file = out->sources.addBuffer("stdin", std::move(*text));
  } else {
    // YAML task files become the Lua program they stand for (or their errors).
    out->file = yaml::loadScriptFile(out->sources, out->diags, path, out->readError);
    if (!out->file || out->diags.errorCount() > 0)
      return out;
  }
  compileLoaded(*out);
  return out;
}

std::unique_ptr<CompiledSource> compileText(std::string chunkName, std::string text) {
  auto out = std::make_unique<CompiledSource>();
  out->file = out->sources.addBuffer(std::move(chunkName), std::move(text));
  compileLoaded(*out);
  return out;
}

void printDiagnostics(const CompiledSource& compiled, std::FILE* out) {
  bool color = isatty(fileno(out)) && !std::getenv("NO_COLOR");
  std::vector<Diagnostic> shown = compiled.diags.diagnostics();
  yaml::showOnYamlText(compiled.sources, shown); // a YAML task file's lines, not its program's
  std::string text;
  for (const Diagnostic& d : shown)
    text += renderText(d, compiled.sources, color);
  std::fputs(text.c_str(), out);
}

std::string firstErrorMessage(const CompiledSource& compiled) {
  for (const Diagnostic& d : compiled.diags.diagnostics()) {
    if (d.severity != Severity::Error)
      continue;
    return fmt::format("{}:{}: {}", compiled.sources.name(d.file),
                       compiled.sources.lineOf(d.file, d.range.begin), d.message);
  }
  return compiled.readError;
}

} // namespace sloth::compiler
