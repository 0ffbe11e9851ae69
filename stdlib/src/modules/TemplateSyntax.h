#pragma once
// The Jinja2 subset's syntax: the template source split into text and tags (with `{%- -%}`
// whitespace control and `{# #}` comments), and parsed into a tree of nodes and expressions.
//
//   {{ expr }}   expr: literals, names, a.b, a[i], a.items(), [lists], (parens), filters
//                (x | f(args)), tests (x is defined), not/and/or, == != < > <= >= in,
//                + - * / // % ~, and `a if cond else b`.
//   {% if %}{% elif %}{% else %}{% endif %}  {% for x in xs %}{% else %}{% endfor %}
//   {% for k, v in m.items() %}  {% set name = expr %}

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace sloth::stdlib::modules {

struct TemplateExpr {
  enum class Kind {
    Literal,   // text holds the source of a number/string/bool/none literal; see literalKind
    Name,      // text
    Attribute, // operands[0].text
    Index,     // operands[0][operands[1]]
    Call,      // operands[0] is an Attribute naming the method; no arguments
    Filter,    // operands[0] | text(operands[1..])
    Test,      // operands[0] is text (negated when `negate`)
    Not,
    Negate,
    Binary, // operands[0] text operands[1]
    List,
    Conditional, // operands[1] if operands[0] else operands[2]
  };
  enum class LiteralKind { None, Boolean, Integer, Float, String };
  Kind kind = Kind::Literal;
  LiteralKind literalKind = LiteralKind::None;
  std::string text;
  bool negate = false;
  int line = 1;
  std::vector<std::unique_ptr<TemplateExpr>> operands;
  std::size_t depth = 1; // of the tree under it: rendering recurses this deep
};

struct TemplateNode {
  enum class Kind { Text, Output, If, For, Set };
  Kind kind = Kind::Text;
  int line = 1;
  std::string text;                 // Text: the text; Set: the name
  std::vector<std::string> targets; // For: loop variables
  std::vector<std::unique_ptr<TemplateExpr>>
      conditions; // If: one per branch; For: iterable; Output/Set: value
  std::vector<std::vector<std::unique_ptr<TemplateNode>>>
      bodies; // If: one per branch (+ else); For: body (+ else)
};

using TemplateBody = std::vector<std::unique_ptr<TemplateNode>>;

/// Parses a template; throws TemplateError "line N: ..." on a syntax error.
TemplateBody parseTemplate(std::string_view source);

} // namespace sloth::stdlib::modules
