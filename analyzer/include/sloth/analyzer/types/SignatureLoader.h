// Reads signature files (stdlib/defs/*.lua, embedded in the binaries) into a SignatureRegistry.
//
// A file is scanned line by line: each block of `---` comment lines belongs to the Lua line that
// follows it — `function m.f(a, b) end` (a function), `m = {}` (a module table), `local B = {}`
// (a class's method table), `NAME = value` / `m.NAME = value` (a typed global or constant) — or
// stands alone (classes and aliases). Mistakes in a file are reported with file:line:column.
#pragma once

#include "sloth/EmbeddedFile.h"
#include "sloth/analyzer/types/SignatureRegistry.h"

#include <span>
#include <string>
#include <vector>

namespace sloth::types {

struct DefsDiagnostic {
  std::string file;
  int line = 0;
  int column = 0; // 1-based; 0 when the whole line is meant
  std::string message;

  // `pkg.lua:12:5: error: unknown type 'strng'`
  std::string toString() const;
};

struct SignatureLoad {
  SignatureRegistry registry;
  std::vector<DefsDiagnostic> diagnostics;
  bool ok() const { return diagnostics.empty(); }
};

struct SignatureSource {
  std::string name; // file name, e.g. "pkg.lua"
  std::string text;
};

// Loads the files together (a class may be used in one file and declared in another).
SignatureLoad loadSignatures(std::span<const SignatureSource> files);
SignatureLoad loadSignatures(std::span<const EmbeddedFile> files);

// The embedded defs (sloth::defs::files()), loaded once on first use.
const SignatureRegistry& builtinSignatures();

} // namespace sloth::types
