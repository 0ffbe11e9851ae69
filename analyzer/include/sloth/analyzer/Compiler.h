// The compiler: lowers a resolved AST (frontend) to sloth bytecode (vm::Proto), following Lua
// 5.4's code generation so that programs behave exactly as under the reference interpreter.
//
//   auto result = sloth::compiler::compile(chunk, [&](uint32_t off) { return sm.lineOf(file, off);
//   },
//                                          {.chunkName = "deploy.lua"});
//   if (!result.ok()) report(result.errors);
//   run(std::move(result.main));
//
// The chunk must have been through the Resolver (NameExpr::local, GotoStat::target filled and
// Lua's compile-time errors reported); the compiler itself only reports the limits of the
// bytecode format (too many registers, upvalues, locals or constants in one function).
#pragma once

#include "sloth/frontend/Ast.h"
#include "sloth/frontend/SourceManager.h"
#include "sloth/frontend/SourceRange.h"
#include "sloth/vm/Proto.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace sloth::compiler {

// Maps a byte offset in the chunk's file to its 1-based line number.
using LineOf = std::function<int(uint32_t offset)>;

struct CompileOptions {
  // The name run-time messages use for the chunk ("deploy.lua"); stored in every Proto::source.
  // Empty: the file's name in the SourceManager (or "?" with a bare LineOf).
  std::string chunkName;
};

struct CompileError {
  SourceRange range;
  std::string message; // e.g. "function or expression needs too many registers"
};

struct CompileResult {
  std::unique_ptr<vm::Proto> main; // nullptr when errors is not empty
  std::vector<CompileError> errors;
  bool ok() const { return main != nullptr; }
};

CompileResult compile(const ast::Chunk& chunk, const LineOf& lineOf,
                      const CompileOptions& options = {});

// The same, with line numbers and the chunk name taken from the chunk's file in `sources`.
CompileResult compile(const ast::Chunk& chunk, const SourceManager& sources,
                      const CompileOptions& options = {});

} // namespace sloth::compiler
