// A block of consecutive `---` comment lines (the doc comment above a function, a class, a local),
// parsed as a whole: prose lines become documentation, `---@` lines annotations, `---| "value"`
// lines extend the @alias above them, and @generic names stand for `any` in the lines after them.
//
//   std::vector<BlockLine> lines{{3, 4, "Installs it."}, {4, 4, "@param name string"}};
//   AnnotationBlock block = readAnnotationBlock(lines, types);
//   block.annotations[0].annotation.tag == AnnotationTag::Param
//
// The signature loader reads the defs this way, and the checker reads the same blocks in user
// scripts (`ast::Comment` lines), so both understand one annotation language.
#pragma once

#include "sloth/analyzer/types/Annotation.h"

#include <span>
#include <string>
#include <vector>

namespace sloth::types {

class TypeContext;

struct BlockLine {
  int line = 0;     // 1-based line in the file
  int column = 0;   // 1-based column of `text`'s first character (4 after a leading `---`)
  std::string text; // the comment after its `---`
};

struct LocatedAnnotation {
  int line = 0;
  int column = 0;        // of the tag name, after `---@`
  std::string docBefore; // prose lines between the previous annotation and this one
  Annotation annotation;
};

struct BlockError {
  int line = 0;
  int column = 0;
  std::string message;
};

struct AnnotationBlock {
  std::vector<LocatedAnnotation> annotations;
  std::string trailingDoc; // prose after the last annotation (all of it when there is none)
  std::vector<BlockError> errors;

  // All prose of the block, in order.
  std::string doc() const;
};

AnnotationBlock readAnnotationBlock(std::span<const BlockLine> lines, TypeContext& types);

} // namespace sloth::types
