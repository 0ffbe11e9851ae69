#include "sloth/frontend/Frontend.h"

#include "NestingLimit.h"
#include "SyntaxParser.h"

#include "sloth/frontend/Lexer.h"
#include "sloth/frontend/Resolver.h"

namespace sloth {

std::optional<ParsedChunk> parseFile(const SourceManager& sources, FileId file,
                                     DiagnosticEngine& diags, ParseOptions options) {
  std::string_view text = sources.text(file);
  unsigned errorsBefore = diags.errorCount();
  if (options.stats)
    ++options.stats->files;

  LexedSource lexed = lex(text, file, diags);
  if (!checkNesting(lexed.tokens, text, file, diags))
    return std::nullopt;

  ParsedChunk parsed;
  parsed.context = std::make_unique<ast::AstContext>();
  bool parsedOk =
      parseTokens(text, lexed, file, *parsed.context, parsed.chunk, diags, options.stats);
  // Lua's compile-time checks need a complete tree; on a tree the builder could only partly
  // build they would report noise.
  if (parsedOk && options.resolve)
    resolve(parsed.chunk, sources, diags);
  if (diags.errorCount() != errorsBefore)
    return std::nullopt;
  return parsed;
}

std::optional<ParsedChunk> parseSource(SourceManager& sources, std::string name, std::string text,
                                       DiagnosticEngine& diags, ParseOptions options) {
  FileId file = sources.addBuffer(std::move(name), std::move(text));
  return parseFile(sources, file, diags, options);
}

} // namespace sloth
