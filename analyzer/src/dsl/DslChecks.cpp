#include "sloth/analyzer/dsl/DslChecks.h"

#include "sloth/Duration.h"
#include "sloth/analyzer/types/Suggest.h"

#include <fmt/core.h>

#include <functional>
#include <map>
#include <set>

namespace sloth::dsl {

namespace {

// "workflow 'web'", or "this workflow" when its name is not a literal.
std::string describe(const Workflow& w) {
  return w.name.string() ? fmt::format("workflow '{}'", *w.name.string()) : "this workflow";
}

class WorkflowChecker {
public:
  WorkflowChecker(const TaskGraph& graph, const Workflow& workflow, DiagnosticEngine& diags)
      : graph_(graph), workflow_(workflow), diags_(diags) {}

  void run() {
    if (!workflow_.tasksSet)
      return;
    missingBuild();
    bool unique = duplicates();
    if (unique)
      unknownDependencies();
    if (unique)
      cycles();
  }

private:
  const TaskGraph& graph_;
  const Workflow& workflow_;
  DiagnosticEngine& diags_;
  std::map<std::string, size_t> byName_; // task name -> index into graph_.tasks

  Diagnostic& error(std::string code, SourceRange range, std::string message) {
    return diags_.error(std::move(code), graph_.file, range, std::move(message));
  }

  void missingBuild() {
    for (const TaskRef& ref : workflow_.tasks) {
      if (!ref.unbuiltBuilder)
        continue;
      const Task& t = graph_.tasks[*ref.task];
      std::string name = t.name.string() ? fmt::format("'{}'", *t.name.string()) : "here";
      Diagnostic& d = error("missing-build", ref.range,
                            fmt::format("the task {} is a builder without ':build()'; {} needs "
                                        "built tasks, so the run fails",
                                        name, describe(workflow_)));
      d.fixIt = FixIt{{ref.range.end, ref.range.end}, ":build()"};
    }
  }

  // Reports tasks listed under one name twice; true when no two different tasks share a name
  // (the name -> task map is then unambiguous and the dependency checks can rely on it).
  bool duplicates() {
    bool exact = workflow_.tasksComplete && !workflow_.opaque;
    bool duplicate = false;
    std::map<std::string, const TaskRef*> seen;
    for (const TaskRef& ref : workflow_.tasks) {
      const std::string* name = ref.task ? graph_.tasks[*ref.task].name.string() : nullptr;
      if (!name) {
        exact = false;
        continue;
      }
      auto [it, fresh] = seen.emplace(*name, &ref);
      if (fresh) {
        byName_[*name] = *ref.task;
        continue;
      }
      bool same = it->second->task == ref.task;
      duplicate = duplicate || !same; // the same task twice still has one meaning per name
      Diagnostic& d =
          error("duplicate-task", ref.range,
                same ? fmt::format("{} lists task '{}' twice", describe(workflow_), *name)
                     : fmt::format("{} has two tasks named '{}'; task names must be unique "
                                   "within a workflow",
                                   describe(workflow_), *name));
      d.notes.push_back({graph_.file, it->second->range, "listed first here"});
    }
    complete_ = exact && !duplicate;
    return !duplicate;
  }

  bool complete_ = false; // the workflow's tasks are exactly those of byName_

  // Only certain when the whole list is known: otherwise an unknown entry may be the task.
  void unknownDependencies() {
    if (!complete_)
      return;
    std::vector<std::string> names;
    for (const auto& [name, index] : byName_)
      names.push_back(name);
    std::set<const Task*> done;
    for (const TaskRef& ref : workflow_.tasks) {
      const Task& t = graph_.tasks[*ref.task];
      if (t.opaque || !done.insert(&t).second)
        continue;
      for (const Dependency& dep : t.dependsOn.names) {
        if (byName_.count(dep.name) || dep.name == *t.name.string())
          continue;
        std::string message = fmt::format("task '{}' depends on '{}', which is not a task of {}",
                                          *t.name.string(), dep.name, describe(workflow_));
        const Task* elsewhere = definedElsewhere(dep.name);
        if (!elsewhere) {
          if (auto fixed = types::closestName(dep.name, names))
            message += fmt::format("; did you mean '{}'?", *fixed);
        }
        Diagnostic& d = error("unknown-dependency", dep.range, message);
        if (elsewhere)
          d.notes.push_back({graph_.file, elsewhere->name.range,
                             fmt::format("a task '{}' is defined here but not listed in {}",
                                         dep.name, describe(workflow_))});
      }
    }
  }

