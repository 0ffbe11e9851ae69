// The `---@` annotations of a checked script (design §4: user code may carry the same annotations
// as the signature files and the checker honours them): classes and aliases declared anywhere in
// the file, `@param`/`@return` on functions, `@type` on locals.
#pragma once

#include "sloth/analyzer/types/AnnotationBlock.h"
#include "sloth/analyzer/types/Signature.h"
#include "sloth/frontend/Ast.h"
#include "sloth/frontend/DiagnosticEngine.h"
#include "sloth/frontend/SourceManager.h"

#include <optional>
#include <string>

namespace sloth::check {

class UserAnnotations {
public:
  UserAnnotations(FileId file, const SourceManager& sources, types::TypeContext& types,
                  DiagnosticEngine& diags)
      : file_(file), sources_(sources), types_(types), diags_(diags) {}

  // Declares every @class and @alias of the file's `---` comments in the file's type context;
  // mistakes in annotations are warnings (`bad-annotation`).
  void declareTypes(const ast::Chunk& chunk);

  // The annotation block directly above a statement, when it has any `---@` line.
  std::optional<types::AnnotationBlock> blockAbove(const ast::Stat& stat);

  // A signature for a function from its @param/@return lines; nullopt when the block types none of
  // them. Parameters keep the function's order; the implicit `self` is left out.
  static std::optional<types::FunctionSignature>
  functionSignature(const types::AnnotationBlock& block, const ast::FunctionBody& body);

  // The @type of a local, or nullptr.
  static types::TypeRef declaredType(const types::AnnotationBlock& block);

private:
  types::BlockLine lineOf(const ast::Comment& comment) const;
  void reportProblem(int line, int column, const std::string& message);

  FileId file_;
  const SourceManager& sources_;
  types::TypeContext& types_;
  DiagnosticEngine& diags_;
};

} // namespace sloth::check
