// Positions in source files: a file id plus byte offsets. Byte offsets (not code points) because
// Lua source is bytes; columns shown to users are 1-based byte columns, as luac reports them.
#pragma once

#include <cstdint>

namespace sloth {

// Index of a file in its SourceManager.
using FileId = uint32_t;

// The half-open byte range [begin, end) within one file.
struct SourceRange {
  uint32_t begin = 0;
  uint32_t end = 0;

  static SourceRange cover(SourceRange a, SourceRange b) {
    return {a.begin < b.begin ? a.begin : b.begin, a.end > b.end ? a.end : b.end};
  }
};

} // namespace sloth