  const Task* definedElsewhere(const std::string& name) const {
    for (const Task& t : graph_.tasks)
      if (t.name.string() && *t.name.string() == name)
        return &t;
    return nullptr;
  }

  // Depth-first search over the certain edges (literal dependencies of tasks that are not
  // opaque); each back edge closes a cycle, reported once at the dependency that closes it.
  void cycles() {
    std::map<size_t, int> state; // 0 unvisited, 1 on the path, 2 done
    std::vector<std::pair<size_t, const Dependency*>> path;
    std::set<std::set<size_t>> reported;
    std::function<void(size_t)> visit = [&](size_t task) {
      state[task] = 1;
      const Task& t = graph_.tasks[task];
      if (!t.opaque)
        for (const Dependency& dep : t.dependsOn.names) {
          auto it = byName_.find(dep.name);
          if (it == byName_.end())
            continue;
          size_t next = it->second;
          path.push_back({task, &dep});
          if (state[next] == 1)
            reportCycle(path, next, reported);
          else if (state[next] == 0)
            visit(next);
          path.pop_back();
        }
      state[task] = 2;
    };
    for (const TaskRef& ref : workflow_.tasks)
      if (ref.task && byName_.count(nameOf(*ref.task)) && state[*ref.task] == 0)
        visit(*ref.task);
  }

  std::string nameOf(size_t task) const {
    const std::string* name = graph_.tasks[task].name.string();
    return name ? *name : std::string();
  }

