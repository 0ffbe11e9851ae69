// The Lua side of a signature file, read without the Lua parser: splits a file into `---` comment
// blocks and the declaration line after each, and recognises the few declaration shapes the
// files use.
#pragma once

#include "sloth/analyzer/types/AnnotationBlock.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sloth::types {

struct DefsBlock {
  std::vector<BlockLine> comments; // each after its leading `---`
  int subjectLine = 0; // 0 when the block is followed by a blank line or the end of file
  std::string subject; // the Lua line after the block (trimmed)
};

// Every comment block of the file, plus each declaration line that has no comment above it.
std::vector<DefsBlock> splitDefsBlocks(std::string_view text);

// `function a.b(x, y) end`, `function B:m(...) end`, `function f() end`.
struct FunctionLine {
  std::string owner; // "a", "B", "" for a global function
  std::string name;
  bool method = false;
  std::vector<std::string> params; // "..." for varargs
};
std::optional<FunctionLine> parseFunctionLine(std::string_view line);

// `name = {}`, `local name = {}`, `name = value`, `a.b = value`.
struct AssignmentLine {
  bool local = false;
  std::string target;      // "pkg", "math.pi"
  bool emptyTable = false; // the value is exactly `{}`
};
std::optional<AssignmentLine> parseAssignmentLine(std::string_view line);

} // namespace sloth::types
