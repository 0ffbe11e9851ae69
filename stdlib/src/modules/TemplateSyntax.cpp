#include "TemplateSyntax.h"

#include "TemplateError.h"

#include <algorithm>
#include <cctype>
#include <initializer_list>

namespace sloth::stdlib::modules {

namespace {

[[noreturn]] void syntaxError(int line, const std::string& message) {
  throw TemplateError(line, message);
}

struct Tag {
  enum class Kind { Text, Output, Statement };
  Kind kind;
  std::string body;
  int line;
};

int countLines(std::string_view text) {
  return static_cast<int>(std::count(text.begin(), text.end(), '\n'));
}

bool isSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

// Where the tag closing with `closer` ends, skipping quoted strings; npos when unclosed.
std::size_t findCloser(std::string_view source, std::size_t from, std::string_view closer) {
  char quote = 0;
  for (std::size_t i = from; i + 1 < source.size() + 1; i++) {
    char c = source[i];
    if (quote) {
      if (c == '\\')
        i++;
      else if (c == quote)
        quote = 0;
    } else if (c == '\'' || c == '"') {
      quote = c;
    } else if (source.substr(i, closer.size()) == closer) {
      return i;
    }
  }
  return std::string_view::npos;
}

std::vector<Tag> splitTags(std::string_view source) {
  if (source.ends_with('\n')) // Jinja2's keep_trailing_newline = False
    source.remove_suffix(1);
  std::vector<Tag> tags;
  std::size_t pos = 0;
  int line = 1;
  bool stripLeading = false;
  while (pos < source.size()) {
    std::size_t open = pos;
    while ((open = source.find('{', open)) != std::string_view::npos &&
           (open + 1 >= source.size() ||
            (source[open + 1] != '{' && source[open + 1] != '%' && source[open + 1] != '#')))
      open++;
    std::string_view raw = source.substr(pos, open == std::string_view::npos ? open : open - pos);
    std::string text(raw);
    int textLine = line;
    line += countLines(raw);
    if (stripLeading) {
      std::size_t first = 0;
      while (first < text.size() && isSpace(text[first]))
        first++;
      textLine += countLines(std::string_view(text).substr(0, first));
      text.erase(0, first);
    }
    if (open == std::string_view::npos) {
      if (!text.empty())
        tags.push_back({Tag::Kind::Text, text, textLine});
      break;
    }
    char kind = source[open + 1];
    std::size_t bodyStart = open + 2;
    if (bodyStart < source.size() && source[bodyStart] == '-') {
      while (!text.empty() && isSpace(text.back()))
        text.pop_back();
      bodyStart++;
    }
    if (!text.empty())
      tags.push_back({Tag::Kind::Text, text, textLine});
    std::string_view closer = kind == '{' ? "}}" : kind == '%' ? "%}" : "#}";
    std::size_t close =
        kind == '#' ? source.find(closer, bodyStart) : findCloser(source, bodyStart, closer);
    if (close == std::string_view::npos)
      syntaxError(line, std::string("unclosed '") + source[open] + kind + "'");
    std::size_t bodyEnd = close;
    stripLeading = bodyEnd > bodyStart && source[bodyEnd - 1] == '-';
    if (stripLeading)
      bodyEnd--;
    if (kind != '#')
      tags.push_back({kind == '{' ? Tag::Kind::Output : Tag::Kind::Statement,
                      std::string(source.substr(bodyStart, bodyEnd - bodyStart)), line});
    line += countLines(source.substr(open, close + 2 - open));
    pos = close + 2;
  }
  return tags;
}

struct Token {
  enum class Kind { Name, Integer, Float, String, Operator, End };
  Kind kind;
  std::string text;
};

std::vector<Token> tokenize(std::string_view body, int line) {
  std::vector<Token> tokens;
  std::size_t i = 0;
  while (true) {
    while (i < body.size() && isSpace(body[i]))
      i++;
    if (i >= body.size())
      break;
    char c = body[i];
    if (std::isalpha(static_cast<unsigned char>(c)) || c == '_') {
      std::size_t start = i;
      while (i < body.size() &&
             (std::isalnum(static_cast<unsigned char>(body[i])) || body[i] == '_'))
        i++;
      tokens.push_back({Token::Kind::Name, std::string(body.substr(start, i - start))});
    } else if (std::isdigit(static_cast<unsigned char>(c))) {
      std::size_t start = i;
      bool isFloat = false;
      while (i < body.size() &&
             (std::isdigit(static_cast<unsigned char>(body[i])) || body[i] == '_' ||
              (body[i] == '.' && i + 1 < body.size() &&
               std::isdigit(static_cast<unsigned char>(body[i + 1]))) ||
              body[i] == 'e' || body[i] == 'E' ||
              ((body[i] == '+' || body[i] == '-') && (body[i - 1] == 'e' || body[i - 1] == 'E')))) {
        isFloat = isFloat || body[i] == '.' || body[i] == 'e' || body[i] == 'E';
        i++;
      }
      std::string digits;
      for (char d : body.substr(start, i - start))
        if (d != '_')
          digits += d;
      tokens.push_back({isFloat ? Token::Kind::Float : Token::Kind::Integer, digits});
    } else if (c == '\'' || c == '"') {
      std::string value;
      i++;
      while (i < body.size() && body[i] != c) {
        if (body[i] == '\\' && i + 1 < body.size()) {
          char e = body[++i];
          value += e == 'n' ? '\n' : e == 't' ? '\t' : e == 'r' ? '\r' : e;
        } else {
          value += body[i];
        }
        i++;
      }
      if (i >= body.size())
        syntaxError(line, "unterminated string");
      i++;
      tokens.push_back({Token::Kind::String, value});
    } else {
      static const char* const kOperators[] = {"==", "!=", "<=", ">=", "//", "<", ">", "+",
                                               "-",  "*",  "/",  "%",  "~",  "(", ")", "[",
                                               "]",  ",",  ".",  "|",  "=",  ":"};
      bool matched = false;
      for (const char* op : kOperators) {
        std::string_view o(op);
        if (body.substr(i, o.size()) == o) {
          tokens.push_back({Token::Kind::Operator, std::string(o)});
          i += o.size();
          matched = true;
          break;
        }
      }
      if (!matched)
        syntaxError(line, std::string("unexpected character '") + c + "'");
    }
  }
  tokens.push_back({Token::Kind::End, ""});
  return tokens;
}

using ExprPtr = std::unique_ptr<TemplateExpr>;

class ExpressionParser {
public:
  ExpressionParser(std::string_view body, int line) : tokens(tokenize(body, line)), line(line) {}

