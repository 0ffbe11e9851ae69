// What the checker needs to know about a whole file before walking it in order: which globals the
// file itself defines, which fields it adds to module tables, and whether globals go through a
// custom environment. A global read before its assignment in source order is still fine (the
// assignment may run first), so these are gathered in a pre-pass.
#pragma once

#include "sloth/frontend/Ast.h"

#include <string>
#include <unordered_map>

namespace sloth::check {

struct FileFacts {
  // Global name -> how many times the file assigns it (`x = ...`, `function x() end`).
  std::unordered_map<std::string, unsigned> assignedGlobals;
  // "module.field" -> how many times the file assigns it, for every `module.field = ...` /
  // `function module.field() end` (also through a local of the same name), so a script that
  // extends `string` is not told its function is unknown.
  std::unordered_map<std::string, unsigned> extendedFields;
  // `local _ENV`, an `_ENV` parameter, `setfenv` or `module(...)`: global names may not mean `_G`.
  bool customEnvironment = false;
};

FileFacts gatherFileFacts(const ast::Chunk& chunk);

} // namespace sloth::check
