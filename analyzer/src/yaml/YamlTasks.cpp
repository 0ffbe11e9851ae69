#include "sloth/analyzer/yaml/YamlTasks.h"

#include "YamlShape.h"
#include "YamlTranslator.h"
#include "sloth/frontend/Frontend.h"

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <string>

namespace sloth::yaml {

namespace {

std::string_view lineAt(std::string_view text, int line) {
  std::size_t begin = 0;
  for (int i = 0; i < line && begin != std::string_view::npos; ++i) {
    begin = text.find('\n', begin);
    if (begin != std::string_view::npos)
      ++begin;
  }
  if (begin == std::string_view::npos)
    return {};
  std::size_t end = text.find('\n', begin);
  return text.substr(begin, end == std::string_view::npos ? std::string_view::npos : end - begin);
}

// The key of `line` when the ': ' at `column` is inside that key's plain value
// (`script: print("a: " .. b)`): the usual cause of yaml-cpp's "illegal map value".
std::optional<std::string> keyWithColonInValue(std::string_view text, int line, int column) {
  std::string_view l = lineAt(text, line);
  std::size_t start = l.find_first_not_of(" \t-");
  std::size_t colon = l.find(": ", start == std::string_view::npos ? l.size() : start);
  if (start == std::string_view::npos || colon == std::string_view::npos || column <= 0 ||
      static_cast<std::size_t>(column) <= colon + 1)
    return std::nullopt;
  std::string_view key = l.substr(start, colon - start);
  if (key.empty() || key.find_first_of(" \t\"'{[") != std::string_view::npos)
    return std::nullopt;
  return std::string(key);
}

// The key whose value starts at `column` of `line` (`port` in `  port: *nowhere`), when the
// line reads `key: value` there, for naming it in a YAML syntax error.
std::optional<std::string> keyBefore(std::string_view text, int line, int column) {
  std::string_view l = lineAt(text, line);
  if (column <= 0 || static_cast<std::size_t>(column) > l.size())
    return std::nullopt;
  std::string_view before = l.substr(0, static_cast<std::size_t>(column));
  while (!before.empty() && before.back() == ' ')
    before.remove_suffix(1);
  if (before.empty() || before.back() != ':')
    return std::nullopt;
  before.remove_suffix(1);
  std::size_t start = before.find_last_of(" \t{,");
  std::string_view key = before.substr(start == std::string_view::npos ? 0 : start + 1);
  if (key.empty())
    return std::nullopt;
  return std::string(key);
}

// The program of `file` translated again, when `file` is one loadScriptFile made.
std::optional<Translation> translationOf(const SourceManager& sources, FileId file) {
  if (file == 0 || !isYamlTaskFile(sources.name(file)) ||
      sources.name(file - 1) != sources.name(file))
    return std::nullopt;
  std::string workflow = std::filesystem::path(sources.name(file)).stem().string();
  try {
    Translation t = translate(sources.text(file - 1), workflow);
    if (t.program == sources.text(file))
      return t;
  } catch (const Invalid&) {
  } catch (const YAML::Exception&) {
  }
  return std::nullopt;
}

// `offset` of `program` moved to the YAML text: the same line, and the column of the YAML node
// the glue there came from (of the line's first non-blank when no node is known).
SourceRange onYaml(const SourceManager& sources, FileId program, const Translation& t,
                   uint32_t offset, uint32_t length) {
  FileId yamlFile = program - 1;
  uint32_t line = sources.lineOf(program, offset) - 1;
  uint32_t column = sources.columnOf(program, offset) - 1;
  uint32_t lastLine = std::max<uint32_t>(sources.lineCount(yamlFile), 1) - 1;
  auto at = [&](uint32_t yamlLine, uint32_t yamlColumn, uint32_t len) {
    std::string_view text = sources.lineText(yamlFile, std::min(yamlLine, lastLine) + 1);
    yamlColumn = std::min<uint32_t>(yamlColumn, static_cast<uint32_t>(text.size()));
    uint32_t begin =
        static_cast<uint32_t>(text.data() - sources.text(yamlFile).data()) + yamlColumn;
    len = std::min<uint32_t>(len, static_cast<uint32_t>(text.size()) - yamlColumn);
    return SourceRange{begin, begin + len};
  };
  if (line < t.copiedLines.size() && t.copiedLines[line])
    return at(line, column, length);
  for (const GlueSegment& s : t.segments) {
    if (s.line != line || column < s.column || column >= s.column + std::max<uint32_t>(s.length, 1))
      continue;
    uint32_t inside = std::min(column - s.column, s.yamlLength - 1);
    return at(s.yamlLine, s.yamlColumn + inside, std::max<uint32_t>(s.yamlLength - inside, 1));
  }
  // The glue after the last task may go one line past the YAML text's end.
  line = std::min(line, lastLine);
  std::string_view text = sources.lineText(yamlFile, line + 1);
  std::size_t first = text.find_first_not_of(" \t-");
  return at(line, first == std::string_view::npos ? 0 : static_cast<uint32_t>(first), 0);
}

// A script that leaves a block open (`if x then` without `end`) lets the closing `end` of the
// function the translator wraps it in close that block, so the parser blames the wrapper
// ("'end' expected (to close 'function' at line N)", N being the `script:` line). Parsed alone at
// its own lines, the script gets the error a .lua file with its text gets; that error, on the
// YAML file, replaces `d` (true), unless the script alone parses.
bool blameScriptNotWrapper(const SourceManager& sources, FileId yamlFile, const Translation& t,
                           Diagnostic& d) {
  constexpr std::string_view kWrapper = "(to close 'function' at line ";
  std::size_t at = d.message.find(kWrapper);
  if (at == std::string::npos)
    return false;
  uint32_t wrapperLine = static_cast<uint32_t>(std::stoul(d.message.substr(at + kWrapper.size())));
  // The script: the copied lines after the wrapper's line (program and YAML lines are 1-based
  // here; copiedLines is 0-based).
  uint32_t last = wrapperLine;
  while (last < t.copiedLines.size() && t.copiedLines[last])
    ++last;
  if (last == wrapperLine || last > sources.lineCount(yamlFile))
    return false;
  std::string alone(wrapperLine, '\n');
  for (uint32_t line = wrapperLine + 1; line <= last; ++line)
    alone += std::string(sources.lineText(yamlFile, line)) + (line < last ? "\n" : "");
  SourceManager scratch;
  DiagnosticEngine diags;
  if (parseSource(scratch, std::string(sources.name(yamlFile)), std::move(alone), diags) ||
      diags.diagnostics().empty())
    return false;
  const Diagnostic& first = diags.diagnostics().front();
  uint32_t line = scratch.lineOf(first.file, first.range.begin);
  uint32_t column = scratch.columnOf(first.file, first.range.begin) - 1;
  std::string_view yamlLine = sources.lineText(yamlFile, line);
  auto lineStart = static_cast<uint32_t>(yamlLine.data() - sources.text(yamlFile).data());
  auto lineLength = static_cast<uint32_t>(yamlLine.size());
  column = std::min(column, lineLength);
  uint32_t begin = lineStart + column;
  uint32_t length = std::min(first.range.end - first.range.begin, lineLength - column);
  d.message = first.message;
  d.file = yamlFile;
  d.range = {begin, begin + length};
  d.notes.clear();
  d.fixIt.reset();
  return true;
}

} // namespace

bool isYamlTaskFile(std::string_view path) {
  return path.ends_with(".yaml") || path.ends_with(".yml");
}

std::optional<std::string> translateYamlTasks(const SourceManager& sources, FileId file,
                                              const std::string& workflowName,
                                              DiagnosticEngine& diags) {
  std::string_view text = sources.text(file);
  auto report = [&](const YAML::Mark& mark, const std::string& message, const char* code) {
    uint32_t offset = mark.pos >= 0 ? static_cast<uint32_t>(std::min<std::size_t>(
                                          static_cast<std::size_t>(mark.pos), text.size()))
                                    : 0;
    diags.error(code, file, {offset, offset}, message);
  };
  try {
    return translate(text, workflowName).program;
  } catch (const Invalid& e) {
    report(e.mark, e.message, "yaml-task");
  } catch (const YAML::Exception& e) {
    std::optional<std::string> key = keyBefore(text, e.mark.line, e.mark.column);
    std::optional<std::string> colonIn =
        key ? std::nullopt : keyWithColonInValue(text, e.mark.line, e.mark.column);
    bool code = colonIn && (*colonIn == "script" || *colonIn == "command");
    if (colonIn)
      report(e.mark,
             fmt::format("{}: the value of '{}' holds ': ', which YAML reads as a key; quote the "
                         "value{}",
                         e.msg, *colonIn,
                         code ? fmt::format(" or write it as a block ('{}: |', then the code on "
                                            "the lines below)",
                                            *colonIn)
                              : ""),
             "yaml-syntax");
    else
      report(e.mark, key ? fmt::format("{} (the value of '{}')", e.msg, *key) : e.msg,
             "yaml-syntax");
  }
  return std::nullopt;
}

std::optional<FileId> loadScriptFile(SourceManager& sources, DiagnosticEngine& diags,
                                     const std::string& path, std::string& readError) {
  std::optional<FileId> file = sources.addFile(path, readError);
  if (!file || !isYamlTaskFile(path))
    return file;
  std::string workflow = std::filesystem::path(path).stem().string();
  std::optional<std::string> program = translateYamlTasks(sources, *file, workflow, diags);
  if (!program)
    return file;
  return sources.addBuffer(path, std::move(*program));
}

std::string_view displayText(const SourceManager& sources, FileId file) {
  // loadScriptFile adds the YAML text right before the program, under the same name.
  if (file > 0 && isYamlTaskFile(sources.name(file)) &&
      sources.name(file - 1) == sources.name(file))
    return sources.text(file - 1);
  return sources.text(file);
}

void showOnYamlText(const SourceManager& sources, std::vector<Diagnostic>& diagnostics) {
  std::map<FileId, std::optional<Translation>> translations;
  auto translation = [&](FileId file) -> const std::optional<Translation>& {
    auto it = translations.find(file);
    if (it == translations.end())
      it = translations.emplace(file, translationOf(sources, file)).first;
    return it->second;
  };
  auto move = [&](FileId& file, SourceRange& range) {
    if (const std::optional<Translation>& t = translation(file)) {
      range = onYaml(sources, file, *t, range.begin, range.end - range.begin);
      file -= 1;
    }
  };
  auto onGlue = [&](FileId program, uint32_t offset) {
    const std::vector<bool>& copied = translation(program)->copiedLines;
    uint32_t line = sources.lineOf(program, offset) - 1;
    return line >= copied.size() || !copied[line];
  };
  std::set<FileId> broken; // YAML files with a script that does not parse
  std::vector<Diagnostic> kept;
  for (Diagnostic& d : diagnostics) {
    FileId program = d.file;
    bool glue = translation(program) && onGlue(program, d.range.begin);
    if (d.code == "syntax-error" && translation(program) && !broken.contains(program - 1) &&
        blameScriptNotWrapper(sources, program - 1, *translation(program), d))
      glue = d.message.ends_with("near <eof>"); // a block left open is no shell command

    else
      move(d.file, d.range);
    if (d.file == program) {
      kept.push_back(std::move(d));
      continue;
    }
    if (d.code == "syntax-error") {
      // A parse error on the glue after a broken script is that script's error again.
      if (glue && broken.contains(d.file))
        continue;
      // Shell written as a script is the likely mistake behind a script that does not parse.
      if (broken.insert(d.file).second && !glue)
        d.notes.push_back({d.file, d.range,
                           "exec.script is Lua code; a shell command line goes in exec.command"});
    }
    if (d.fixIt) {
      // A fix-it edits the program's text: on the YAML text it only fits a copied script line.
      const Translation& t = *translation(program);
      uint32_t line = sources.lineOf(program, d.fixIt->range.begin) - 1;
      FileId fixFile = program;
      if (line < t.copiedLines.size() && t.copiedLines[line])
        move(fixFile, d.fixIt->range);
      else
        d.fixIt.reset();
    }
    for (DiagnosticNote& n : d.notes)
      if (n.file == program)
        move(n.file, n.range);
    kept.push_back(std::move(d));
  }
  diagnostics = std::move(kept);
}

} // namespace sloth::yaml