  bool atEnd() const { return peek().kind == Token::Kind::End; }
  const Token& peek(std::size_t ahead = 0) const {
    return tokens[std::min(position + ahead, tokens.size() - 1)];
  }
  bool isName(std::string_view name, std::size_t ahead = 0) const {
    return peek(ahead).kind == Token::Kind::Name && peek(ahead).text == name;
  }
  bool isOperator(std::string_view op) const {
    return peek().kind == Token::Kind::Operator && peek().text == op;
  }
  bool acceptName(std::string_view name) {
    if (!isName(name))
      return false;
    position++;
    return true;
  }
  bool acceptOperator(std::string_view op) {
    if (!isOperator(op))
      return false;
    position++;
    return true;
  }
  void expectOperator(std::string_view op) {
    if (!acceptOperator(op))
      fail("expected '" + std::string(op) + "'");
  }
  std::string expectName() {
    if (peek().kind != Token::Kind::Name)
      fail("expected a name");
    return tokens[position++].text;
  }
  void expectEnd() {
    if (!atEnd())
      fail("unexpected '" + peek().text + "'");
  }
  [[noreturn]] void fail(const std::string& message) const {
    std::string found = atEnd() ? "the end of the tag" : "'" + peek().text + "'";
    syntaxError(line, message + ", found " + found);
  }

