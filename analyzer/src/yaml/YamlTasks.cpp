#include "sloth/analyzer/yaml/YamlTasks.h"

#include "plan/AbstractValue.h" // quoteLua

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <vector>

namespace sloth::yaml {

namespace {

constexpr const char* kTaskKeys[] = {"name",    "description", "depends_on", "timeout",
                                     "retries", "workdir",     "user",       "exec"};
constexpr const char* kExecKeys[] = {"script", "command"};
constexpr const char* kTopKeys[] = {"name", "description", "version", "config", "tasks"};
constexpr const char* kConfigKeys[] = {"max_parallel_tasks", "timeout", "fail_fast"};

struct Invalid {
  YAML::Mark mark;
  std::string message;
};

template <std::size_t N> std::string keyList(const char* const (&keys)[N]) {
  std::string out;
  for (const char* k : keys)
    out += (out.empty() ? "" : ", ") + std::string(k);
  return out;
}

template <std::size_t N>
void checkKeys(const YAML::Node& map, const char* const (&keys)[N], const std::string& where) {
  for (const auto& entry : map) {
    std::string key = entry.first.IsScalar() ? entry.first.Scalar() : "";
    if (std::find_if(std::begin(keys), std::end(keys), [&](const char* k) { return key == k; }) ==
        std::end(keys))
      throw Invalid{entry.first.Mark(), fmt::format("unknown key '{}' in {} (expected one of: {})",
                                                    key, where, keyList(keys))};
  }
}

std::string scalar(const YAML::Node& node, const std::string& what) {
  if (!node.IsScalar())
    throw Invalid{node.Mark(), fmt::format("{} must be a string", what)};
  return node.Scalar();
}

// A number as Lua source when the scalar is one, else nullopt.
std::optional<std::string> numberLiteral(const std::string& text) {
  if (text.empty())
    return std::nullopt;
  char* end = nullptr;
  std::strtod(text.c_str(), &end);
  if (end != text.c_str() + text.size() || text.find_first_of("xXnN") != std::string::npos)
    return std::nullopt;
  return text;
}

// A duration: a number of seconds or a string like "5m" (checked by the task builder itself).
std::string durationLiteral(const YAML::Node& node, const std::string& what) {
  std::string text = scalar(node, what);
  return numberLiteral(text).value_or(plan::quoteLua(text));
}

std::string integerLiteral(const YAML::Node& node, const std::string& what) {
  std::string text = scalar(node, what);
  if (text.empty() || text.find_first_not_of("0123456789") != std::string::npos || text.size() > 9)
    throw Invalid{node.Mark(), fmt::format("{} must be a whole number, got '{}'", what, text)};
  return text;
}

std::string booleanLiteral(const YAML::Node& node, const std::string& what) {
  std::string text = scalar(node, what);
  if (text == "true" || text == "false")
    return text;
  throw Invalid{node.Mark(), fmt::format("{} must be true or false, got '{}'", what, text)};
}

std::vector<std::string> splitLines(std::string_view text) {
  std::vector<std::string> lines;
  std::size_t begin = 0;
  while (begin <= text.size()) {
    std::size_t end = text.find('\n', begin);
    if (end == std::string_view::npos)
      end = text.size();
    std::string line(text.substr(begin, end - begin));
    if (!line.empty() && line.back() == '\r')
      line.pop_back();
    lines.push_back(std::move(line));
    if (end == text.size())
      break;
    begin = end + 1;
  }
  return lines;
}

// The generated program, line by line: line i (0-based) holds YAML line i's script text, or the
// DSL glue placed there. Code is only ever added at or after the last line written, so the
// program runs in the YAML file's order.
class Program {
public:
  explicit Program(std::size_t lines) : lines_(lines) {}