  void reportCycle(const std::vector<std::pair<size_t, const Dependency*>>& path, size_t start,
                   std::set<std::set<size_t>>& reported) {
    size_t from = 0;
    while (path[from].first != start)
      ++from;
    std::set<size_t> members;
    std::string text;
    for (size_t i = from; i < path.size(); ++i) {
      members.insert(path[i].first);
      text += nameOf(path[i].first) + " -> ";
    }
    text += nameOf(start);
    if (!reported.insert(members).second)
      return;
    const Dependency& closing = *path.back().second;
    std::string message = members.size() == 1
                              ? fmt::format("task '{}' depends on itself", nameOf(start))
                              : fmt::format("{}: dependency cycle: {}", describe(workflow_), text);
    Diagnostic& d = error("dependency-cycle", closing.range, message);
    for (size_t i = from; i + 1 < path.size(); ++i)
      d.notes.push_back(
          {graph_.file, path[i].second->range,
           fmt::format("'{}' depends on '{}' here", nameOf(path[i].first), path[i].second->name)});
  }
};

// A timeout given as a literal that the run would refuse (`task 'a': timeout: invalid duration
// '5 minuets'`): reported before anything runs, with the run's wording.
void checkTimeout(const TaskGraph& graph, const Setting& timeout, const std::string& what,
                  DiagnosticEngine& diags) {
  std::optional<double> seconds = timeout.number();
  if (const std::string* text = timeout.string()) {
    seconds = parseDuration(*text);
    if (!seconds) {
      diags.error("invalid-duration", graph.file, timeout.range,
                  fmt::format("{}: invalid duration '{}' (use seconds, or e.g. \"90s\", \"5m\", "
                              "\"1h30m\")",
                              what, *text));
      return;
    }
  }
  if (seconds && !(*seconds > 0))
    diags.error("invalid-duration", graph.file, timeout.range,
                fmt::format("{}: the duration must be positive", what));
  else if (seconds && *seconds > kMaxDurationSeconds)
    diags.error("invalid-duration", graph.file, timeout.range,
                fmt::format("{}: the duration is too long (at most 10 years)", what));
}

} // namespace

// `task("")` (the table form takes an empty name), and a workflow name defined twice where both
// definitions certainly run: the run refuses both ("a task needs a non-empty name", "workflow 'w'
// is already defined at ...").
void checkNames(const TaskGraph& graph, DiagnosticEngine& diags) {
  for (const Task& t : graph.tasks)
    if (const std::string* name = t.name.string();
        name && name->empty() && t.form == Task::Form::Builder)
      diags.error("invalid-task-name", graph.file, t.name.range, "a task needs a non-empty name");
  std::map<std::string, const Workflow*> defined;
  for (const Workflow& w : graph.workflows) {
    const std::string* name = w.name.string();
    if (!name || !w.topLevel)
      continue;
    auto [it, first] = defined.emplace(*name, &w);
    if (first)
      continue;
    Diagnostic& d = diags.error(
        "duplicate-workflow", graph.file, w.name.range,
        fmt::format("workflow '{}' is already defined; workflow names must be unique", *name));
    d.notes.push_back({graph.file, it->second->name.range, "defined first here"});
  }
}

// The returns of `body`'s own code (not of functions nested in it), in order.
void collectReturns(const ast::Block* block, std::vector<const ast::ReturnStat*>& out) {
  if (!block)
    return;
  for (const ast::Stat* s : block->stats) {
    switch (s->kind) {
    case ast::StatKind::Return:
      out.push_back(s->as<ast::ReturnStat>());
      break;
    case ast::StatKind::Do:
      collectReturns(s->as<ast::DoStat>()->body, out);
      break;
    case ast::StatKind::While:
      collectReturns(s->as<ast::WhileStat>()->body, out);
      break;
    case ast::StatKind::Repeat:
      collectReturns(s->as<ast::RepeatStat>()->body, out);
      break;
    case ast::StatKind::NumericFor:
      collectReturns(s->as<ast::NumericForStat>()->body, out);
      break;
    case ast::StatKind::GenericFor:
      collectReturns(s->as<ast::GenericForStat>()->body, out);
      break;
    case ast::StatKind::If: {
      const auto* i = s->as<ast::IfStat>();
      for (const ast::Block* b : i->blocks)
        collectReturns(b, out);
      collectReturns(i->elseBlock, out);
      break;
    }
    default:
      break;
    }
  }
}

// A function command whose return gives a string, a number or a table as its first result: the
// runner fails such a task (only true, false or nothing are results; docs/dsl.md).
void checkCommandResults(const TaskGraph& graph, DiagnosticEngine& diags) {
  for (const Task& t : graph.tasks) {
    if (t.command.kind != Action::Kind::Function || !t.command.function)
      continue;
    std::vector<const ast::ReturnStat*> returns;
    collectReturns(t.command.function->body, returns);
    for (const ast::ReturnStat* r : returns) {
      if (r->values.empty())
        continue;
      const ast::Expr* first = ast::stripParens(r->values.front());
      const char* kind = first->is<ast::StringExpr>()   ? "a string"
                         : first->is<ast::NumberExpr>() ? "a number"
                         : first->is<ast::TableExpr>()  ? "a table"
                                                        : nullptr;
      if (!kind)
        continue;
      std::string who = t.name.string() ? fmt::format("task '{}'", *t.name.string()) : "a task";
      diags.error("command-result", graph.file, first->range,
                  fmt::format("{}: the command returns {} as its first result; the task fails "
                              "at run time: return true, false or nothing first (`return true, "
                              "message[, outputs]`)",
                              who, kind));
    }
  }
}

void checkTaskGraph(const TaskGraph& graph, DiagnosticEngine& diags) {
  checkCommandResults(graph, diags);
  checkNames(graph, diags);
  for (const Task& t : graph.tasks)
    if (const std::string* name = t.name.string())
      checkTimeout(graph, t.timeout, fmt::format("task '{}': timeout", *name), diags);
  for (const Workflow& w : graph.workflows)
    checkTimeout(graph, w.configTimeout, fmt::format("{}: config.timeout", describe(w)), diags);
  for (const Task& t : graph.tasks)
    if (t.discarded && !t.built)
      diags.report(Severity::Warning, "missing-build", graph.file, t.range,
                   t.name.string()
                       ? fmt::format("task '{}' is never built: this builder is dropped, so no "
                                     "workflow can run it (assign it to a local, end it with "
                                     "':build()' and list it in a workflow)",
                                     *t.name.string())
                       : "this task is never built: its builder is dropped, so no workflow can "
                         "run it");
  for (const Workflow& w : graph.workflows)
    WorkflowChecker(graph, w, diags).run();
}

} // namespace sloth::dsl