  ExprPtr expression() {
    Nested nested(*this);
    ExprPtr value = orExpression();
    if (isName("if")) {
      position++;
      ExprPtr condition = orExpression();
      ExprPtr otherwise;
      if (acceptName("else"))
        otherwise = expression();
      else
        otherwise = literal(TemplateExpr::LiteralKind::None, "");
      return node(TemplateExpr::Kind::Conditional, "", std::move(condition), std::move(value),
                  std::move(otherwise));
    }
    return value;
  }

private:
  // Expressions nest at most this deep (parsing, rendering and freeing them recurse): far past
  // any real template, far below the C++ stack's end.
  static constexpr std::size_t kMaxDepth = 100;

  // Counts a level of the parser's recursion (parentheses, lists, `not`, unary minus).
  struct Nested {
    explicit Nested(ExpressionParser& parser) : parser(parser) {
      if (++parser.nesting > kMaxDepth)
        parser.tooDeep();
    }
    ~Nested() { --parser.nesting; }
    ExpressionParser& parser;
  };
  [[noreturn]] void tooDeep() const {
    syntaxError(line, "the expression nests more than " + std::to_string(kMaxDepth) + " levels");
  }
  // Adds an operand to `e`, keeping its depth (chains like a.b.c or 1 + 2 + 3 nest too).
  void adopt(TemplateExpr& e, ExprPtr operand) {
    e.depth = std::max(e.depth, operand->depth + 1);
    if (e.depth > kMaxDepth)
      tooDeep();
    e.operands.push_back(std::move(operand));
  }

  ExprPtr literal(TemplateExpr::LiteralKind kind, std::string text) {
    auto e = std::make_unique<TemplateExpr>();
    e->kind = TemplateExpr::Kind::Literal;
    e->literalKind = kind;
    e->text = std::move(text);
    e->line = line;
    return e;
  }
  template <typename... Operands>
  ExprPtr node(TemplateExpr::Kind kind, std::string text, Operands&&... operands) {
    auto e = std::make_unique<TemplateExpr>();
    e->kind = kind;
    e->text = std::move(text);
    e->line = line;
    (adopt(*e, std::forward<Operands>(operands)), ...);
    return e;
  }