  // Adds glue code at `line`, or at the line where the last code went when that is later.
  void glue(std::size_t line, const std::string& code) {
    line = std::max(line, cursor_);
    grow(line);
    std::string& l = lines_[line];
    l += (l.empty() ? "" : " ") + code;
    cursor_ = line;
    glueOnCursor_ = true;
  }
  // A line of script text (never shares its line with glue).
  void script(std::size_t line, std::string text) {
    line = std::max(line, cursor_ + (glueOnCursor_ ? 1 : 0));
    grow(line);
    lines_[line] = std::move(text);
    cursor_ = line + 1;
    glueOnCursor_ = false;
  }
  // Ends the current line: later code goes on the lines after it (a `--` comment at its end
  // cannot swallow it).
  void endLine() {
    cursor_ += 1;
    glueOnCursor_ = false;
  }
  // Where the next glue goes at the earliest.
  std::size_t cursor() const { return cursor_; }
  std::string text() const {
    std::string out;
    for (const std::string& l : lines_)
      out += l + "\n";
    return out;
  }

private:
  std::vector<std::string> lines_;
  std::size_t cursor_ = 0;    // the first line new code may go on
  bool glueOnCursor_ = false; // glue is already there (script text then goes after it)
  void grow(std::size_t line) {
    if (line >= lines_.size())
      lines_.resize(line + 1);
  }
};

class Translator {
public:
  Translator(std::string_view yamlText, std::string workflowName)
      : raw_(splitLines(yamlText)), program_(raw_.size()), workflowName_(std::move(workflowName)) {}

  std::string run(const YAML::Node& root) {
    if (!root.IsMap())
      throw Invalid{root.Mark(), "a YAML task file is a mapping with a 'tasks' list"};
    checkKeys(root, kTopKeys, "the task file");
    YAML::Node tasks = root["tasks"];
    if (!tasks || !tasks.IsSequence())
      throw Invalid{root.Mark(), "a YAML task file needs a 'tasks' list"};
    std::vector<std::string> locals;
    for (std::size_t i = 0; i < tasks.size(); ++i)
      locals.push_back(task(tasks[i], i + 1));
    std::string define = fmt::format("workflow.define({}, {{ tasks = {{ ", workflowNameOf(root));
    for (const std::string& local : locals)
      define += local + ", ";
    define += "}";
    if (YAML::Node d = root["description"])
      define += ", description = " + plan::quoteLua(scalar(d, "description"));
    if (YAML::Node v = root["version"])
      define += ", version = " + plan::quoteLua(scalar(v, "version"));
    if (YAML::Node c = root["config"])
      define += ", config = " + config(c);
    define += " })";
    program_.glue(program_.cursor(), define);
    return program_.text();
  }

private:
  std::vector<std::string> raw_;
  Program program_;
  std::string workflowName_;

  std::string workflowNameOf(const YAML::Node& root) {
    if (YAML::Node n = root["name"])
      return plan::quoteLua(scalar(n, "name"));
    return plan::quoteLua(workflowName_);
  }

  std::string config(const YAML::Node& c) {
    if (!c.IsMap())
      throw Invalid{c.Mark(), "config must be a mapping"};
    checkKeys(c, kConfigKeys, "config");
    std::string out = "{ ";
    if (YAML::Node n = c["max_parallel_tasks"])
      out += "max_parallel_tasks = " + integerLiteral(n, "max_parallel_tasks") + ", ";
    if (YAML::Node n = c["timeout"])
      out += "timeout = " + durationLiteral(n, "timeout") + ", ";
    if (YAML::Node n = c["fail_fast"])
      out += "fail_fast = " + booleanLiteral(n, "fail_fast") + ", ";
    return out + "}";
  }

