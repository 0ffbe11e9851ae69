// The tasks and workflows a script defines, read statically from its AST (design §6): every
// `task("name")` builder chain and task table, every `workflow.define(...)` in its fluent and
// table forms, with the source range of each setting. `slothc check` runs the DSL checks on it,
// bundles store it as metadata, the planner orders tasks with it.
//
// Nothing is guessed: a value the extractor cannot read from the source (a variable, a call, a
// concatenation) is Unknown, and a task or workflow whose settings may change somewhere the
// extractor does not follow (a builder passed to a function, a method called inside an `if`) is
// marked `opaque`. Consumers must treat Unknown as "anything", never as "absent".
//
//   auto graph = dsl::extractTaskGraph(parsed->chunk);
//   for (const dsl::Workflow& w : graph.workflows) ...
#pragma once

#include "sloth/frontend/Ast.h"
#include "sloth/frontend/SourceRange.h"

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace sloth::dsl {

// One setting as written in the source: absent (never set), a literal the extractor read, or
// set to something it cannot know statically. When set more than once, the last one counts (as
// at run time) and `range` points at it.
struct Setting {
  enum class State : uint8_t { Absent, Known, Unknown };
  State state = State::Absent;
  // When Known: the literal. Strings hold their decoded bytes.
  std::variant<std::monostate, std::string, int64_t, double, bool> value;
  SourceRange range; // the value's expression (empty when Absent)

  bool absent() const { return state == State::Absent; }
  bool known() const { return state == State::Known; }
  bool unknown() const { return state == State::Unknown; }
  // The literal string, or nullptr when not a known string.
  const std::string* string() const { return known() ? std::get_if<std::string>(&value) : nullptr; }
  // The literal as a number (integers converted), or nullopt when not a known number.
  std::optional<double> number() const;
};

// What a `command`, `run_if` or `abort_if` is set to.
struct Action {
  enum class Kind : uint8_t { Absent, Function, Shell, Unknown };
  Kind kind = Kind::Absent;
  Setting shell; // Kind::Shell: the shell string (Known when a literal, else Unknown)
  const ast::FunctionBody* function = nullptr; // Kind::Function: the function literal
  SourceRange range;                           // the value's expression
};

// A task's `params` (`:params{...}`, `params = {...}`) as far as the source tells: literals and
// table constructors of them are read; anything else (a variable, a call, `..`) is Computed.
struct ParamValue {
  enum class Kind : uint8_t { Computed, Literal, Table };
  Kind kind = Kind::Computed;
  Setting literal; // Kind::Literal (a nil literal is Known with no value)
  // Kind::Table: its entries in source order, each with `key` set for `k = v` / `["k"] = v` and
  // nullopt for a positional entry. `complete` is false when an entry's key is not a literal
  // string (`[k] = v`) or a last call/`...` may add entries.
  std::optional<std::string> key;
  std::vector<ParamValue> entries;
  bool complete = true;
  SourceRange range;
};

// One name in `depends_on`.
struct Dependency {
  std::string name;
  SourceRange range; // the string literal
};

struct Dependencies {
  bool set = false;     // depends_on was given
  bool complete = true; // every entry is a literal name (false: some are unknown)
  std::vector<Dependency> names;
  SourceRange range; // the depends_on value (the string or the list)
};

struct Task {
  enum class Form : uint8_t {
    Builder, // task("name"):...
    Table,   // { name = "name", ... } inside a workflow's task list
  };
  Form form = Form::Builder;
  Setting name;      // Known string when the name is a literal
  SourceRange range; // the whole definition: `task(` up to the last method call, or the table
  // `:build()` was called on its builder (unconditionally); always true for tables. Whether a
  // given use is the built task or the bare builder is TaskRef::unbuiltBuilder.
  bool built = false;
  SourceRange buildRange; // the first `build` method name, when built
  // Settings may change where the extractor does not follow (see the file comment); they are
  // then a lower bound of what the task has at run time.
  bool opaque = false;
  // Defined in the main chunk's top-level statements (runs exactly once, unconditionally).
  bool topLevel = false;
  // The builder chain is a statement of its own, its result dropped: without `:build()` and a
  // name to refer to it, the task can never be part of a workflow.
  bool discarded = false;

  Setting description;
  Action command;
  Dependencies dependsOn;
  Setting timeout; // a Duration: string ("5m") or number of seconds
  Setting retries;
  Setting workdir;
  Setting user;
  Setting delegateTo;
  Action runIf;
  Action abortIf;
  bool hasOnSuccess = false;
  bool hasOnFailure = false;
  std::optional<ParamValue> params; // nullopt: never set
};

// One entry of a workflow's task list.
struct TaskRef {
  std::optional<size_t> task; // index into TaskGraph::tasks; nullopt when unknown
  // The entry is a builder without `:build()` (a run-time error: "a task table needs a 'name'").
  bool unbuiltBuilder = false;
  SourceRange range; // the entry's expression
};

struct Workflow {
  enum class Form : uint8_t {
    Fluent, // workflow.define("name"):description(...):tasks({...})
    Table,  // workflow.define("name", { tasks = {...}, ... })
  };
  Form form = Form::Fluent;
  Setting name;
  SourceRange range; // the whole definition
  bool opaque = false;
  bool topLevel = false;

  Setting description;
  Setting version;
  bool tasksSet = false;
  bool tasksComplete = true; // every entry of the list is known (false: some may be anything)
  std::vector<TaskRef> tasks;
  SourceRange tasksRange; // the task list's expression
  // config = { max_parallel_tasks = ..., timeout = ..., fail_fast = ... }
  bool configSet = false;
  bool configComplete = true; // the config is a table constructor with only those literal keys
  Setting maxParallelTasks;
  Setting configTimeout;
  Setting failFast;
  bool hasOnStart = false;
  bool hasOnComplete = false;
};

struct TaskGraph {
  FileId file = 0;
  std::vector<Task> tasks; // in source order of their definitions
  std::vector<Workflow> workflows;

  // The tasks of `workflow` in list order (unknown entries skipped).
  std::vector<const Task*> tasksOf(const Workflow& workflow) const;
};

// Reads the task graph of a parsed (resolved) chunk. Never fails; what it cannot read is Unknown.
TaskGraph extractTaskGraph(const ast::Chunk& chunk);

// The known tasks of `workflow` in an order where each comes after the tasks it depends on
// (Kahn's algorithm, ties in list order); indices into TaskGraph::tasks. nullopt when the order
// is not certain: an unknown entry or dependency, an opaque task, a cycle, a duplicate name.
std::optional<std::vector<size_t>> dependencyOrder(const TaskGraph& graph,
                                                   const Workflow& workflow);

} // namespace sloth::dsl
