#include "UserAnnotations.h"

#include "sloth/analyzer/types/Suggest.h"
#include "sloth/analyzer/types/TypeContext.h"
#include "sloth/analyzer/types/UserTypes.h"

#include <vector>

namespace sloth::check {

using types::AnnotationBlock;
using types::AnnotationTag;
using types::BlockLine;

namespace {

// A `---` line comment: its text (after `--`) starts with another `-`.
bool isDocComment(const ast::Comment& c) {
  return !c.isLong && !c.text.empty() && c.text[0] == '-';
}

bool hasAnnotation(const std::vector<BlockLine>& lines) {
  for (const BlockLine& l : lines)
    if (!l.text.empty() && l.text[0] == '@')
      return true;
  return false;
}

// A block that declares a class, alias or enum: declareTypes reads and reports it, so it is
// decided by the line's text (a line that does not parse declares nothing, yet was reported).
bool declaresTypes(const std::vector<BlockLine>& lines) {
  for (const BlockLine& l : lines)
    if (l.text.rfind("@class", 0) == 0 || l.text.rfind("@alias", 0) == 0 ||
        l.text.rfind("@enum", 0) == 0)
      return true;
  return false;
}

} // namespace

BlockLine UserAnnotations::lineOf(const ast::Comment& comment) const {
  SourceLocation at = sources_.location(file_, comment.range.begin);
  std::string_view text(comment.text);
  text.remove_prefix(1); // the third `-`
  size_t spaces = 0;
  while (spaces < text.size() && text[spaces] == ' ' && spaces + 1 < text.size() &&
         text[spaces + 1] == '@')
    ++spaces; // `--- @param` reads as `---@param`
  text.remove_prefix(spaces);
  return {static_cast<int>(at.line), static_cast<int>(at.column + 3 + spaces), std::string(text)};
}

void UserAnnotations::reportProblem(int line, int column, const std::string& message) {
  // Offsets are what diagnostics carry: find the line's first byte, then the column.
  std::string_view text = sources_.text(file_);
  uint32_t offset = 0;
  for (int l = 1; l < line && offset < text.size(); ++offset)
    if (text[offset] == '\n')
      ++l;
  offset += static_cast<uint32_t>(column > 0 ? column - 1 : 0);
  diags_.report(Severity::Warning, "bad-annotation", file_, {offset, offset + 1}, message);
}

void UserAnnotations::declareTypes(const ast::Chunk& chunk) {
  std::vector<AnnotationBlock> blocks;
  std::vector<BlockLine> lines;
  uint32_t lastLine = 0;
  auto flush = [&] {
    if (hasAnnotation(lines)) {
      if (declaresTypes(lines)) {
        blocks.push_back(types::readAnnotationBlock(lines, types_));
        for (const types::BlockError& e : blocks.back().errors)
          reportProblem(e.line, e.column, e.message);
      }
    }
    lines.clear();
  };
  for (const auto& comment : chunk.comments) {
    if (!isDocComment(*comment)) {
      flush();
      continue;
    }
    BlockLine line = lineOf(*comment);
    if (!lines.empty() && static_cast<uint32_t>(line.line) != lastLine + 1)
      flush();
    lastLine = static_cast<uint32_t>(line.line);
    lines.push_back(std::move(line));
  }
  flush();
  if (blocks.empty())
    return;
  types::UserTypes declared = types::declareUserTypes(blocks, types_);
  for (const types::BlockError& e : declared.problems)
    reportProblem(e.line, e.column, e.message);
}

std::optional<AnnotationBlock> UserAnnotations::blockAbove(const ast::Stat& stat) {
  if (stat.leadingComments.empty())
    return std::nullopt;
  std::vector<BlockLine> lines;
  lines.reserve(stat.leadingComments.size());
  for (const ast::Comment* c : stat.leadingComments)
    lines.push_back(lineOf(*c));
  if (!hasAnnotation(lines))
    return std::nullopt;
  AnnotationBlock block = types::readAnnotationBlock(lines, types_);
  // Errors in class blocks were reported by declareTypes already.
  if (!declaresTypes(lines)) {
    for (const types::BlockError& e : block.errors)
      reportProblem(e.line, e.column, e.message);
    for (const types::LocatedAnnotation& located : block.annotations)
      for (const types::TypeNameUse& use : located.annotation.typeNames) {
        if (types_.builtin(use.name) || types_.lookup(use.name))
          continue;
        static const std::string kBuiltins[] = {"string", "number",   "integer",      "boolean",
                                                "table",  "function", "any",          "nil",
                                                "thread", "userdata", "lightuserdata"};
        std::string message = "unknown type '" + use.name + "'";
        if (std::optional<std::string> fix = types::closestName(use.name, kBuiltins))
          message += "; did you mean '" + *fix + "'?";
        reportProblem(located.line, use.column, message); // a column in the file
      }
  }
  return block;
}

std::optional<types::FunctionSignature>
UserAnnotations::functionSignature(const AnnotationBlock& block, const ast::FunctionBody& body) {
  types::FunctionSignature sig;
  sig.name = body.name;
  sig.qualifiedName = body.name;
  bool typed = false;
  for (const ast::Local* p : body.params) {
    if (p->isSelf)
      continue;
    types::ParamSignature param;
    param.name = p->name;
    sig.params.push_back(std::move(param));
  }
  if (body.isVararg) {
    types::ParamSignature param;
    param.name = "...";
    param.variadic = true;
    param.optional = true;
    sig.params.push_back(std::move(param));
  }
  for (const auto& located : block.annotations) {
    const types::Annotation& a = located.annotation;
    if (a.tag == AnnotationTag::Param) {
      for (types::ParamSignature& p : sig.params)
        if (p.name == a.name) {
          p.type = a.type;
          p.optional = p.optional || a.optional || (a.type && a.type->containsNil());
          typed = true;
        }
    } else if (a.tag == AnnotationTag::Return) {
      for (const types::ReturnAnnotation& r : a.returns)
        sig.returns.push_back({r.name, r.type, r.variadic, ""});
      typed = true;
    } else if (a.tag == AnnotationTag::Deprecated) {
      sig.deprecated = a.description;
    }
  }
  if (!typed)
    return std::nullopt;
  // An untyped parameter accepts anything, nil included.
  for (types::ParamSignature& p : sig.params)
    if (!p.type) {
      p.optional = true;
    }
  return sig;
}

types::TypeRef UserAnnotations::declaredType(const AnnotationBlock& block) {
  for (const auto& located : block.annotations)
    if (located.annotation.tag == AnnotationTag::Type)
      return located.annotation.type;
  return nullptr;
}

} // namespace sloth::check
