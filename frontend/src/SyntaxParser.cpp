#include "SyntaxParser.h"

#include "AstBuilder.h"
#include "DeferredInitializers.h"
#include "LexedTokenStream.h"
#include "SyntaxErrors.h"

#include "antlr4-runtime.h"

#include <string>

namespace sloth {

using grammar::LuaParser;

// The lexer's TokenKind numbering is the grammar's `tokens {}` order.
static_assert(static_cast<size_t>(TokenKind::Name) == LuaParser::NAME);
static_assert(static_cast<size_t>(TokenKind::End) == LuaParser::END);
static_assert(static_cast<size_t>(TokenKind::While) == LuaParser::WHILE);
static_assert(static_cast<size_t>(TokenKind::Plus) == LuaParser::PLUS);
static_assert(static_cast<size_t>(TokenKind::Lt) == LuaParser::LT);
static_assert(static_cast<size_t>(TokenKind::DbColon) == LuaParser::DBCOLON);
static_assert(static_cast<size_t>(TokenKind::Ellipsis) == LuaParser::ELLIPSIS);

namespace {

// Lua's one ambiguity: after a suffixed expression, `(` may open call arguments or the next
// statement (`f\n(g)()`). Lua always takes the call (lparser.c's suffixedexp loop). ANTLR's SLL
// prediction would instead scan ahead until the two readings conflict, which can be the rest of
// the statement, and it caches every distinct token run it saw: on 175 k lines of real Lua the
// suffix-loop decision grew to 9 000 DFA states and that growth was a third of the parse time.
// Deciding `(` as Lua does keeps the decision LL(1).
class GreedyCallSimulator : public antlr4::atn::ParserATNSimulator {
public:
  GreedyCallSimulator(LuaParser* parser, antlr4::atn::ParserATNSimulator& generated)
      : ParserATNSimulator(parser, parser->getATN(), generated.decisionToDFA,
                           generated.getSharedContextCache()),
        suffixLoopDecision_(findSuffixLoopDecision(parser->getATN())) {}

  size_t adaptivePredict(antlr4::TokenStream* input, size_t decision,
                         antlr4::ParserRuleContext* outerContext) override {
    if (decision == suffixLoopDecision_ && input->LA(1) == LuaParser::LPAREN)
      return 1; // alternative 1 of `suffix*` is one more suffix
    return ParserATNSimulator::adaptivePredict(input, decision, outerContext);
  }

private:
  // `suffixedexp : primaryexp suffix* ;` has one decision: take another suffix or stop.
  static size_t findSuffixLoopDecision(const antlr4::atn::ATN& atn) {
    for (size_t d = 0; d < atn.decisionToState.size(); ++d)
      if (atn.decisionToState[d]->ruleIndex == LuaParser::RuleSuffixedexp)
        return d;
    return atn.decisionToState.size();
  }

  size_t suffixLoopDecision_;
};

} // namespace

bool parseTokens(std::string_view source, LexedSource& lexed, FileId file, ast::AstContext& context,
                 ast::Chunk& chunk, DiagnosticEngine& diags, ParseStats* stats) {
  grammar::runDeferredInitializers(); // the generated parser's ATN, built on the first parse
  LexedTokenStream stream(lexed.tokens, source);
  LuaParser parser(&stream);
  parser.removeErrorListeners();
  // setInterpreter deletes the generated simulator; ours shares its DFA cache and is deleted by
  // the parser.
  parser.setInterpreter(
      new GreedyCallSimulator(&parser, *parser.getInterpreter<antlr4::atn::ParserATNSimulator>()));

  // Stage 1: SLL prediction, bail out at the first error. The grammar is written so that valid
  // input never needs more (research/antlr.md §3); this is the fast path.
  auto* interpreter = parser.getInterpreter<antlr4::atn::ParserATNSimulator>();
  interpreter->setPredictionMode(antlr4::atn::PredictionMode::SLL);
  parser.setErrorHandler(std::make_shared<antlr4::BailErrorStrategy>());
  LuaParser::ChunkContext* tree = nullptr;
  try {
    tree = parser.chunk();
  } catch (const antlr4::ParseCancellationException&) {
    tree = nullptr;
  }

  // Stage 2: full LL with error recovery, to tell SLL weakness from real errors and to report
  // every independent error.
  if (!tree) {
    if (stats)
      ++stats->sllFallbacks;
    SyntaxErrors errors(source, lexed, file, diags);
    stream.seek(0);
    parser.reset();
    parser.setErrorHandler(errors.strategy());
    interpreter->setPredictionMode(antlr4::atn::PredictionMode::LL);
    try {
      tree = parser.chunk();
    } catch (const antlr4::ParseCancellationException&) {
      return false;
    }
    if (errors.seen() > 0 || parser.getNumberOfSyntaxErrors() > 0)
      return false;
  }
  return buildChunk(tree, source, lexed, file, context, chunk, diags);
}

} // namespace sloth
