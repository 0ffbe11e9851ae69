// A text file compiled into the binary by cmake/EmbedFiles.cmake (e.g. the module signatures).
#pragma once

namespace sloth {
struct EmbeddedFile {
  const char* name;     // file name without directory, e.g. "pkg.lua"
  const char* contents; // the file's bytes, NUL-terminated
};
} // namespace sloth
