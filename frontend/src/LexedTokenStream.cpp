#include "LexedTokenStream.h"

#include <algorithm>

namespace sloth {

std::unique_ptr<antlr4::Token> LexedTokenSource::nextToken() {
  return std::make_unique<antlr4::CommonToken>(antlr4::Token::EOF);
}

LexedTokenStream::LexedTokenStream(const std::vector<Token>& tokens, std::string_view source)
    : text_(source) {
  tokens_.reserve(tokens.size());
  for (size_t i = 0; i < tokens.size(); ++i) {
    const Token& t = tokens[i];
    size_t type = t.kind == TokenKind::Eof ? antlr4::Token::EOF : static_cast<size_t>(t.kind);
    antlr4::CommonToken& token = tokens_.emplace_back(
        std::pair<antlr4::TokenSource*, antlr4::CharStream*>(&source_, nullptr), type,
        antlr4::Token::DEFAULT_CHANNEL, t.range.begin, t.range.end == 0 ? 0 : t.range.end - 1);
    token.setTokenIndex(i);
    token.setLine(t.line);
  }
}

antlr4::Token* LexedTokenStream::LT(ssize_t k) {
  if (k == 0 || tokens_.empty())
    return nullptr;
  if (k < 0) {
    if (static_cast<size_t>(-k) > position_)
      return nullptr;
    return &tokens_[position_ + k];
  }
  // Past the end, every look-ahead is the end-of-file token, as in CommonTokenStream.
  return &tokens_[std::min(position_ + static_cast<size_t>(k) - 1, tokens_.size() - 1)];
}

antlr4::Token* LexedTokenStream::get(size_t index) const {
  if (index >= tokens_.size())
    throw antlr4::IndexOutOfBoundsException("token index " + std::to_string(index) +
                                            " out of range");
  return const_cast<antlr4::CommonToken*>(&tokens_[index]);
}

void LexedTokenStream::consume() {
  if (LA(1) == antlr4::Token::EOF)
    throw antlr4::IllegalStateException("cannot consume EOF");
  ++position_;
}

void LexedTokenStream::seek(size_t index) {
  position_ = tokens_.empty() ? 0 : std::min(index, tokens_.size() - 1);
}

std::string LexedTokenStream::textBetween(size_t first, size_t last) const {
  if (tokens_.empty() || first > last || first >= tokens_.size())
    return "";
  last = std::min(last, tokens_.size() - 1);
  size_t begin = tokens_[first].getStartIndex();
  size_t end = tokens_[last].getStopIndex() + 1;
  if (begin >= text_.size() || end <= begin)
    return "";
  return std::string(text_.substr(begin, std::min(end, text_.size()) - begin));
}

std::string LexedTokenStream::getText(const antlr4::misc::Interval& interval) {
  if (interval.a < 0 || interval.b < interval.a)
    return "";
  return textBetween(static_cast<size_t>(interval.a), static_cast<size_t>(interval.b));
}

std::string LexedTokenStream::getText() {
  return textBetween(0, tokens_.size() - 1);
}

std::string LexedTokenStream::getText(antlr4::RuleContext* ctx) {
  return getText(ctx->getSourceInterval());
}

std::string LexedTokenStream::getText(antlr4::Token* start, antlr4::Token* stop) {
  if (!start || !stop)
    return "";
  return textBetween(start->getTokenIndex(), stop->getTokenIndex());
}

} // namespace sloth
