#pragma once
// Renders the Jinja2 subset of TemplateSyntax.h as Jinja2 does with StrictUndefined: an unknown
// variable raises "line N: undefined variable 'name'" instead of rendering as nothing (tests
// `is defined` and the `default` filter still see it). Filters: default (d), upper, lower,
// capitalize, title, trim, join, replace, length (count), first, last, sort, reverse, string,
// int, float, abs.

#include "TemplateValue.h"

#include <string>
#include <string_view>

namespace sloth::stdlib::modules {

/// Throws TemplateError "line N: ..." for syntax errors, undefined variables and bad operands.
std::string renderTemplate(std::string_view source, const TemplateMap& variables);

} // namespace sloth::stdlib::modules