  ExprPtr orExpression() {
    ExprPtr left = andExpression();
    while (acceptName("or"))
      left = node(TemplateExpr::Kind::Binary, "or", std::move(left), andExpression());
    return left;
  }
  ExprPtr andExpression() {
    ExprPtr left = notExpression();
    while (acceptName("and"))
      left = node(TemplateExpr::Kind::Binary, "and", std::move(left), notExpression());
    return left;
  }
  ExprPtr notExpression() {
    if (acceptName("not")) {
      Nested nested(*this);
      return node(TemplateExpr::Kind::Not, "", notExpression());
    }
    return comparison();
  }
  ExprPtr comparison() {
    ExprPtr left = concatenation();
    while (true) {
      if (peek().kind == Token::Kind::Operator &&
          (peek().text == "==" || peek().text == "!=" || peek().text == "<" || peek().text == ">" ||
           peek().text == "<=" || peek().text == ">=")) {
        std::string op = tokens[position++].text;
        left = node(TemplateExpr::Kind::Binary, op, std::move(left), concatenation());
      } else if (acceptName("in")) {
        left = node(TemplateExpr::Kind::Binary, "in", std::move(left), concatenation());
      } else if (isName("not") && isName("in", 1)) {
        position += 2;
        left = node(TemplateExpr::Kind::Not, "",
                    node(TemplateExpr::Kind::Binary, "in", std::move(left), concatenation()));
      } else {
        return left;
      }
    }
  }
  ExprPtr concatenation() {
    ExprPtr left = additive();
    while (acceptOperator("~"))
      left = node(TemplateExpr::Kind::Binary, "~", std::move(left), additive());
    return left;
  }
  ExprPtr additive() {
    ExprPtr left = multiplicative();
    while (isOperator("+") || isOperator("-")) {
      std::string op = tokens[position++].text;
      left = node(TemplateExpr::Kind::Binary, op, std::move(left), multiplicative());
    }
    return left;
  }
  ExprPtr multiplicative() {
    ExprPtr left = filtered();
    while (isOperator("*") || isOperator("/") || isOperator("//") || isOperator("%")) {
      std::string op = tokens[position++].text;
      left = node(TemplateExpr::Kind::Binary, op, std::move(left), filtered());
    }
    return left;
  }
  ExprPtr unary() {
    if (acceptOperator("-")) {
      Nested nested(*this);
      return node(TemplateExpr::Kind::Negate, "", unary());
    }
    if (acceptOperator("+")) {
      Nested nested(*this);
      return unary();
    }
    return postfix();
  }
  // Filters and tests apply to a unary expression, as in Jinja2: `a ~ b | upper` upper-cases b,
  // `-3 | abs` is 3.
  ExprPtr filtered() {
    ExprPtr value = unary();
    while (true) {
      if (acceptOperator("|")) {
        ExprPtr filter = node(TemplateExpr::Kind::Filter, expectName(), std::move(value));
        if (acceptOperator("(")) {
          while (!acceptOperator(")")) {
            adopt(*filter, expression());
            if (!isOperator(")"))
              expectOperator(",");
          }
        }
        value = std::move(filter);
      } else if (acceptName("is")) {
        bool negate = acceptName("not");
        ExprPtr test = node(TemplateExpr::Kind::Test, expectName(), std::move(value));
        test->negate = negate;
        value = std::move(test);
      } else {
        return value;
      }
    }
  }
  ExprPtr postfix() {
    ExprPtr value = primary();
    while (true) {
      if (acceptOperator(".")) {
        value = node(TemplateExpr::Kind::Attribute, expectName(), std::move(value));
        if (acceptOperator("(")) {
          expectOperator(")");
          value = node(TemplateExpr::Kind::Call, "", std::move(value));
        }
      } else if (acceptOperator("[")) {
        ExprPtr index = expression();
        expectOperator("]");
        value = node(TemplateExpr::Kind::Index, "", std::move(value), std::move(index));
      } else {
        return value;
      }
    }
  }
  ExprPtr primary() {
    const Token& token = peek();
    switch (token.kind) {
    case Token::Kind::Integer:
      position++;
      return literal(TemplateExpr::LiteralKind::Integer, token.text);
    case Token::Kind::Float:
      position++;
      return literal(TemplateExpr::LiteralKind::Float, token.text);
    case Token::Kind::String:
      position++;
      return literal(TemplateExpr::LiteralKind::String, token.text);
    case Token::Kind::Name:
      position++;
      if (token.text == "true" || token.text == "True")
        return literal(TemplateExpr::LiteralKind::Boolean, "true");
      if (token.text == "false" || token.text == "False")
        return literal(TemplateExpr::LiteralKind::Boolean, "false");
      if (token.text == "none" || token.text == "None")
        return literal(TemplateExpr::LiteralKind::None, "");
      return node(TemplateExpr::Kind::Name, token.text);
    case Token::Kind::Operator:
      if (acceptOperator("(")) {
        ExprPtr inner = expression();
        expectOperator(")");
        return inner;
      }
      if (acceptOperator("[")) {
        ExprPtr list = node(TemplateExpr::Kind::List, "");
        while (!acceptOperator("]")) {
          adopt(*list, expression());
          if (!isOperator("]"))
            expectOperator(",");
        }
        return list;
      }
      break;
    case Token::Kind::End:
      break;
    }
    fail("expected an expression");
  }

  std::vector<Token> tokens;
  std::size_t position = 0;
  std::size_t nesting = 0; // levels of the parser's recursion now open
  int line;
};

class TemplateParser {
public:
  explicit TemplateParser(std::vector<Tag> tags) : tags(std::move(tags)) {}

