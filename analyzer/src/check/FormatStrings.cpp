// string.format against its literal format: a conversion without a value, or one Lua does not
// have, fails when the call runs ("bad argument #3 to 'format' (no value)", "invalid
// conversion '%y' to 'format'").
#include "Walker.h"

#include <fmt/core.h>

#include <cctype>
#include <string_view>

namespace sloth::check {

using namespace ast;

namespace {

struct Conversion {
  size_t offset; // of the '%' in the format
  size_t length;
  bool valid;
};

// The conversions of a Lua format string, `%%` excluded.
std::vector<Conversion> conversionsOf(std::string_view format) {
  std::vector<Conversion> out;
  for (size_t i = 0; i < format.size(); ++i) {
    if (format[i] != '%')
      continue;
    size_t start = i++;
    if (i < format.size() && format[i] == '%')
      continue;
    while (i < format.size() && std::string_view("-+ #0").find(format[i]) != std::string_view::npos)
      ++i;
    while (i < format.size() && std::isdigit(static_cast<unsigned char>(format[i])))
      ++i;
    if (i < format.size() && format[i] == '.') {
      ++i;
      while (i < format.size() && std::isdigit(static_cast<unsigned char>(format[i])))
        ++i;
    }
    bool valid = i < format.size() &&
                 std::string_view("diucxXoeEfgGqsaAp").find(format[i]) != std::string_view::npos;
    out.push_back({start, std::min(i + 1, format.size()) - start, valid});
  }
  return out;
}

} // namespace

void Walker::checkFormatString(const Expr* format, std::span<Expr* const> values,
                               SourceRange callRange) {
  if (quiet_)
    return;
  while (const auto* paren = format->as<ParenExpr>()) // `("%s=%s"):format(k, v)`
    format = paren->inner;
  TypeRef t = resolved(literalType(format, peek(format)));
  if (!t || t->kind() != types::TypeKind::StringLiteral)
    return;
  std::string_view text = t->stringValue();
  std::vector<Conversion> conversions = conversionsOf(text);
  for (const Conversion& c : conversions)
    if (!c.valid) {
      report(Severity::Warning, "arg-type-mismatch", format->range,
             fmt::format("string.format: invalid conversion '{}' in the format (Lua's are %d, "
                         "%s, %q, %f, %g, %x, %c, %o, %e, %a, %i, %u)",
                         text.substr(c.offset, c.length)));
      return;
    }
  // f(g()) passes all of g's results: not counted.
  if (!values.empty() && values.back()->isMultiValue())
    return;
  if (values.size() >= conversions.size())
    return;
  const Conversion& first = conversions[values.size()];
  report(Severity::Warning, "wrong-arg-count", callRange,
         fmt::format("string.format: the format has {} {} but gets {} {}: '{}' has no value",
                     conversions.size(), conversions.size() == 1 ? "conversion" : "conversions",
                     values.size(), values.size() == 1 ? "value" : "values",
                     text.substr(first.offset, first.length)));
}

} // namespace sloth::check
