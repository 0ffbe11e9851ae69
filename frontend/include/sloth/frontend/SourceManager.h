// Owns the text of every source file of a compilation and maps byte offsets to lines and
// columns. Lines and columns are 1-based; columns count bytes, as luac reports them.
#pragma once

#include "sloth/frontend/SourceRange.h"

#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sloth {

// The whole of an open stream (a file, stdin); nullopt with `error` set (strerror wording) when
// reading failed or the text passed 4 GiB. Reads with C stdio: sloth sets up the C++ standard
// streams only when it needs them (tools/sloth/StandardStreamsOnDemand.cpp).
std::optional<std::string> readAll(std::FILE* stream, std::string& error);

struct SourceLocation {
  std::string_view file;
  uint32_t line = 1;
  uint32_t column = 1;
};

class SourceManager {
public:
  // Adds an in-memory buffer (stdin, a test string, a YAML script block) under a display name.
  FileId addBuffer(std::string name, std::string text);
  // Reads a file; on failure returns nullopt and sets `error` to the reason (strerror wording).
  std::optional<FileId> addFile(const std::string& path, std::string& error);

  std::string_view name(FileId file) const { return files_[file]->name; }
  std::string_view text(FileId file) const { return files_[file]->text; }
  size_t fileCount() const { return files_.size(); }

  // Offsets past the end of the file clamp to the end.
  uint32_t lineOf(FileId file, uint32_t offset) const;
  uint32_t columnOf(FileId file, uint32_t offset) const;
  SourceLocation location(FileId file, uint32_t offset) const;
  // "file:line:col"
  std::string describe(FileId file, uint32_t offset) const;
  // The text of a 1-based line without its line terminator; empty past the last line.
  std::string_view lineText(FileId file, uint32_t line) const;
  uint32_t lineCount(FileId file) const;

private:
  struct File {
    std::string name;
    std::string text;
    std::vector<uint32_t> lineStarts; // offset of the first byte of each line
  };
  std::vector<std::unique_ptr<File>> files_;
};

} // namespace sloth
