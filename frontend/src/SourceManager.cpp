#include "sloth/frontend/SourceManager.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>

namespace sloth {

FileId SourceManager::addBuffer(std::string name, std::string text) {
  auto file = std::make_unique<File>();
  file->name = std::move(name);
  file->text = std::move(text);
  const std::string& t = file->text;
  // A UTF-8 byte order mark is not part of line 1 (the lexer skips it, as lua5.4 does for files;
  // editors don't count it as a column).
  file->lineStarts.push_back(t.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0);
  // Lua counts "\n", "\r", "\r\n" and "\n\r" each as one line break.
  for (size_t i = 0; i < t.size(); ++i) {
    char c = t[i];
    if (c != '\n' && c != '\r')
      continue;
    if (i + 1 < t.size() && (t[i + 1] == '\n' || t[i + 1] == '\r') && t[i + 1] != c)
      ++i;
    file->lineStarts.push_back(static_cast<uint32_t>(i + 1));
  }
  files_.push_back(std::move(file));
  return static_cast<FileId>(files_.size() - 1);
}

std::optional<std::string> readAll(std::FILE* stream, std::string& error) {
  std::string text;
  char buffer[1 << 16];
  size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, stream)) > 0) {
    text.append(buffer, n);
    if (text.size() > UINT32_MAX - 1) {
      error = "file too large (limit is 4 GiB)";
      return std::nullopt;
    }
  }
  // A directory opens fine and fails on the first read (EISDIR): never read it as empty.
  if (std::ferror(stream)) {
    error = std::strerror(errno);
    return std::nullopt;
  }
  return text;
}

std::optional<FileId> SourceManager::addFile(const std::string& path, std::string& error) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) {
    error = std::strerror(errno);
    return std::nullopt;
  }
  std::optional<std::string> text = readAll(f, error);
  std::fclose(f);
  if (!text)
    return std::nullopt;
  return addBuffer(path, std::move(*text));
}

uint32_t SourceManager::lineOf(FileId file, uint32_t offset) const {
  const auto& starts = files_[file]->lineStarts;
  auto it = std::upper_bound(starts.begin(), starts.end(), offset);
  return std::max<uint32_t>(1, static_cast<uint32_t>(it - starts.begin()));
}

uint32_t SourceManager::columnOf(FileId file, uint32_t offset) const {
  const File& f = *files_[file];
  offset = std::min<uint32_t>(offset, static_cast<uint32_t>(f.text.size()));
  uint32_t lineStart = f.lineStarts[lineOf(file, offset) - 1];
  return offset < lineStart ? 1 : offset - lineStart + 1;
}

SourceLocation SourceManager::location(FileId file, uint32_t offset) const {
  return {name(file), lineOf(file, offset), columnOf(file, offset)};
}

std::string SourceManager::describe(FileId file, uint32_t offset) const {
  SourceLocation loc = location(file, offset);
  return std::string(loc.file) + ":" + std::to_string(loc.line) + ":" + std::to_string(loc.column);
}

uint32_t SourceManager::lineCount(FileId file) const {
  return static_cast<uint32_t>(files_[file]->lineStarts.size());
}

std::string_view SourceManager::lineText(FileId file, uint32_t line) const {
  const File& f = *files_[file];
  if (line == 0 || line > f.lineStarts.size())
    return {};
  size_t begin = f.lineStarts[line - 1];
  size_t end = begin;
  while (end < f.text.size() && f.text[end] != '\n' && f.text[end] != '\r')
    ++end;
  return std::string_view(f.text).substr(begin, end - begin);
}

} // namespace sloth
