// libFuzzer target: any byte string through the whole frontend (lexer, nesting pre-pass, parser,
// builder, resolver), the AST dump and the diagnostic renderers. Bad input may only produce
// diagnostics: a crash, a sanitizer report or a hang is a bug (add the input to the lit tests).
#include "sloth/frontend/AstDump.h"
#include "sloth/frontend/DiagnosticPrinter.h"
#include "sloth/frontend/Frontend.h"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  sloth::SourceManager sources;
  sloth::DiagnosticEngine diags;
  std::string text(reinterpret_cast<const char*>(data), size);
  auto parsed = sloth::parseSource(sources, "fuzz.lua", std::move(text), diags);
  if (parsed)
    (void)sloth::dumpAst(parsed->chunk);
  for (const sloth::Diagnostic& d : diags.diagnostics()) {
    (void)sloth::renderText(d, sources, true);
    (void)sloth::renderGcc(d, sources);
  }
  return 0;
}
