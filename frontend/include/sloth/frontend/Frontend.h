// The frontend's one entry point: source text in, a resolved AST (or diagnostics) out.
//
//   SourceManager sources;  DiagnosticEngine diags;
//   if (auto parsed = parseFile(sources, sources.addBuffer("x.lua", text), diags))
//   use(parsed->chunk);
//
// Runs the lexer, the nesting-depth pre-pass, the parser, the AST builder and the Resolver (Lua's
// own compile-time errors: goto/labels, break, <const>/<close>, `...`). Every problem becomes a
// diagnostic in `diags`; nothing throws.
#pragma once

#include "sloth/frontend/Ast.h"
#include "sloth/frontend/DiagnosticEngine.h"
#include "sloth/frontend/SourceManager.h"

#include <memory>
#include <optional>

namespace sloth {

struct ParsedChunk {
  std::unique_ptr<ast::AstContext> context; // owns every node of `chunk`
  ast::Chunk chunk;
};

// Counters for benchmarks and tests.
struct ParseStats {
  unsigned files = 0;
  unsigned sllFallbacks = 0; // files the fast SLL pass could not parse (retried in full LL)
};

struct ParseOptions {
  bool resolve = true; // run the Resolver (Lua's compile-time checks)
  ParseStats* stats = nullptr;
};

// nullopt when the file has errors (all of them are in `diags`).
std::optional<ParsedChunk> parseFile(const SourceManager& sources, FileId file,
                                     DiagnosticEngine& diags, ParseOptions options = {});

// Convenience: adds `text` to `sources` under `name`, then parseFile.
std::optional<ParsedChunk> parseSource(SourceManager& sources, std::string name, std::string text,
                                       DiagnosticEngine& diags, ParseOptions options = {});

} // namespace sloth
