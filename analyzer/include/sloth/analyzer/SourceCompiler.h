// Source text to a runnable main Proto in one call: read, parse, resolve, compile. Shared by the
// tools (`slothc dis`, `sloth run`) and by the `load` family of the standard library, so every
// entry point reports the same diagnostics the same way.
#pragma once

#include "sloth/frontend/DiagnosticEngine.h"
#include "sloth/frontend/SourceManager.h"
#include "sloth/vm/Proto.h"

#include <cstdio>
#include <memory>
#include <optional>
#include <string>

namespace sloth::compiler {

struct CompiledSource {
  SourceManager sources;
  DiagnosticEngine diags;
  std::optional<FileId> file;      // unset when the file could not be read
  std::string readError;           // why, when `file` is unset
  std::unique_ptr<vm::Proto> main; // nullptr when reading, parsing or compiling failed
};

// Compiles the file at `path` ("-" reads standard input, named "stdin").
std::unique_ptr<CompiledSource> compileFile(const std::string& path);

// Compiles `text`; run-time messages name it `chunkName` (Lua's "=name"/"@file" prefixes are
// not interpreted here: pass the display name, e.g. `[string "x = 1"]`).
std::unique_ptr<CompiledSource> compileText(std::string chunkName, std::string text);

// Writes the diagnostics in the text format (colored when `out` is a terminal and NO_COLOR is
// unset).
void printDiagnostics(const CompiledSource& compiled, std::FILE* out);

// The first error as Lua's `load` returns it: "chunkname:line: message".
std::string firstErrorMessage(const CompiledSource& compiled);

} // namespace sloth::compiler
