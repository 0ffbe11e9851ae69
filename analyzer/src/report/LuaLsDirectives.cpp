// lua-language-server's `---@diagnostic` lines, honoured so that a script written for LuaLS needs
// no second set of comments:
//
//   ---@diagnostic disable-next-line: undefined-global     the next line
//   print(x) ---@diagnostic disable-line: undefined-global  this line
//   ---@diagnostic disable: unused-local                    from here to `enable` or the end
//   ---@diagnostic enable: unused-local
//
// Without names, every check is silenced. LuaLS's names map to the checks that find the same
// thing (`need-check-nil` is possibly-nil, `undefined-field` unknown-field and
// unknown-module-function, ...); slothc's own codes work too. Names with no slothc counterpart are
// accepted and do nothing, and such lines are never reported as unused: they are there for LuaLS.
#include "sloth/analyzer/report/Suppressions.h"

#include <cctype>
#include <map>
#include <optional>
#include <string_view>

namespace sloth::report {

namespace {

// LuaLS diagnostic names -> the slothc codes that report the same mistakes.
const std::multimap<std::string_view, std::string_view>& luaLsCodes() {
  static const std::multimap<std::string_view, std::string_view> kCodes = {
      {"undefined-global", "undefined-global"},
      {"unused-local", "unused-local"},
      {"unused-local", "unused-argument"},
      {"unused-local", "unused-loop-variable"},
      {"unused-function", "unused-local"},
      {"unused-label", "unused-label"},
      {"unreachable-code", "unreachable-code"},
      {"code-after-break", "unreachable-code"},
      {"deprecated", "deprecated"},
      {"duplicate-index", "duplicate-key"},
      {"need-check-nil", "possibly-nil"},
      {"undefined-field", "unknown-field"},
      {"undefined-field", "unknown-module-function"},
      {"inject-field", "unknown-field"},
      {"param-type-mismatch", "arg-type-mismatch"},
      {"param-type-mismatch", "unknown-option"},
      {"param-type-mismatch", "option-value"},
      {"param-type-mismatch", "octal-mode"},
      {"missing-fields", "missing-required-option"},
      {"missing-parameter", "wrong-arg-count"},
      {"redundant-parameter", "wrong-arg-count"},
      {"discard-returns", "ignored-exec-result"},
      {"undefined-doc-name", "bad-annotation"},
      {"undefined-doc-class", "bad-annotation"},
      {"undefined-doc-param", "bad-annotation"},
      {"doc-field-no-class", "bad-annotation"},
      {"luadoc-miss-type-name", "bad-annotation"},
  };
  return kCodes;
}

// The slothc codes a name in a `---@diagnostic` line stands for.
std::vector<std::string> codesFor(std::string_view name) {
  std::vector<std::string> out;
  auto [from, to] = luaLsCodes().equal_range(name);
  for (auto it = from; it != to; ++it)
    out.emplace_back(it->second);
  if (out.empty()) // slothc's own codes are welcome too (`disable-next-line: possibly-nil`)
    out.emplace_back(name);
  return out;
}

bool isNameChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_';
}

struct Directive {
  std::string_view action;             // disable-next-line, disable-line, disable, enable
  std::vector<std::string_view> names; // empty: every check
};

// `-@diagnostic ACTION[: name, name]` (the comment's text after "--"); nullopt for other comments.
std::optional<Directive> parseDirective(std::string_view text) {
  constexpr std::string_view kTag = "-@diagnostic";
  size_t pos = text.find_first_not_of(" \t");
  if (pos == std::string_view::npos || text.substr(pos, kTag.size()) != kTag)
    return std::nullopt;
  pos += kTag.size();
  Directive d;
  auto skipBlanks = [&] {
    while (pos < text.size() && (text[pos] == ' ' || text[pos] == '\t'))
      ++pos;
  };
  auto word = [&] {
    skipBlanks();
    size_t start = pos;
    while (pos < text.size() && isNameChar(text[pos]))
      ++pos;
    return text.substr(start, pos - start);
  };
  d.action = word();
  skipBlanks();
  if (pos < text.size() && text[pos] == ':') {
    ++pos;
    for (std::string_view name = word(); !name.empty(); name = word()) {
      d.names.push_back(name);
      skipBlanks();
      if (pos >= text.size() || text[pos] != ',')
        break;
      ++pos;
    }
  }
  return d;
}

} // namespace

std::vector<Suppression>
scanLuaLsDirectives(const std::vector<std::unique_ptr<ast::Comment>>& comments,
                    const SourceManager& sources, FileId file) {
  std::vector<Suppression> out;
  // `disable` regions not yet closed: code ("" for every check) -> first line.
  std::map<std::string, uint32_t> open;
  auto add = [&](const std::string& code, uint32_t first, uint32_t last, SourceRange range) {
    Suppression s;
    s.code = code;
    s.line = first;
    s.lastLine = last;
    s.range = range;
    s.reportUnused = false;
    out.push_back(std::move(s));
  };
  auto closeRegion = [&](const std::string& code, uint32_t line, SourceRange range) {
    auto it = open.find(code);
    if (it == open.end())
      return;
    if (line > it->second)
      add(code, it->second, line - 1, range);
    open.erase(it);
  };
  for (const auto& comment : comments) {
    if (comment->isLong)
      continue;
    std::optional<Directive> d = parseDirective(comment->text);
    if (!d)
      continue;
    uint32_t line = sources.lineOf(file, comment->range.begin);
    std::vector<std::string> codes;
    for (std::string_view name : d->names)
      for (std::string& code : codesFor(name))
        codes.push_back(std::move(code));
    if (d->names.empty())
      codes.emplace_back(); // every check
    if (d->action == "disable-next-line" || d->action == "disable-line") {
      uint32_t target = d->action == "disable-line" ? line : line + 1;
      for (const std::string& code : codes)
        add(code, target, target, comment->range);
    } else if (d->action == "disable") {
      for (const std::string& code : codes)
        open.emplace(code, line); // an open region stays open from its first `disable`
    } else if (d->action == "enable") {
      if (d->names.empty()) {
        std::vector<std::string> all;
        for (const auto& [code, first] : open)
          all.push_back(code);
        for (const std::string& code : all)
          closeRegion(code, line, comment->range);
      } else {
        for (const std::string& code : codes)
          closeRegion(code, line, comment->range);
      }
    }
  }
  uint32_t lastLine = sources.lineCount(file);
  for (const auto& [code, first] : open)
    add(code, first, lastLine, {});
  return out;
}

} // namespace sloth::report
