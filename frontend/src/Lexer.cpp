#include "sloth/frontend/Lexer.h"

#include <cstdlib>
#include <cstring>
#include <string>

namespace sloth {

const char* spelling(TokenKind kind) {
  switch (kind) {
  case TokenKind::Eof:
    return "<eof>";
#define SLOTH_TOKEN_CASE(name, text)                                                               \
  case TokenKind::name:                                                                            \
    return text;
    SLOTH_LUA_TOKENS(SLOTH_TOKEN_CASE)
#undef SLOTH_TOKEN_CASE
  }
  return "?";
}

namespace {

bool isAlpha(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
bool isDigit(unsigned char c) {
  return c >= '0' && c <= '9';
}
bool isAlnum(unsigned char c) {
  return isAlpha(c) || isDigit(c);
}
bool isHex(unsigned char c) {
  return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
int hexValue(unsigned char c) {
  return isDigit(c) ? c - '0' : (c | 0x20) - 'a' + 10;
}
bool isNewline(unsigned char c) {
  return c == '\n' || c == '\r';
}

struct Keyword {
  const char* text;
  TokenKind kind;
};
constexpr Keyword kKeywords[] = {
    {"and", TokenKind::And},     {"break", TokenKind::Break},   {"do", TokenKind::Do},
    {"else", TokenKind::Else},   {"elseif", TokenKind::Elseif}, {"end", TokenKind::End},
    {"false", TokenKind::False}, {"for", TokenKind::For},       {"function", TokenKind::Function},
    {"goto", TokenKind::Goto},   {"if", TokenKind::If},         {"in", TokenKind::In},
    {"local", TokenKind::Local}, {"nil", TokenKind::Nil},       {"not", TokenKind::Not},
    {"or", TokenKind::Or},       {"repeat", TokenKind::Repeat}, {"return", TokenKind::Return},
    {"then", TokenKind::Then},   {"true", TokenKind::True},     {"until", TokenKind::Until},
    {"while", TokenKind::While},
};

// Lua's way of quoting a token in "near '...'": control bytes and bytes >= 0x80 as <\ddd>.
std::string quoteForMessage(std::string_view text) {
  std::string out = "'";
  for (unsigned char c : text) {
    if (c < 0x20 || c >= 0x7f)
      out += "<\\" + std::to_string(c) + ">";
    else
      out += static_cast<char>(c);
  }
  return out + "'";
}

// Appends code point `x` as Lua's luaO_utf8esc does (up to 6 bytes, values up to 2^31).
void appendUtf8(std::string& out, unsigned long x) {
  if (x < 0x80) {
    out += static_cast<char>(x);
    return;
  }
  char buf[8];
  int n = 1;
  unsigned int mfb = 0x3f; // largest value that fits in the first byte
  do {
    buf[8 - (n++)] = static_cast<char>(0x80 | (x & 0x3f));
    x >>= 6;
    mfb >>= 1;
  } while (x > mfb);
  buf[8 - n] = static_cast<char>((~mfb << 1) | x);
  out.append(buf + 8 - n, static_cast<size_t>(n));
}

class Lexer {
public:
  Lexer(std::string_view text, FileId file, DiagnosticEngine& diags)
      : src_(text), file_(file), diags_(diags) {}

  LexedSource run() {
    skipShebang();
    for (;;) {
      Token token = next();
      bool eof = token.kind == TokenKind::Eof;
      out_.tokens.push_back(std::move(token));
      if (eof)
        break;
    }
    return std::move(out_);
  }

private:
  std::string_view src_;
  FileId file_;
  DiagnosticEngine& diags_;
  size_t pos_ = 0;
  uint32_t line_ = 1;
  unsigned errors_ = 0;
  uint32_t escapeBegin_ = 0; // the backslash of the escape being read
  LexedSource out_;

  int peek(size_t ahead = 0) const {
    return pos_ + ahead < src_.size() ? static_cast<unsigned char>(src_[pos_ + ahead]) : -1;
  }
  uint32_t at() const { return static_cast<uint32_t>(pos_); }

  Diagnostic* error(std::string code, SourceRange range, std::string message) {
    if (++errors_ > kMaxLexErrors)
      return nullptr;
    return &diags_.error(std::move(code), file_, range, std::move(message));
  }

  // Consumes one line break ("\n", "\r", "\r\n" or "\n\r") and counts it.
  void skipNewline() {
    int first = peek();
    ++pos_;
    if (isNewline(static_cast<unsigned char>(peek())) && peek() != first)
      ++pos_;
    ++line_;
  }

  // What lua5.4 skips at the start of a file: a UTF-8 byte order mark, then a `#` first line.
  void skipShebang() {
    if (src_.compare(0, 3, "\xEF\xBB\xBF") == 0)
      pos_ = 3;
    if (peek() != '#')
      return;
    while (peek() != -1 && !isNewline(static_cast<unsigned char>(peek())))
      ++pos_;
  }

  // At '[': returns the level of a long bracket `[==[` (>= 0), -1 for a plain '[', or -2 for
  // `[=` not followed by '['. Consumes the bracket only when it is a long one.
  int longBracketLevel() {
    size_t p = pos_ + 1;
    int level = 0;
    while (p < src_.size() && src_[p] == '=') {
      ++level;
      ++p;
    }
    if (p < src_.size() && src_[p] == '[') {
      pos_ = p + 1;
      return level;
    }
    return level == 0 ? -1 : -2;
  }

  // Reads the body of a long string/comment after its opening bracket. Returns false at EOF.
  bool readLongBody(int level, std::string* text) {
    if (isNewline(static_cast<unsigned char>(peek())))
      skipNewline(); // the first line break is not part of the string
    for (;;) {
      int c = peek();
      if (c == -1)
        return false;
      if (c == ']') {
        size_t p = pos_ + 1;
        int n = 0;
        while (p < src_.size() && src_[p] == '=') {
          ++n;
          ++p;
        }
        if (n == level && p < src_.size() && src_[p] == ']') {
          pos_ = p + 1;
          return true;
        }
        if (text)
          text->push_back(']');
        ++pos_;
      } else if (isNewline(static_cast<unsigned char>(c))) {
        skipNewline();
        if (text)
          text->push_back('\n');
      } else {
        if (text)
          text->push_back(static_cast<char>(c));
        ++pos_;
      }
    }
  }

  void readComment(uint32_t begin) {
    // At the first byte after "--".
    auto comment = std::make_unique<ast::Comment>();
    if (peek() == '[') {
      size_t save = pos_;
      int level = longBracketLevel();
      if (level >= 0) {
        uint32_t startLine = line_;
        if (!readLongBody(level, &comment->text)) {
          error("unfinished-long-comment", {begin, at()},
                "unfinished long comment (starting at line " + std::to_string(startLine) +
                    ") near <eof>");
        }
        comment->isLong = true;
        comment->range = {begin, at()};
        out_.comments.push_back(std::move(comment));
        return;
      }
      pos_ = save;
    }
    size_t start = pos_;
    while (peek() != -1 && !isNewline(static_cast<unsigned char>(peek())))
      ++pos_;
    comment->text.assign(src_.substr(start, pos_ - start));
    comment->range = {begin, at()};
    out_.comments.push_back(std::move(comment));
  }

  Token make(TokenKind kind, uint32_t begin, uint32_t line) {
    Token t;
    t.kind = kind;
    t.range = {begin, at()};
    t.line = line;
    return t;
  }

  Token next() {
    for (;;) {
      int c = peek();
      uint32_t begin = at();
      uint32_t line = line_;
      switch (c) {
      case -1:
        return make(TokenKind::Eof, begin, line);
      case '\n':
      case '\r':
        skipNewline();
        continue;
      case ' ':
      case '\t':
      case '\f':
      case '\v':
        ++pos_;
        continue;
      case '-':
        if (peek(1) != '-') {
          ++pos_;
          return make(TokenKind::Minus, begin, line);
        }
        pos_ += 2;
        readComment(begin);
        continue;
      case '[': {
        int level = longBracketLevel();
        if (level == -1) {
          ++pos_;
          return make(TokenKind::LBracket, begin, line);
        }
        if (level == -2) {
          while (peek() == '[' || peek() == '=')
            ++pos_;
          out_.dropped.push_back(begin);
          error("invalid-long-string-delimiter", {begin, at()},
                "invalid long string delimiter near " +
                    quoteForMessage(src_.substr(begin, at() - begin)));
          continue;
        }
        Token t;
        t.kind = TokenKind::String;
        t.line = line;
        if (!readLongBody(level, &t.text))
          error("unfinished-long-string", {begin, begin + static_cast<uint32_t>(level) + 2},
                "unfinished long string (starting at line " + std::to_string(line) +
                    ") near <eof>");
        t.range = {begin, at()};
        return t;
      }
      case '=':
        return op2(begin, line, '=', TokenKind::Eq, TokenKind::Assign);
      case '<':
        if (peek(1) == '<') {
          pos_ += 2;
          return make(TokenKind::Shl, begin, line);
        }
        return op2(begin, line, '=', TokenKind::Le, TokenKind::Lt);
      case '>':
        if (peek(1) == '>') {
          pos_ += 2;
          return make(TokenKind::Shr, begin, line);
        }
        return op2(begin, line, '=', TokenKind::Ge, TokenKind::Gt);
      case '/':
        return op2(begin, line, '/', TokenKind::DSlash, TokenKind::Slash);
      case '~':
        return op2(begin, line, '=', TokenKind::Ne, TokenKind::Tilde);
      case ':':
        return op2(begin, line, ':', TokenKind::DbColon, TokenKind::Colon);
      case '"':
      case '\'':
        return readString(begin, line, static_cast<char>(c));
      case '.':
        if (peek(1) == '.') {
          if (peek(2) == '.') {
            pos_ += 3;
            return make(TokenKind::Ellipsis, begin, line);
          }
          pos_ += 2;
          return make(TokenKind::Concat, begin, line);
        }
        if (isDigit(static_cast<unsigned char>(peek(1))))
          return readNumeral(begin, line);
        ++pos_;
        return make(TokenKind::Dot, begin, line);
      case '+':
        return single(TokenKind::Plus, begin, line);
      case '*':
        return single(TokenKind::Star, begin, line);
      case '%':
        return single(TokenKind::Percent, begin, line);
      case '^':
        return single(TokenKind::Caret, begin, line);
      case '#':
        return single(TokenKind::Hash, begin, line);
      case '&':
        if (peek(1) == '&')
          return misspelled(begin, line, 2, TokenKind::And,
                            "'&&' is not a Lua operator; did you mean 'and'?");
        return single(TokenKind::Amp, begin, line);
      case '|':
        if (peek(1) == '|')
          return misspelled(begin, line, 2, TokenKind::Or,
                            "'||' is not a Lua operator; did you mean 'or'?");
        return single(TokenKind::Pipe, begin, line);
      case '!':
        if (peek(1) == '=')
          return misspelled(begin, line, 2, TokenKind::Ne,
                            "'!=' is not a Lua operator; did you mean '~='?");
        return misspelled(begin, line, 1, TokenKind::Not,
                          "'!' is not a Lua operator; did you mean 'not'?");
      case '(':
        return single(TokenKind::LParen, begin, line);
      case ')':
        return single(TokenKind::RParen, begin, line);
      case '{':
        return single(TokenKind::LBrace, begin, line);
      case '}':
        return single(TokenKind::RBrace, begin, line);
      case ']':
        return single(TokenKind::RBracket, begin, line);
      case ';':
        return single(TokenKind::Semi, begin, line);
      case ',':
        return single(TokenKind::Comma, begin, line);
      default:
        if (isDigit(static_cast<unsigned char>(c)))
          return readNumeral(begin, line);
        if (isAlpha(static_cast<unsigned char>(c)))
          return readName(begin, line);
        ++pos_;
        // A UTF-8 character (`é` in a name) is one mistake, not one per byte: its continuation
        // bytes go with it. The message names the first byte, as lua5.4's does.
        if (static_cast<unsigned char>(c) >= 0xC2 && static_cast<unsigned char>(c) <= 0xF4)
          while (pos_ < src_.size() && pos_ - begin < 4 &&
                 (static_cast<unsigned char>(src_[pos_]) & 0xC0) == 0x80)
            ++pos_;
        out_.dropped.push_back(begin);
        error("unexpected-character", {begin, at()},
              "unexpected symbol near " + quoteForMessage(src_.substr(begin, 1)));
        continue;
      }
    }
  }

  Token single(TokenKind kind, uint32_t begin, uint32_t line) {
    ++pos_;
    return make(kind, begin, line);
  }

  Token op2(uint32_t begin, uint32_t line, char second, TokenKind two, TokenKind one) {
    if (peek(1) == second) {
      pos_ += 2;
      return make(two, begin, line);
    }
    ++pos_;
    return make(one, begin, line);
  }

  // An operator from another language: report it with the Lua spelling as a fix-it, then carry
  // on as if the user had written the Lua operator, so the rest of the file is still checked.
  Token misspelled(uint32_t begin, uint32_t line, size_t length, TokenKind kind,
                   std::string message) {
    pos_ += length;
    if (Diagnostic* d = error("unexpected-symbol", {begin, at()}, std::move(message)))
      d->fixIt = FixIt{{begin, at()}, spelling(kind)};
    return make(kind, begin, line);
  }

  Token readName(uint32_t begin, uint32_t line) {
    while (isAlnum(static_cast<unsigned char>(peek())))
      ++pos_;
    std::string_view word = src_.substr(begin, pos_ - begin);
    for (const Keyword& k : kKeywords)
      if (word == k.text)
        return make(k.kind, begin, line);
    Token t = make(TokenKind::Name, begin, line);
    t.text.assign(word);
    return t;
  }

  Token readNumeral(uint32_t begin, uint32_t line) {
    // llex.c's read_numeral: take every character that could belong to a numeral, then
    // validate the whole thing, so "3x" and "1..2" are one malformed numeral.
    const char* expo = "Ee";
    if (peek() == '0' && (peek(1) == 'x' || peek(1) == 'X')) {
      expo = "Pp";
      pos_ += 2;
    }
    for (;;) {
      int c = peek();
      if (c > 0 && std::strchr(expo, c)) {
        ++pos_;
        if (peek() == '+' || peek() == '-')
          ++pos_;
      } else if (c != -1 && (isHex(static_cast<unsigned char>(c)) || c == '.')) {
        ++pos_;
      } else {
        break;
      }
    }
    if (isAlnum(static_cast<unsigned char>(peek())))
      while (isAlnum(static_cast<unsigned char>(peek())) || peek() == '.')
        ++pos_;
    Token t = make(TokenKind::Numeral, begin, line);
    std::string_view text = src_.substr(begin, pos_ - begin);
    if (!convertNumeral(text, t))
      error("malformed-number", t.range, "malformed number near " + quoteForMessage(text));
    return t;
  }

  Token readString(uint32_t begin, uint32_t line, char quote) {
    Token t;
    t.kind = TokenKind::String;
    t.line = line;
    ++pos_;
    for (;;) {
      int c = peek();
      if (c == -1 || isNewline(static_cast<unsigned char>(c))) {
        error("unfinished-string", {begin, at()},
              "unfinished string near " +
                  (c == -1 ? std::string("<eof>")
                           : quoteForMessage(src_.substr(begin, pos_ - begin))));
        break;
      }
      if (c == quote) {
        ++pos_;
        break;
      }
      if (c == '\\') {
        readEscape(begin, t.text);
        continue;
      }
      t.text.push_back(static_cast<char>(c));
      ++pos_;
    }
    t.range = {begin, at()};
    return t;
  }

  void escapeError(uint32_t stringBegin, std::string message) {
    size_t end = pos_ < src_.size() ? pos_ + 1 : pos_;
    error("invalid-escape", {escapeBegin_, static_cast<uint32_t>(end)},
          message + " near " + quoteForMessage(src_.substr(stringBegin, end - stringBegin)));
  }

  // At the backslash of an escape sequence inside a short string.
  void readEscape(uint32_t stringBegin, std::string& out) {
    escapeBegin_ = at();
    ++pos_;
    int c = peek();
    switch (c) {
    case 'a':
      out += '\a';
      ++pos_;
      return;
    case 'b':
      out += '\b';
      ++pos_;
      return;
    case 'f':
      out += '\f';
      ++pos_;
      return;
    case 'n':
      out += '\n';
      ++pos_;
      return;
    case 'r':
      out += '\r';
      ++pos_;
      return;
    case 't':
      out += '\t';
      ++pos_;
      return;
    case 'v':
      out += '\v';
      ++pos_;
      return;
    case '\\':
      out += '\\';
      ++pos_;
      return;
    case '"':
      out += '"';
      ++pos_;
      return;
    case '\'':
      out += '\'';
      ++pos_;
      return;
    case '\n':
    case '\r':
      skipNewline();
      out += '\n';
      return;
    case 'x': {
      ++pos_;
      int value = 0;
      for (int i = 0; i < 2; ++i) {
        if (!isHex(static_cast<unsigned char>(peek()))) {
          escapeError(stringBegin, "hexadecimal digit expected");
          return;
        }
        value = value * 16 + hexValue(static_cast<unsigned char>(peek()));
        ++pos_;
      }
      out += static_cast<char>(value);
      return;
    }
    case 'z':
      ++pos_;
      while (peek() > 0 &&
             (std::strchr(" \t\f\v", peek()) || isNewline(static_cast<unsigned char>(peek())))) {
        if (isNewline(static_cast<unsigned char>(peek())))
          skipNewline();
        else
          ++pos_;
      }
      return;
    case 'u': {
      ++pos_;
      if (peek() != '{') {
        escapeError(stringBegin, "missing '{' in \\u{xxxx}");
        return;
      }
      ++pos_;
      if (!isHex(static_cast<unsigned char>(peek()))) {
        escapeError(stringBegin, "hexadecimal digit expected");
        return;
      }
      unsigned long value = 0;
      while (isHex(static_cast<unsigned char>(peek()))) {
        if (value > (0x7FFFFFFFul >> 4)) {
          escapeError(stringBegin, "UTF-8 value too large");
          while (isHex(static_cast<unsigned char>(peek())) || peek() == '}')
            ++pos_;
          return;
        }
        value =
            value * 16 + static_cast<unsigned long>(hexValue(static_cast<unsigned char>(peek())));
        ++pos_;
      }
      if (peek() != '}') {
        escapeError(stringBegin, "missing '}' in \\u{xxxx}");
        return;
      }
      ++pos_;
      appendUtf8(out, value);
      return;
    }
    default:
      if (isDigit(static_cast<unsigned char>(c))) {
        int value = 0;
        for (int i = 0; i < 3 && isDigit(static_cast<unsigned char>(peek())); ++i) {
          value = value * 10 + (peek() - '0');
          ++pos_;
        }
        if (value > 255) {
          --pos_;
          escapeError(stringBegin, "decimal escape too large");
          ++pos_;
          return;
        }
        out += static_cast<char>(value);
        return;
      }
      if (c == -1)
        return; // the caller reports the unfinished string
      escapeError(stringBegin, "invalid escape sequence");
      if (!isNewline(static_cast<unsigned char>(c)))
        ++pos_;
      return;
    }
  }
};

} // namespace

bool convertNumeral(std::string_view text, Token& out) {
  if (text.empty())
    return false;
  // l_str2int: decimal or hexadecimal integer.
  bool hex = text.size() > 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X');
  {
    size_t i = hex ? 2 : 0;
    uint64_t value = 0;
    bool overflow = false;
    bool any = false;
    for (; i < text.size(); ++i) {
      unsigned char c = static_cast<unsigned char>(text[i]);
      if (hex && isHex(c)) {
        value = value * 16 + static_cast<uint64_t>(hexValue(c)); // wraps around, as in Lua
      } else if (!hex && isDigit(c)) {
        uint64_t d = c - '0';
        if (value > (static_cast<uint64_t>(INT64_MAX) - d) / 10)
          overflow = true;
        value = value * 10 + d;
      } else {
        break;
      }
      any = true;
    }
    if (any && i == text.size() && !overflow) {
      out.isInteger = true;
      out.integer = static_cast<int64_t>(value);
      return true;
    }
  }
  // l_str2d: a float, decimal or hexadecimal. Lua rejects "inf" and "nan" spelled out.
  for (char c : text)
    if (c == 'n' || c == 'N')
      return false;
  std::string copy(text);
  char* end = nullptr;
  double d = std::strtod(copy.c_str(), &end);
  if (end != copy.c_str() + copy.size())
    return false;
  out.isInteger = false;
  out.number = d;
  return true;
}

std::string describeToken(const Token& token, std::string_view source) {
  if (token.kind == TokenKind::Eof)
    return "<eof>";
  constexpr size_t kMaxShown = 40;
  std::string_view text = source.substr(token.range.begin, token.range.end - token.range.begin);
  if (text.size() > kMaxShown) {
    std::string quoted = quoteForMessage(text.substr(0, kMaxShown));
    quoted.pop_back(); // the closing quote
    return quoted + "...'";
  }
  return quoteForMessage(text);
}

LexedSource lex(std::string_view text, FileId file, DiagnosticEngine& diags) {
  return Lexer(text, file, diags).run();
}

} // namespace sloth
