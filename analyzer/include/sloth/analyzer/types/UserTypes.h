// The classes and aliases a checked script declares in its own annotations (design §4: "user code
// may carry the same annotations and the checker honours them").
//
//   TypeContext fileTypes(&builtinSignatures().types());   // the file's names over the builtins
//   UserTypes declared = declareUserTypes(blocks, fileTypes);
//   for (const BlockError& e : declared.problems) warn(e);  // unknown type names, duplicates
#pragma once

#include "sloth/analyzer/types/AnnotationBlock.h"

#include <span>
#include <string>
#include <vector>

namespace sloth::types {

class TypeContext;

struct UserTypeDecl {
  std::string name;
  bool isClass = false; // else an alias
  int line = 0;
  TypeRef type = nullptr; // the class's record or the alias's type
};

struct UserTypes {
  std::vector<UserTypeDecl> declared;
  // Misplaced @field lines, names declared twice, names used but declared nowhere. All are
  // mistakes in annotations, not in the code: the checker reports them as warnings.
  std::vector<BlockError> problems;
};

// Declares every @class (with its @field lines) and @alias of the blocks in `types`, then checks
// that each type name the blocks use is declared there or in a parent context.
UserTypes declareUserTypes(std::span<const AnnotationBlock> blocks, TypeContext& types);

} // namespace sloth::types
