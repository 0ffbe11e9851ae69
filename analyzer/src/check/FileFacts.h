// What the checker needs to know about a whole file before walking it in order: which globals the
// file itself defines, which fields it adds to module tables, and whether globals go through a
// custom environment. A global read before its assignment in source order is still fine (the
// assignment may run first), so these are gathered in a pre-pass.
#pragma once

#include "sloth/analyzer/types/SignatureRegistry.h"
#include "sloth/frontend/Ast.h"

#include <string>
#include <unordered_map>
#include <unordered_set>

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
  // Locals initialized with a table constructor (`local opts = { ... }`) whose set of keys may
  // change: a field or index of it is assigned, or the table goes anywhere but a field read, `#t`
  // or an argument of a function known not to add keys (sloth's modules, `pairs`, `ipairs`,
  // `print`, `table.concat`, ...). The others keep exactly the constructor's keys.
  std::unordered_set<const ast::Local*> openTables;
  bool isSealedTable(const ast::Local* local) const {
    return tableLocals.count(local) && !openTables.count(local);
  }
  std::unordered_set<const ast::Local*> tableLocals;
};

// `signatures` tells which calls only read the tables passed to them.
FileFacts gatherFileFacts(const ast::Chunk& chunk, const types::SignatureRegistry& signatures);

} // namespace sloth::check
