// One parsed `---@` annotation line (lua-language-server syntax plus sloth's @effect, @plan and
// @secret), with its types already built in a TypeContext.
//
//   TypeContext types;
//   auto r = parseAnnotation("param name? string|string[]  A package.", types);
//   // r.annotation->tag == AnnotationTag::Param, name "name", optional, type `string|string[]`
#pragma once

#include "sloth/analyzer/types/Type.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sloth::types {

class TypeContext;

enum class AnnotationTag {
  Meta,
  Class,
  Field,
  Param,
  Return,
  Alias,
  Type,
  Overload,
  Generic,
  Vararg,
  Cast,
  Enum,
  Deprecated,
  Diagnostic,
  See,
  Nodiscard,
  Async,
  Effect,
  Plan,
  Secret,
  Other, // a tag this parser does not model (`---@module`, `---@operator`, a typo)
};

// A class or alias name used in a type, with its 1-based column in the annotation text.
struct TypeNameUse {
  std::string name;
  int column = 0;
};

struct ReturnAnnotation {
  TypeRef type = nullptr;
  std::string name;
  bool variadic = false;
};

struct Annotation {
  AnnotationTag tag = AnnotationTag::Other;
  std::string tagName; // as written, e.g. "param", "operator"
  // The annotated name: @meta module, @class/@alias/@enum name, @field/@param name, @effect
  // kind, @cast variable. "..." for a vararg @param.
  std::string name;
  bool optional = false;                    // `name?` on @field and @param
  bool exact = false;                       // @class (exact)
  std::vector<std::string> classAttributes; // @class (exact, partial) -> {"exact", "partial"}
  std::vector<std::string> parents;         // @class Name: Parent, Other
  TypeRef type = nullptr;                // @field, @param, @alias, @type, @overload, @vararg, @cast
  TypeRef fieldKey = nullptr;            // @field [string] integer -> string
  std::vector<ReturnAnnotation> returns; // @return
  std::vector<std::string> genericNames; // @generic T, U
  std::string planTemplate;              // @plan "install {name}", without the quotes
  std::string description;               // free text after the structured part
  std::vector<TypeNameUse> typeNames;    // names the types refer to (for "unknown type")
};

struct AnnotationError {
  int column = 0; // 1-based, in the annotation text
  std::string message;
};

struct AnnotationParse {
  std::optional<Annotation> annotation; // set when there was no error
  std::vector<AnnotationError> errors;
};

// Parses the text after `---@` of one annotation line. Names in `genericNames` (from a
// preceding `---@generic`) stand for `any`.
AnnotationParse parseAnnotation(std::string_view text, TypeContext& types,
                                const std::vector<std::string>& genericNames = {});

// Parses a lone type expression, e.g. `table<string, integer>|nil`; nullopt and errors if bad.
struct TypeParse {
  TypeRef type = nullptr;
  std::vector<TypeNameUse> typeNames;
  std::vector<AnnotationError> errors;
};
TypeParse parseTypeExpression(std::string_view text, TypeContext& types);

} // namespace sloth::types
