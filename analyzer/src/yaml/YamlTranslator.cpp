#include "YamlTranslator.h"

#include "YamlParams.h"
#include "YamlShape.h"
#include "plan/AbstractValue.h" // quoteLua
#include "sloth/analyzer/types/Suggest.h"
#include "sloth/analyzer/yaml/YamlScalar.h"

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <optional>

namespace sloth::yaml {

namespace {

constexpr const char* kTaskKeys[] = {"name",     "description", "depends_on", "timeout",
                                     "retries",  "workdir",     "user",       "run_if",
                                     "abort_if", "params",      "exec"};
constexpr const char* kRetryKeys[] = {"count", "delay", "factor", "max_delay"};
constexpr const char* kExecKeys[] = {"script", "command"};
constexpr const char* kTopKeys[] = {"name", "description", "version", "config", "tasks"};
constexpr const char* kConfigKeys[] = {"max_parallel_tasks", "timeout", "fail_fast"};

template <std::size_t N> std::string keyList(const char* const (&keys)[N]) {
  std::string out;
  for (const char* k : keys)
    out += (out.empty() ? "" : ", ") + std::string(k);
  return out;
}

// Every key of `map` is one of `keys`, once: else an error at the key, with the closest allowed
// key as a suggestion.
template <std::size_t N>
void checkKeys(const YAML::Node& map, const char* const (&keys)[N], const std::string& where) {
  requireUniqueKeys(map, where);
  for (const auto& entry : map) {
    std::string key = keyOf(entry.first, where);
    if (std::find_if(std::begin(keys), std::end(keys), [&](const char* k) { return key == k; }) !=
        std::end(keys))
      continue;
    std::vector<std::string> allowed(std::begin(keys), std::end(keys));
    std::optional<std::string> close = types::closestName(key, allowed);
    throw Invalid{entry.first.Mark(),
                  fmt::format("unknown key '{}' in {}{} (expected one of: {})", key, where,
                              close ? fmt::format("; did you mean '{}'?", *close) : "",
                              keyList(keys))};
  }
}

// The key node of `key` in `map` (for pointing at it); `map` must have it.
YAML::Node keyNode(const YAML::Node& map, const char* key) {
  for (const auto& entry : map)
    if (entry.first.IsScalar() && entry.first.Scalar() == key)
      return entry.first;
  return YAML::Node();
}

std::string scalar(const YAML::Node& node, const std::string& what) {
  if (!node.IsScalar())
    throw Invalid{node.Mark(), fmt::format("{} must be a string", what)};
  requireCoreTag(node, what);
  return node.Scalar();
}

// A duration: a number of seconds or a string like "5m" (checked by the task builder itself).
std::string durationLiteral(const YAML::Node& node, const std::string& what) {
  std::string text = scalar(node, what);
  ScalarValue v = resolveScalar(text, true);
  if (std::holds_alternative<std::int64_t>(v) || std::holds_alternative<double>(v))
    return text;
  return plan::quoteLua(text);
}

std::string integerLiteral(const YAML::Node& node, const std::string& what) {
  std::string text = scalar(node, what);
  ScalarValue v = resolveScalar(text, true);
  auto* i = std::get_if<std::int64_t>(&v);
  if (!i || *i < 0 || *i > 999999999)
    throw Invalid{node.Mark(), fmt::format("{} must be a whole number, got '{}'", what, text)};
  return std::to_string(*i);
}

std::string booleanLiteral(const YAML::Node& node, const std::string& what) {
  std::string text = scalar(node, what);
  ScalarValue v = resolveScalar(text, true);
  if (auto* b = std::get_if<bool>(&v))
    return *b ? "true" : "false";
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

uint32_t lineOf(const YAML::Mark& mark) {
  return static_cast<uint32_t>(std::max(mark.line, 0));
}

// Glue code in the making, with the YAML nodes its pieces stand for.
class Code {
public:
  struct Piece {
    std::size_t offset = 0, length = 0;
    YAML::Mark mark;
    uint32_t yamlLength = 1;
  };

  Code() = default;
  explicit Code(std::string text) : text_(std::move(text)) {} // glue of its own

  Code& operator+=(std::string_view text) {
    text_ += text;
    return *this;
  }
  Code& operator+=(const Code& other) {
    for (Piece p : other.pieces_) {
      p.offset += text_.size();
      pieces_.push_back(p);
    }
    text_ += other.text_;
    return *this;
  }
  // `text` standing for the node at `mark`, which reaches `yamlLength` columns on its line.
  Code& add(std::string_view text, const YAML::Mark& mark, uint32_t yamlLength) {
    pieces_.push_back({text_.size(), text.size(), mark, yamlLength});
    text_ += text;
    return *this;
  }

  const std::string& text() const { return text_; }
  const std::vector<Piece>& pieces() const { return pieces_; }

private:
  std::string text_;
  std::vector<Piece> pieces_;
};

// The generated program, line by line: line i (0-based) holds YAML line i's script text, or the
// DSL glue placed there. Code is only ever added at or after the last line written, so the
// program runs in the YAML file's order.
class Program {
public:
  explicit Program(std::size_t lines) : lines_(lines), copied_(lines, false) {}

  // Adds glue code at `line`, or at the line where the last code went when that is later.
  void glue(std::size_t line, const Code& code) {
    line = std::max(line, cursor_);
    grow(line);
    std::string& l = lines_[line];
    if (!l.empty())
      l += " ";
    for (const Code::Piece& p : code.pieces())
      segments_.push_back({static_cast<uint32_t>(line), static_cast<uint32_t>(l.size() + p.offset),
                           static_cast<uint32_t>(p.length), lineOf(p.mark),
                           static_cast<uint32_t>(std::max(p.mark.column, 0)), p.yamlLength});
    l += code.text();
    cursor_ = line;
    glueOnCursor_ = true;
  }
  // A line of script text (never shares its line with glue); `copied` when it is the YAML
  // line itself.
  void script(std::size_t line, std::string text, bool copied) {
    line = std::max(line, cursor_ + (glueOnCursor_ ? 1 : 0));
    grow(line);
    lines_[line] = std::move(text);
    copied_[line] = copied;
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

  Translation finish() {
    Translation t;
    for (const std::string& l : lines_)
      t.program += l + "\n";
    t.copiedLines = std::move(copied_);
    t.segments = std::move(segments_);
    return t;
  }

private:
  std::vector<std::string> lines_;
  std::vector<bool> copied_;
  std::vector<GlueSegment> segments_;
  std::size_t cursor_ = 0;    // the first line new code may go on
  bool glueOnCursor_ = false; // glue is already there (script text then goes after it)
  void grow(std::size_t line) {
    if (line >= lines_.size()) {
      lines_.resize(line + 1);
      copied_.resize(line + 1, false);
    }
  }
};

class Translator {
public:
  Translator(std::string_view yamlText, std::string workflowName)
      : raw_(splitLines(yamlText)), program_(raw_.size()), workflowName_(std::move(workflowName)) {}

  Translation run(const YAML::Node& root) {
    if (!root.IsMap())
      throw Invalid{root.Mark(), "a YAML task file is a mapping with a 'tasks' list"};
    checkKeys(root, kTopKeys, "the task file");
    YAML::Node tasks = root["tasks"];
    if (!tasks)
      throw Invalid{root.Mark(), "a YAML task file needs a 'tasks' list (entries '- name: ...')"};
    if (!tasks.IsSequence())
      throw Invalid{tasks.IsNull() ? keyNode(root, "tasks").Mark() : tasks.Mark(),
                    "'tasks' must be a list of tasks (entries '- name: ...')"};
    // The workflow is defined on the `tasks:` line, where errors about it and `sloth list`
    // point; its task list is set after the last task.
    Code define("local __sloth_yaml_workflow = workflow.define(");
    define += workflowNameOf(root);
    define += ")";
    if (YAML::Node d = root["description"]) {
      define += method("description", root, "description");
      define += literal(plan::quoteLua(scalar(d, "description")), d);
      define += ")";
    }
    if (YAML::Node v = root["version"]) {
      define += method("version", root, "version");
      define += literal(plan::quoteLua(scalar(v, "version")), v);
      define += ")";
    }
    if (YAML::Node c = root["config"]) {
      define += method("config", root, "config");
      define += config(c);
      define += ")";
    }
    program_.glue(lineOf(keyNode(root, "tasks").Mark()), define);
    // Each entry of the list stands for its task's name (where a duplicate name is reported).
    Code list("__sloth_yaml_workflow:tasks({ ");
    for (std::size_t i = 0; i < tasks.size(); ++i) {
      std::string local = task(tasks[i], i + 1);
      list += literal(local, tasks[i]["name"]);
      list += ", ";
    }
    list += "})";
    program_.glue(program_.cursor(), list);
    return program_.finish();
  }

private:
  std::vector<std::string> raw_;
  Program program_;
  std::string workflowName_;

  // How far a scalar reaches on its line (its text, and quotes), for the caret's underline.
  uint32_t extent(const YAML::Mark& mark, const YAML::Node& node) const {
    uint32_t line = lineOf(mark);
    auto column = static_cast<std::size_t>(std::max(mark.column, 0));
    if (line >= raw_.size() || column >= raw_[line].size())
      return 1;
    std::size_t rest = raw_[line].size() - column;
    std::size_t length = node.IsScalar() ? node.Scalar().size() : 1;
    if (node.IsScalar() && (raw_[line][column] == '"' || raw_[line][column] == '\''))
      length += 2;
    return static_cast<uint32_t>(std::clamp<std::size_t>(length, 1, rest));
  }

  // `text` (a literal) standing for `node`.
  Code literal(const std::string& text, const YAML::Node& node) const {
    Code c;
    c.add(text, node.Mark(), extent(node.Mark(), node));
    return c;
  }
  // A method call `:method(` standing for the key that sets it.
  Code method(const char* name, const YAML::Node& map, const char* key) const {
    Code c;
    YAML::Node k = keyNode(map, key);
    c.add(fmt::format(":{}(", name), k.Mark(), static_cast<uint32_t>(std::string_view(key).size()));
    return c;
  }

  Code workflowNameOf(const YAML::Node& root) {
    if (YAML::Node n = root["name"])
      return literal(plan::quoteLua(scalar(n, "name")), n);
    return Code(plan::quoteLua(workflowName_));
  }

  Code config(const YAML::Node& c) {
    if (!c.IsMap())
      throw Invalid{c.Mark(), "config must be a mapping"};
    checkKeys(c, kConfigKeys, "config");
    Code out("{ ");
    if (YAML::Node n = c["max_parallel_tasks"]) {
      out += "max_parallel_tasks = ";
      out += literal(integerLiteral(n, "max_parallel_tasks"), n);
      out += ", ";
    }
    if (YAML::Node n = c["timeout"]) {
      out += "timeout = ";
      out += literal(durationLiteral(n, "config's timeout"), n);
      out += ", ";
    }
    if (YAML::Node n = c["fail_fast"]) {
      out += "fail_fast = ";
      out += literal(booleanLiteral(n, "fail_fast"), n);
      out += ", ";
    }
    out += "}";
    return out;
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
    Code chain(fmt::format("local {} = ", local));
    chain += literal(fmt::format("task({})", plan::quoteLua(name)), nameNode);
    auto setting = [&](const char* key, const std::string& value) {
      chain += method(key, t, key);
      chain += literal(value, t[key]);
      chain += ")";
    };
    if (YAML::Node d = t["description"])
      setting("description", plan::quoteLua(scalar(d, fmt::format("description of {}", where))));
    if (YAML::Node d = t["depends_on"]) {
      chain += method("depends_on", t, "depends_on");
      chain += dependencies(d, where);
      chain += ")";
    }
    if (YAML::Node n = t["timeout"])
      setting("timeout", durationLiteral(n, fmt::format("timeout of {}", where)));
    if (YAML::Node n = t["retries"]) {
      chain += method("retries", t, "retries");
      chain += retries(n, where);
      chain += ")";
    }
    if (YAML::Node n = t["workdir"])
      setting("workdir", plan::quoteLua(scalar(n, fmt::format("workdir of {}", where))));
    if (YAML::Node n = t["user"])
      setting("user", plan::quoteLua(scalar(n, fmt::format("user of {}", where))));
    // Conditions are shell commands here: exit status 0 means "holds".
    for (const char* key : {"run_if", "abort_if"})
      if (YAML::Node n = t[key])
        setting(key, plan::quoteLua(scalar(n, fmt::format("{} of {}", key, where))));
    if (YAML::Node p = t["params"]) {
      chain += method("params", t, "params");
      chain += paramsTable(p, keyNode(t, "params").Mark(), where);
      chain += ")";
    }
    YAML::Node exec = t["exec"];
    if (!exec) {
      chain += ":build()";
      program_.glue(lineOf(t.Mark()), chain);
      return local;
    }
    if (!exec.IsMap())
      throw Invalid{
          exec.IsNull() ? keyNode(t, "exec").Mark() : exec.Mark(),
          fmt::format("exec of {} must be a mapping with a 'script' or a 'command'", where)};
    checkKeys(exec, kExecKeys, fmt::format("exec of {}", where));
    YAML::Node script = exec["script"];
    YAML::Node command = exec["command"];
    if (script && command)
      throw Invalid{command.Mark(), fmt::format("{} has both a script and a command", where)};
    if (command) {
      chain += method("command", exec, "command");
      chain +=
          literal(plan::quoteLua(scalar(command, fmt::format("command of {}", where))), command);
      chain += "):build()";
      program_.glue(lineOf(t.Mark()), chain);
      return local;
    }
    if (!script)
      throw Invalid{exec.Mark(), fmt::format("exec of {} needs a 'script' or a 'command'", where)};
    // The builder chain goes on the task's first line: the DSL reports a bad setting at the line
    // where its chain starts, which is then the task's own.
    chain += method("command", exec, "script");
    chain += "function(this, params, input)";
    program_.glue(lineOf(t.Mark()), chain);
    YAML::Mark last = scriptBlock(script, where);
    // A script missing an `end` fails to parse here: point at the script's last line.
    Code close;
    close.add("end):build()", last, 1);
    program_.glue(program_.cursor(), close);
    return local;
  }

  // `retries: 3`, or `retries: {count: 3, delay: 2s, factor: 2, max_delay: 30s}` for the
  // builder's backoff table.
  Code retries(const YAML::Node& n, const std::string& where) {
    std::string what = fmt::format("retries of {}", where);
    if (!n.IsMap())
      return literal(integerLiteral(n, what), n);
    checkKeys(n, kRetryKeys, what);
    YAML::Node count = n["count"];
    if (!count)
      throw Invalid{n.Mark(), fmt::format("{} needs a 'count'", what)};
    Code out = literal(integerLiteral(count, what + ": count"), count);
    out += ", { ";
    for (const char* key : {"delay", "factor", "max_delay"}) {
      if (YAML::Node v = n[key]) {
        out += fmt::format("{} = ", key);
        out += literal(durationLiteral(v, fmt::format("{}: {}", what, key)), v);
        out += ", ";
      }
    }
    out += "}";
    return out;
  }

  Code dependencies(const YAML::Node& d, const std::string& where) {
    if (d.IsScalar())
      return literal(plan::quoteLua(scalar(d, fmt::format("depends_on of {}", where))), d);
    if (!d.IsSequence())
      throw Invalid{d.Mark(),
                    fmt::format("depends_on of {} must be a task name or a list of them", where)};
    Code out("{ ");
    for (const YAML::Node& name : d) {
      out += literal(plan::quoteLua(scalar(name, fmt::format("a depends_on entry of {}", where))),
                     name);
      out += ", ";
    }
    out += "}";
    return out;
  }

  // Places the script's lines at their own YAML lines; returns where its last line ends.
  YAML::Mark scriptBlock(const YAML::Node& script, const std::string& where) {
    std::string text = scalar(script, fmt::format("the script of {}", where));
    const YAML::Mark mark = script.Mark();
    std::size_t markLine = lineOf(mark);
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
        program_.script(at, same ? raw_[at] : lines[i], same);
      }
      return endOf(lines.empty() ? markLine : markLine + lines.size());
    }
    if (lines.size() > 1 || style == '>')
      throw Invalid{mark, fmt::format("the script of {} spans several lines: write it as a literal "
                                      "block ('script: |') so its lines keep their numbers",
                                      where)};
    // A one-line script beside its key.
    Code line;
    if (!lines.empty())
      line.add(lines.front(), mark, extent(mark, script));
    program_.glue(markLine, line);
    program_.endLine();
    return endOf(markLine);
  }

  YAML::Mark endOf(std::size_t line) const {
    YAML::Mark mark;
    mark.line = static_cast<int>(line);
    mark.column = line < raw_.size() ? static_cast<int>(raw_[line].size()) : 0;
    return mark;
  }
};

} // namespace

Translation translate(std::string_view yamlText, const std::string& workflowName) {
  YAML::Node root = YAML::Load(std::string(yamlText));
  return Translator(yamlText, workflowName).run(root);
}

} // namespace sloth::yaml