  // Emits task number `index`; returns the local that holds it.
  std::string task(const YAML::Node& t, std::size_t index) {
    if (!t.IsMap())
      throw Invalid{t.Mark(), fmt::format("task {} must be a mapping with a 'name'", index)};
    YAML::Node nameNode = t["name"];
    if (!nameNode)
      throw Invalid{t.Mark(), fmt::format("task {} has no 'name'", index)};
    std::string name = scalar(nameNode, "a task's name");
    std::string where = fmt::format("task '{}'", name);
    checkKeys(t, kTaskKeys, where);
    std::string local = fmt::format("__sloth_yaml_task_{}", index);
    std::string chain = fmt::format("local {} = task({})", local, plan::quoteLua(name));
    if (YAML::Node d = t["description"])
      chain += ":description(" + plan::quoteLua(scalar(d, "description")) + ")";
    if (YAML::Node d = t["depends_on"])
      chain += ":depends_on(" + dependencies(d) + ")";
    if (YAML::Node n = t["timeout"])
      chain += ":timeout(" + durationLiteral(n, "timeout") + ")";
    if (YAML::Node n = t["retries"])
      chain += ":retries(" + integerLiteral(n, "retries") + ")";
    if (YAML::Node n = t["workdir"])
      chain += ":workdir(" + plan::quoteLua(scalar(n, "workdir")) + ")";
    if (YAML::Node n = t["user"])
      chain += ":user(" + plan::quoteLua(scalar(n, "user")) + ")";
    YAML::Node exec = t["exec"];
    if (!exec) {
      program_.glue(line(t.Mark()), chain + ":build()");
      return local;
    }
    if (!exec.IsMap())
      throw Invalid{exec.Mark(),
                    fmt::format("exec of {} must be a mapping with a 'script'", where)};
    checkKeys(exec, kExecKeys, fmt::format("exec of {}", where));
    YAML::Node script = exec["script"];
    YAML::Node command = exec["command"];
    if (script && command)
      throw Invalid{command.Mark(), fmt::format("{} has both a script and a command", where)};
    if (command) {
      program_.glue(line(command.Mark()),
                    chain + ":command(" + plan::quoteLua(scalar(command, "command")) + "):build()");
      return local;
    }
    if (!script)
      throw Invalid{exec.Mark(), fmt::format("exec of {} needs a 'script'", where)};
    // The builder chain goes on the task's first line: the DSL reports a bad setting at the line
    // where its chain starts, which is then the task's own.
    program_.glue(line(t.Mark()), chain + ":command(function(this, params, input)");
    scriptBlock(script, where);
    program_.glue(program_.cursor(), "end):build()");
    return local;
  }

  std::string dependencies(const YAML::Node& d) {
    if (d.IsScalar())
      return plan::quoteLua(d.Scalar());
    if (!d.IsSequence())
      throw Invalid{d.Mark(), "depends_on must be a task name or a list of them"};
    std::string out = "{ ";
    for (const YAML::Node& name : d)
      out += plan::quoteLua(scalar(name, "a depends_on entry")) + ", ";
    return out + "}";
  }

  static std::size_t line(const YAML::Mark& mark) {
    return static_cast<std::size_t>(std::max(mark.line, 0));
  }

  // Places the script's lines at their own YAML lines.
  void scriptBlock(const YAML::Node& script, const std::string& where) {
    std::string text = scalar(script, fmt::format("the script of {}", where));
    const YAML::Mark mark = script.Mark();
    std::size_t markLine = static_cast<std::size_t>(std::max(mark.line, 0));
    char style =
        markLine < raw_.size() && static_cast<std::size_t>(mark.column) < raw_[markLine].size()
            ? raw_[markLine][static_cast<std::size_t>(mark.column)]
            : ' ';
    std::vector<std::string> lines = splitLines(text);
    if (!text.empty() && text.back() == '\n')
      lines.pop_back(); // the block's final line break
    if (style == '|') {
      // A literal block: value line i is YAML line markLine + 1 + i minus the block's indentation.
      std::size_t first = markLine + 1;
      for (std::size_t i = 0; i < lines.size(); ++i) {
        std::size_t at = first + i;
        bool same = at < raw_.size() && raw_[at].ends_with(lines[i]);
        program_.script(at, same ? raw_[at] : lines[i]);
      }
      return;
    }
    if (lines.size() > 1 || style == '>')
      throw Invalid{mark, fmt::format("the script of {} spans several lines: write it as a literal "
                                      "block ('script: |') so its lines keep their numbers",
                                      where)};
    // A one-line script beside its key (its column is not kept when glue shares the line).
    program_.glue(markLine, lines.empty() ? "" : lines.front());
    program_.endLine();
  }
};

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
    YAML::Node root = YAML::Load(std::string(text));
    return Translator(text, workflowName).run(root);
  } catch (const Invalid& e) {
    report(e.mark, e.message, "yaml-task");
  } catch (const YAML::Exception& e) {
    report(e.mark, e.msg, "yaml-syntax");
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

} // namespace sloth::yaml
