#include "YamlTranslator.h"

#include "YamlParams.h"
#include "YamlShape.h"
#include "plan/AbstractValue.h" // quoteLua
#include "sloth/Duration.h"
#include "sloth/YamlLibrary.h"
#include "sloth/YamlScalar.h"
#include "sloth/analyzer/types/Suggest.h"

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <map>
#include <optional>

namespace sloth::yaml {

namespace {

constexpr const char* kTaskKeys[] = {
    "name",        "description", "depends_on", "timeout",    "retries",    "workdir", "user",
    "delegate_to", "run_if",      "abort_if",   "on_success", "on_failure", "params",  "exec"};
constexpr const char* kRetryKeys[] = {"count", "delay", "factor", "max_delay"};
constexpr const char* kCodeKeys[] = {"script", "command"};
constexpr const char* kTopKeys[] = {"name",     "description", "version", "config",
                                    "on_start", "on_complete", "tasks"};
constexpr const char* kConfigKeys[] = {"max_parallel_tasks", "timeout", "fail_fast"};

// A key whose value is code: a Lua function body (`script:`) or a shell command (`command:`).
struct CodeKey {
  const char* key;
  const char* method;     // the builder method it sets
  const char* parameters; // of the function a script is the body of
  // A bare string is a shell command (conditions, which the DSL takes as strings too); the
  // others are a mapping like `exec`.
  bool bareCommand;
  // A command must be wrapped in a function (the DSL's hooks only take functions).
  bool commandInFunction;
};

constexpr CodeKey kTaskCode[] = {
    {"run_if", "run_if", "this, params, input", true, false},
    {"abort_if", "abort_if", "this, params, input", true, false},
    {"exec", "command", "this, params, input", false, false},
    {"on_success", "on_success", "this, params, outputs", false, true},
    {"on_failure", "on_failure", "this, params, failure", false, true},
};
constexpr CodeKey kWorkflowCode[] = {
    {"on_start", "on_start", "", false, true},
    {"on_complete", "on_complete", "success, results", false, true},
};

template <std::size_t N> std::string keyList(const char* const (&keys)[N]) {
  std::string out;
  for (const char* k : keys)
    out += (out.empty() ? "" : ", ") + std::string(k);
  return out;
}

// Every key of `map` is one of `keys`, once, and has a value: else an error at the key, with the
// closest allowed key as a suggestion.
template <std::size_t N>
void checkKeys(const YAML::Node& map, const char* const (&keys)[N], const std::string& where) {
  requireUniqueKeys(map, where);
  for (const auto& entry : map) {
    std::string key = keyOf(entry.first, where);
    if (std::find_if(std::begin(keys), std::end(keys), [&](const char* k) { return key == k; }) ==
        std::end(keys)) {
      std::vector<std::string> allowed(std::begin(keys), std::end(keys));
      std::optional<std::string> close = types::closestName(key, allowed);
      throw Invalid{entry.first.Mark(),
                    fmt::format("unknown key '{}' in {}{} (expected one of: {})", key, where,
                                close ? fmt::format("; did you mean '{}'?", *close) : "",
                                keyList(keys))};
    }
    // An empty value's mark is where the next token starts: point at the key.
    if (entry.second.IsNull())
      throw Invalid{entry.first.Mark(), fmt::format("'{}' in {} has no value", key, where)};
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

// A plain number as a Lua literal (`1e3`, `0x1F` and `.inf` are YAML spellings Lua does not all
// share).
std::optional<double> number(const YAML::Node& node, const std::string& what) {
  ScalarValue v = resolveScalar(scalar(node, what), true);
  if (auto* i = std::get_if<std::int64_t>(&v))
    return static_cast<double>(*i);
  if (auto* d = std::get_if<double>(&v))
    return *d;
  return std::nullopt;
}

std::string numberText(double seconds) {
  return fmt::format("{}", seconds);
}

// A duration: a number of seconds or a string like "5m", checked here so a mistake is reported
// at its line and column before anything runs, with the run's limits (a timeout is positive; a
// delay may be 0; neither longer than kMaxDurationSeconds).
std::string durationLiteral(const YAML::Node& node, const std::string& what,
                            bool zeroAllowed = true) {
  std::optional<double> seconds = number(node, what);
  std::string text = node.Scalar();
  bool withUnits = !seconds && (seconds = parseDuration(text)).has_value();
  if (!seconds)
    throw Invalid{node.Mark(), fmt::format("{}: invalid duration '{}' (use seconds, or e.g. 90s, "
                                           "5m, 1h30m)",
                                           what, text)};
  if (!std::isfinite(*seconds) || *seconds < 0 || (*seconds == 0 && !zeroAllowed))
    throw Invalid{node.Mark(), fmt::format("{}: the duration must be a positive number of "
                                           "seconds, got '{}'",
                                           what, text)};
  if (*seconds > kMaxDurationSeconds)
    throw Invalid{
        node.Mark(),
        fmt::format("{}: the duration is too long (at most 10 years), got '{}'", what, text)};
  return withUnits ? plan::quoteLua(text) : numberText(*seconds);
}

std::string integerLiteral(const YAML::Node& node, const std::string& what, std::int64_t least) {
  std::string text = scalar(node, what);
  ScalarValue v = resolveScalar(text, true);
  auto* i = std::get_if<std::int64_t>(&v);
  if (!i || *i < least || *i > 999999999)
    throw Invalid{node.Mark(), fmt::format("{} must be a whole number{}, got '{}'", what,
                                           least > 0 ? fmt::format(" >= {}", least) : "", text)};
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

// The parts of a code value (`exec`, a condition, a hook): a script or a shell command.
struct CodeValue {
  // One of the two (a default YAML::Node counts as present: hence optional).
  std::optional<YAML::Node> script;  // a Lua function body
  std::optional<YAML::Node> command; // a shell command line
  YAML::Mark methodMark;             // where the glue that sets it points
  uint32_t methodLength = 1;
};

class Translator {
public:
  Translator(std::string_view yamlText, std::string workflowName)
      : raw_(splitLines(yamlText)), program_(raw_.size()), workflowName_(std::move(workflowName)) {}

  Translation run(const YAML::Node& root) {
    if (!root.IsMap())
      throw Invalid{root.Mark(), std::string("a YAML task file is a mapping with a 'tasks' list") +
                                     (root.IsSequence() ? " (this file is a list: put 'tasks:' "
                                                          "above it and indent its entries)"
                                                        : "")};
    YAML::Node tasks = root["tasks"];
    if (tasks && !tasks.IsSequence())
      throw Invalid{tasks.IsNull() ? keyNode(root, "tasks").Mark() : tasks.Mark(),
                    "'tasks' must be a list of tasks (entries '- name: ...')"};
    checkKeys(root, kTopKeys, "the task file");
    if (!tasks)
      throw Invalid{root.Mark(), "a YAML task file needs a 'tasks' list (entries '- name: ...')"};
    // The workflow is defined on the `tasks:` line, where errors about it and `sloth list`
    // point (or on the line of a workflow hook's script before it); the hooks' scripts are set
    // at their own lines, and the task list after the last task.
    std::vector<std::pair<const CodeKey*, CodeValue>> scripts;
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
    std::size_t defineLine = lineOf(keyNode(root, "tasks").Mark());
    for (const CodeKey* k : codeKeysOf(root, kWorkflowCode)) {
      CodeValue code = codeValue(root, *k, "the workflow");
      if (code.command) {
        define += methodAt(*k, code);
        define += shellHook(*k, *code.command, "");
        define += ")";
      } else {
        defineLine = std::min<std::size_t>(defineLine, lineOf(code.methodMark));
        scripts.emplace_back(k, code);
      }
    }
    program_.glue(defineLine, define);
    std::size_t next = 0;
    auto scriptsBefore = [&](std::size_t line) {
      for (; next < scripts.size() && lineOf(scripts[next].second.methodMark) < line; ++next) {
        const auto& [k, code] = scripts[next];
        emitScript(Code("__sloth_yaml_workflow"), lineOf(code.methodMark), *k, code,
                   "the workflow");
      }
    };
    // The tasks are the entries of the list itself (no local each: Lua allows 200 locals), each
    // builder chain starting at its task's line.
    std::size_t tasksLine = lineOf(keyNode(root, "tasks").Mark());
    scriptsBefore(tasksLine);
    program_.glue(tasksLine, Code("__sloth_yaml_workflow:tasks({"));
    for (std::size_t i = 0; i < tasks.size(); ++i)
      task(tasks[i], i + 1);
    program_.glue(program_.cursor(), Code("})"));
    scriptsBefore(std::numeric_limits<std::size_t>::max());
    return program_.finish();
  }

private:
  std::vector<std::string> raw_;
  Program program_;
  std::string workflowName_;                     // the file's name until its `name:` is read
  std::map<std::string, std::size_t> taskNames_; // each task's name and its line (1-based)

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
    if (YAML::Node n = root["name"]) {
      workflowName_ = scalar(n, "name");
      return literal(plan::quoteLua(workflowName_), n);
    }
    return Code(plan::quoteLua(workflowName_));
  }

  Code config(const YAML::Node& c) {
    if (!c.IsMap())
      throw Invalid{c.Mark(), "config must be a mapping"};
    checkKeys(c, kConfigKeys, "config");
    Code out("{ ");
    if (YAML::Node n = c["max_parallel_tasks"]) {
      out += "max_parallel_tasks = ";
      out += literal(integerLiteral(n, "max_parallel_tasks", 1), n);
      out += ", ";
    }
    if (YAML::Node n = c["timeout"]) {
      out += "timeout = ";
      out += literal(durationLiteral(n, "config's timeout", false), n);
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

  // The value of a code key of `map`: `command:`/`script:` in a mapping, or (for conditions) a
  // bare string that is a shell command.
  CodeValue codeValue(const YAML::Node& map, const CodeKey& k, const std::string& owner) {
    YAML::Node value = map[k.key];
    YAML::Node key = keyNode(map, k.key);
    std::string what = fmt::format("{} of {}", k.key, owner);
    CodeValue code;
    code.methodMark = key.Mark();
    code.methodLength = static_cast<uint32_t>(std::string_view(k.key).size());
    if (value.IsScalar() && k.bareCommand) {
      code.command = value;
      return code;
    }
    if (!value.IsMap())
      throw Invalid{value.Mark(),
                    fmt::format("{} must be a mapping with a 'script' or a 'command'{}", what,
                                k.bareCommand ? ", or a shell command" : "")};
    checkKeys(value, kCodeKeys, what);
    if (YAML::Node script = value["script"])
      code.script = script;
    if (YAML::Node command = value["command"])
      code.command = command;
    if (code.script && code.command)
      throw Invalid{keyNode(value, "command").Mark(),
                    fmt::format("{} has both a script and a command", what)};
    if (!code.script && !code.command)
      throw Invalid{value.Mark(), fmt::format("{} needs a 'script' or a 'command'", what)};
    if (code.script) {
      code.methodMark = keyNode(value, "script").Mark();
      code.methodLength = 6;
    }
    return code;
  }

  // The code keys `map` has, in the file's order (their scripts go at their own lines, so the
  // program takes them in that order). Never sort YAML nodes: assigning one to another rewrites
  // the document.
  template <std::size_t N>
  static std::vector<const CodeKey*> codeKeysOf(const YAML::Node& map, const CodeKey (&keys)[N]) {
    std::vector<const CodeKey*> out;
    for (const auto& entry : map)
      for (const CodeKey& k : keys)
        if (entry.first.Scalar() == k.key)
          out.push_back(&k);
    return out;
  }

  // A shell command as a hook (the DSL's hooks are functions): it runs as a task's string
  // command does (in the task's workdir, as its user), its output is shown as print shows a
  // task's (prefixed with the task's name; stdout, then stderr, when it has ended), and it fails
  // the hook when it exits non-zero, with the same message.
  Code shellHook(const CodeKey& k, const YAML::Node& command, const std::string& user) {
    std::string what = fmt::format("{}'s command", k.key);
    Code out(fmt::format("function({}) local r = exec.command(", k.parameters));
    out += literal(plan::quoteLua(scalar(command, what)), command);
    std::string options;
    if (std::string_view(k.parameters).starts_with("this"))
      options = ", { cwd = this.workdir" + (user.empty() ? "" : ", user = " + user) + " }";
    out += options + ") for _, o in ipairs({ r.stdout, r.stderr }) do if o ~= \"\" then "
                     "print((o:gsub(\"\\n$\", \"\"))) end end "
                     "if not r.success then local last = r.stderr:match(\"([^\\n]*)\\n*$\") "
                     "error(\"command exited with status \" .. r.exit_code .. (last ~= \"\" and "
                     "\": \" .. last or \"\"), 0) end end";
    return out;
  }

  // `:method(` standing for the key of a code value (or its `script:`).
  static Code methodAt(const CodeKey& k, const CodeValue& code) {
    Code open;
    open.add(fmt::format(":{}(", k.method), code.methodMark, code.methodLength);
    return open;
  }

  // `chain` (the glue so far) at `chainLine`, then `:method(function(PARAMETERS)` on the script
  // key's line, the script at its own lines, and `end)`.
  void emitScript(const Code& chain, std::size_t chainLine, const CodeKey& k, const CodeValue& code,
                  const std::string& owner) {
    program_.glue(chainLine, chain);
    Code open = methodAt(k, code);
    open += fmt::format("function({})", k.parameters);
    program_.glue(lineOf(code.methodMark), open);
    std::string of =
        std::string_view(k.key) == "exec" ? owner : fmt::format("{} of {}", k.key, owner);
    YAML::Mark last = scriptBlock(*code.script, of);
    // A script missing an `end` fails to parse here: point at the script's last line.
    Code close;
    close.add("end)", last, 1);
    program_.glue(program_.cursor(), close);
  }

  // Emits task number `index`, an entry of the workflow's task list. Its settings go on its first
  // line (the DSL reports a bad setting at the line where the builder chain starts, which is
  // then the task's own), each script after them at its own lines.
  void task(const YAML::Node& t, std::size_t index) {
    if (!t.IsMap())
      throw Invalid{t.Mark(), fmt::format("task {} must be a mapping with a 'name'", index)};
    YAML::Node nameNode = t["name"];
    if (!nameNode)
      throw Invalid{t.Mark(), fmt::format("task {} has no 'name'", index)};
    std::string name = scalar(nameNode, "a task's name");
    // Found here, not by the DSL at run time: its error would point at the `tasks:` line.
    if (auto [first, fresh] = taskNames_.emplace(name, lineOf(nameNode.Mark()) + 1); !fresh)
      throw Invalid{nameNode.Mark(),
                    fmt::format("workflow '{}' has two tasks named '{}' (the first at line {}); "
                                "task names must be unique within a workflow",
                                workflowName_, name, first->second)};
    std::string where = fmt::format("task '{}'", name);
    checkKeys(t, kTaskKeys, where);
    // The chain's start stands for the name (where a duplicate name is reported).
    Code chain = literal(fmt::format("task({})", plan::quoteLua(name)), nameNode);
    auto setting = [&](const char* key, const std::string& value) {
      chain += method(key, t, key);
      chain += literal(value, t[key]);
      chain += ")";
    };
    auto text = [&](const char* key) {
      return plan::quoteLua(scalar(t[key], fmt::format("{} of {}", key, where)));
    };
    if (t["description"])
      setting("description", text("description"));
    if (YAML::Node d = t["depends_on"]) {
      chain += method("depends_on", t, "depends_on");
      chain += dependencies(d, where);
      chain += ")";
    }
    if (YAML::Node n = t["timeout"])
      setting("timeout", durationLiteral(n, fmt::format("timeout of {}", where), false));
    if (YAML::Node n = t["retries"]) {
      chain += method("retries", t, "retries");
      chain += retries(n, where);
      chain += ")";
    }
    for (const char* key : {"workdir", "user", "delegate_to"})
      if (t[key])
        setting(key, text(key));
    if (YAML::Node p = t["params"]) {
      chain += method("params", t, "params");
      chain += paramsTable(p, keyNode(t, "params").Mark(), where);
      chain += ")";
    }
    std::string user = t["user"] ? text("user") : "";
    std::vector<std::pair<const CodeKey*, CodeValue>> scripts; // in the file's order
    for (const CodeKey* k : codeKeysOf(t, kTaskCode)) {
      CodeValue code = codeValue(t, *k, where);
      if (code.script) {
        scripts.emplace_back(k, code);
        continue;
      }
      chain += methodAt(*k, code);
      if (k->commandInFunction)
        chain += shellHook(*k, *code.command, user);
      else
        chain +=
            literal(plan::quoteLua(scalar(*code.command, fmt::format("{} of {}", k->key, where))),
                    *code.command);
      chain += ")";
    }
    for (const auto& [k, code] : scripts) {
      emitScript(chain, lineOf(t.Mark()), *k, code, where);
      chain = Code();
    }
    chain += ":build(),";
    program_.glue(scripts.empty() ? lineOf(t.Mark()) : program_.cursor(), chain);
  }
  // `retries: 3`, or `retries: {count: 3, delay: 2s, factor: 2, max_delay: 30s}` for the
  // builder's backoff table.
  Code retries(const YAML::Node& n, const std::string& where) {
    std::string what = fmt::format("retries of {}", where);
    if (!n.IsMap())
      return literal(integerLiteral(n, what, 0), n);
    checkKeys(n, kRetryKeys, what);
    YAML::Node count = n["count"];
    if (!count)
      throw Invalid{n.Mark(), fmt::format("{} needs a 'count'", what)};
    Code out = literal(integerLiteral(count, what + ": count", 0), count);
    out += ", { ";
    for (const char* key : {"delay", "factor", "max_delay"}) {
      YAML::Node v = n[key];
      if (!v)
        continue;
      std::string whatKey = fmt::format("{}: {}", what, key);
      out += fmt::format("{} = ", key);
      if (std::string_view(key) == "factor") {
        std::optional<double> factor = number(v, whatKey);
        if (!factor || !std::isfinite(*factor) || *factor < 1)
          throw Invalid{v.Mark(),
                        fmt::format("{} must be a number >= 1, got '{}'", whatKey, v.Scalar())};
        out += literal(numberText(*factor), v);
      } else {
        out += literal(durationLiteral(v, whatKey), v);
      }
      out += ", ";
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
    if (!lines.empty() && (style == '"' || style == '\''))
      line = quotedLine(lines.front(), mark, style);
    else if (!lines.empty())
      line.add(lines.front(), mark, extent(mark, script));
    program_.glue(markLine, line);
    program_.endLine();
    return endOf(markLine);
  }

  // A quoted one-line script as pieces at the columns they are written at: text between escapes
  // column for column (past the opening quote), an escape (`\"`, `\x41`, `''`) at its own
  // columns, so a diagnostic inside the script points where the YAML line has it.
  Code quotedLine(const std::string& text, const YAML::Mark& quoteMark, char quote) const {
    const std::string& yaml = raw_[lineOf(quoteMark)];
    std::size_t at = static_cast<std::size_t>(quoteMark.column) + 1, done = 0;
    Code out;
    auto piece = [&](std::size_t yamlLength, std::size_t textLength) {
      textLength = std::min(textLength, text.size() - done);
      YAML::Mark m = quoteMark;
      m.column = static_cast<int>(at);
      out.add(std::string_view(text).substr(done, textLength), m,
              static_cast<uint32_t>(std::max<std::size_t>(yamlLength, 1)));
      at += yamlLength;
      done += textLength;
    };
    while (done < text.size() && at < yaml.size()) {
      if (quote == '\'' && yaml[at] == '\'') {
        piece(2, 1); // '' stands for '
      } else if (quote == '"' && yaml[at] == '\\' && at + 1 < yaml.size()) {
        auto [yamlLength, textLength] = escapeLengths(std::string_view(yaml).substr(at + 1));
        piece(yamlLength, textLength);
      } else {
        std::size_t run = 0;
        while (at + run < yaml.size() && done + run < text.size() && yaml[at + run] != quote &&
               yaml[at + run] != '\\' && yaml[at + run] == text[done + run])
          ++run;
        if (run == 0)
          break; // not the text as expected: the rest goes at the current column
        piece(run, run);
      }
    }
    if (done < text.size())
      piece(1, text.size() - done);
    return out;
  }

  // The columns a double-quoted scalar's escape takes after its backslash (with it), and the
  // bytes it stands for (UTF-8).
  static std::pair<std::size_t, std::size_t> escapeLengths(std::string_view afterBackslash) {
    char kind = afterBackslash.front();
    std::size_t digits = kind == 'x' ? 2 : kind == 'u' ? 4 : kind == 'U' ? 8 : 0;
    if (digits == 0)
      return {2, kind == 'N' || kind == '_' ? 2 : kind == 'L' || kind == 'P' ? 3 : 1};
    unsigned long code =
        std::strtoul(std::string(afterBackslash.substr(1, digits)).c_str(), nullptr, 16);
    return {digits + 2, code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4};
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
  initializeYaml();
  YAML::Node root = YAML::Load(std::string(yamlText));
  return Translator(yamlText, workflowName).run(root);
}

} // namespace sloth::yaml
