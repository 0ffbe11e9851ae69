#include "sloth/analyzer/types/AnnotationBlock.h"

#include <string_view>

namespace sloth::types {

namespace {

std::string_view trim(std::string_view s) {
  size_t b = s.find_first_not_of(" \t");
  if (b == std::string_view::npos)
    return {};
  size_t e = s.find_last_not_of(" \t\r");
  return s.substr(b, e - b + 1);
}

// The value of an alias continuation line `---| "value" # doc` (also `---|> "default"` and
// `---|+ "extra"`), as type text.
std::string continuationValue(std::string_view rest) {
  rest = trim(rest);
  if (!rest.empty() && (rest[0] == '>' || rest[0] == '+'))
    rest = trim(rest.substr(1));
  if (!rest.empty() && (rest[0] == '"' || rest[0] == '\'')) {
    size_t close = rest.find(rest[0], 1);
    return std::string(rest.substr(0, close == std::string_view::npos ? rest.size() : close + 1));
  }
  return std::string(rest.substr(0, rest.find_first_of(" \t#")));
}

void appendLine(std::string& doc, std::string_view line) {
  // `--- text` and `---text` read the same.
  if (!line.empty() && line[0] == ' ')
    line.remove_prefix(1);
  if (!doc.empty())
    doc += '\n';
  doc += line;
}

struct Joined {
  int line = 0;
  int column = 0;
  std::string text; // after `@`
};

} // namespace

std::string AnnotationBlock::doc() const {
  std::string out;
  for (const LocatedAnnotation& a : annotations)
    if (!a.docBefore.empty())
      out += (out.empty() ? "" : "\n") + a.docBefore;
  if (!trailingDoc.empty())
    out += (out.empty() ? "" : "\n") + trailingDoc;
  return out;
}

AnnotationBlock readAnnotationBlock(std::span<const BlockLine> lines, TypeContext& types) {
  AnnotationBlock block;
  std::vector<std::string> generics;
  std::string prose;

  for (size_t i = 0; i < lines.size(); ++i) {
    const BlockLine& l = lines[i];
    std::string_view text = l.text;
    if (text.empty() || text[0] != '@') {
      if (!text.empty() && text[0] == '|')
        block.errors.push_back({l.line, l.column, "`---|` continues an @alias, and none is above"});
      else
        appendLine(prose, text);
      continue;
    }
    Joined joined{l.line, l.column + 1, std::string(text.substr(1))};
    // `---| "value"` lines right below extend an @alias.
    while (i + 1 < lines.size() && !lines[i + 1].text.empty() && lines[i + 1].text[0] == '|' &&
           joined.text.compare(0, 5, "alias") == 0) {
      joined.text += " | " + continuationValue(std::string_view(lines[++i].text).substr(1));
    }

    AnnotationParse parsed = parseAnnotation(joined.text, types, generics);
    if (!parsed.annotation) {
      for (const AnnotationError& e : parsed.errors)
        block.errors.push_back({joined.line, joined.column + e.column - 1, e.message});
      continue;
    }
    LocatedAnnotation located{joined.line, joined.column, std::move(prose),
                              std::move(*parsed.annotation)};
    prose.clear();
    for (TypeNameUse& use : located.annotation.typeNames)
      use.column += joined.column - 1; // columns in the file, not in the annotation
    if (located.annotation.tag == AnnotationTag::Generic)
      generics.insert(generics.end(), located.annotation.genericNames.begin(),
                      located.annotation.genericNames.end());
    block.annotations.push_back(std::move(located));
  }
  block.trailingDoc = std::move(prose);
  return block;
}

} // namespace sloth::types
