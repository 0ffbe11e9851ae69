// A stable S-expression rendering of a chunk, for tests (`slothc dump-ast`) and debugging.
// One statement per line, indented by block; names show how the Resolver bound them.
#pragma once

#include "sloth/frontend/Ast.h"

#include <string>

namespace sloth {

std::string dumpAst(const ast::Chunk& chunk);

} // namespace sloth