  TemplateBody parseAll() {
    std::string ended;
    TemplateBody body = parseBody({}, ended);
    return body;
  }

private:
  // Nodes up to a statement whose keyword is in `terminators` (its name is put in `ended` and
  // the parser stays on its tag's expression).
  TemplateBody parseBody(std::initializer_list<std::string_view> terminators, std::string& ended,
                         const std::string& opener = "", int openerLine = 0) {
    // Blocks nest at most this deep: parsing and rendering recurse once per level.
    constexpr std::size_t kMaxBlockDepth = 100;
    if (++blockDepth > kMaxBlockDepth)
      syntaxError(openerLine, "blocks ('if', 'for') nested more than " +
                                  std::to_string(kMaxBlockDepth) + " levels deep");
    struct Leave {
      std::size_t& depth;
      ~Leave() { --depth; }
    } leave{blockDepth};
    TemplateBody body;
    while (index < tags.size()) {
      const Tag& tag = tags[index++];
      if (tag.kind == Tag::Kind::Text) {
        auto text = std::make_unique<TemplateNode>();
        text->kind = TemplateNode::Kind::Text;
        text->text = tag.body;
        text->line = tag.line;
        body.push_back(std::move(text));
        continue;
      }
      current = std::make_unique<ExpressionParser>(tag.body, tag.line);
      if (tag.kind == Tag::Kind::Output) {
        auto output = std::make_unique<TemplateNode>();
        output->kind = TemplateNode::Kind::Output;
        output->line = tag.line;
        output->conditions.push_back(current->expression());
        current->expectEnd();
        body.push_back(std::move(output));
        continue;
      }
      std::string keyword = current->expectName();
      if (std::find(terminators.begin(), terminators.end(), keyword) != terminators.end()) {
        ended = keyword;
        return body;
      }
      if (keyword == "if")
        body.push_back(parseIf(tag.line));
      else if (keyword == "for")
        body.push_back(parseFor(tag.line));
      else if (keyword == "set")
        body.push_back(parseSet(tag.line));
      else
        syntaxError(tag.line, "unknown tag '" + keyword + "'");
    }
    if (terminators.size() != 0)
      syntaxError(openerLine, "'" + opener + "' is never closed (expected '" +
                                  std::string(*(terminators.end() - 1)) + "')");
    return body;
  }

  std::unique_ptr<TemplateNode> parseIf(int line) {
    auto node = std::make_unique<TemplateNode>();
    node->kind = TemplateNode::Kind::If;
    node->line = line;
    node->conditions.push_back(current->expression());
    current->expectEnd();
    while (true) {
      std::string ended;
      node->bodies.push_back(parseBody({"elif", "else", "endif"}, ended, "if", line));
      if (ended == "elif") {
        node->conditions.push_back(current->expression());
        current->expectEnd();
      } else if (ended == "else") {
        current->expectEnd();
        node->bodies.push_back(parseBody({"endif"}, ended, "if", line));
        current->expectEnd();
        return node;
      } else {
        current->expectEnd();
        return node;
      }
    }
  }

  std::unique_ptr<TemplateNode> parseFor(int line) {
    auto node = std::make_unique<TemplateNode>();
    node->kind = TemplateNode::Kind::For;
    node->line = line;
    node->targets.push_back(current->expectName());
    while (current->acceptOperator(","))
      node->targets.push_back(current->expectName());
    if (!current->acceptName("in"))
      current->fail("expected 'in'");
    node->conditions.push_back(current->expression());
    current->expectEnd();
    std::string ended;
    node->bodies.push_back(parseBody({"else", "endfor"}, ended, "for", line));
    current->expectEnd();
    if (ended == "else") {
      node->bodies.push_back(parseBody({"endfor"}, ended, "for", line));
      current->expectEnd();
    }
    return node;
  }

  std::unique_ptr<TemplateNode> parseSet(int line) {
    auto node = std::make_unique<TemplateNode>();
    node->kind = TemplateNode::Kind::Set;
    node->line = line;
    node->text = current->expectName();
    current->expectOperator("=");
    node->conditions.push_back(current->expression());
    current->expectEnd();
    return node;
  }

  std::vector<Tag> tags;
  std::size_t index = 0;
  std::size_t blockDepth = 0; // bodies being parsed, one inside the other
  std::unique_ptr<ExpressionParser> current;
};

} // namespace

TemplateBody parseTemplate(std::string_view source) {
  return TemplateParser(splitTags(source)).parseAll();
}

} // namespace sloth::stdlib::modules
