// makePlan: runs the main chunk abstractly to find the workflows and tasks it defines (and the
// calls it makes itself), then walks each selected task's run_if/abort_if, command and handlers,
// in dependency order, and gathers their actions.
#include "sloth/analyzer/plan/Planner.h"

#include "plan/Machine.h"
#include "sloth/SecretNames.h"

#include <fmt/core.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <functional>
#include <map>
#include <set>

namespace sloth::plan {

namespace {

const char* kScriptTask = "(script)";

struct TaskDef {
  std::string name;
  Value table;
  std::shared_ptr<const Heap> heap;
  std::vector<std::string> deps;
  int line = 0;
};

struct WorkflowDef {
  std::string name;
  int table = -1;
  std::shared_ptr<const Heap> heap;
};

const Value* field(const Heap& heap, const Value& table, const std::string& key) {
  if (table.kind != VKind::Table)
    return nullptr;
  return heap.table(table.ref).find(Value::string_(key));
}

std::string textOf(const Heap& heap, const Value* v) {
  if (!v)
    return "";
  if (v->kind == VKind::String)
    return v->str;
  if (auto s = scalarText(*v))
    return *s;
  return "(known after run)";
}

Value fromData(Heap& heap, PlanContext& ctx, const Data& d, const std::string& expr) {
  switch (d.kind) {
  case Data::Kind::Sensitive: {
    Unknown u;
    u.expr = expr;
    u.secret = true;
    u.fromParams = true;
    return Value::of(ctx.makeUnknown(std::move(u)));
  }
  case Data::Kind::Boolean:
    return Value::boolean_(d.boolean);
  case Data::Kind::Integer:
    return Value::integer_(d.integer);
  case Data::Kind::Number:
    return Value::number_(d.number);
  case Data::Kind::String:
    return Value::string_(d.text);
  case Data::Kind::List: {
    Table t;
    for (std::size_t i = 0; i < d.items.size(); ++i)
      t.set(Value::integer_(static_cast<std::int64_t>(i) + 1),
            fromData(heap, ctx, d.items[i], fmt::format("{}[{}]", expr, i + 1)));
    return Value::table(heap.newTable(std::move(t)));
  }
  case Data::Kind::Map: {
    // Keys not given are left to the run (they may be given there): never assumed nil.
    Table t;
    t.complete = false;
    t.expr = expr;
    for (const auto& [k, v] : d.fields)
      t.set(Value::string_(k), fromData(heap, ctx, v, expr + "." + k));
    return Value::table(heap.newTable(std::move(t)));
  }
  default:
    return Value::nil();
  }
}

// An input given under a name that says secret (`--set db_password=...`, `auth:` in --values) is
// never shown: a text long enough to look for stays known (conditions on it still decide) and is
// redacted wherever it shows up; anything else becomes a sensitive value known after run.
void hideSecretInputs(Data& d, bool secret, std::set<std::string>& secrets) {
  constexpr std::size_t kShortestRedactedSecret = 3; // as for secret arguments (Actions.cpp)
  switch (d.kind) {
  case Data::Kind::List:
    for (Data& item : d.items)
      hideSecretInputs(item, secret, secrets);
    return;
  case Data::Kind::Map:
    for (auto& [k, v] : d.fields)
      hideSecretInputs(v, secret || isSecretName(k), secrets);
    return;
  case Data::Kind::Boolean:
  case Data::Kind::Integer:
  case Data::Kind::Number:
  case Data::Kind::String:
    if (!secret)
      return;
    if (d.kind == Data::Kind::String && d.text.size() >= kShortestRedactedSecret) {
      secrets.insert(d.text);
      return;
    }
    d = Data();
    d.kind = Data::Kind::Sensitive;
    return;
  default:
    return;
  }
}

// Identifies an argument's value (two calls at one site with different values stay apart).
std::string dataKey(const Data& d) {
  std::string key = std::to_string(static_cast<int>(d.kind)) + ":" + d.text;
  if (d.kind == Data::Kind::Boolean || d.kind == Data::Kind::Integer)
    key += std::to_string(d.kind == Data::Kind::Boolean ? d.boolean : d.integer);
  if (d.kind == Data::Kind::Number)
    key += fmt::format("{}", d.number);
  for (const Data& item : d.items)
    key += "[" + dataKey(item) + "]";
  for (const auto& [k, v] : d.fields)
    key += "{" + k + "=" + dataKey(v) + "}";
  return key;
}

// Collects the actions of a run into `out`: one action per call site and rendering, with the
// condition of every path it was seen on.
void commit(RunResult& run, const std::string& task, std::vector<Action>& out,
            std::vector<UnknownValue>& unknowns) {
  struct Group {
    Action action;
    std::vector<Conds> conds;
    std::vector<UnknownRef> used;
  };
  std::vector<Group> groups;
  std::map<std::string, std::size_t> byKey;
  std::sort(run.actions.begin(), run.actions.end(),
            [](const PendingAction& a, const PendingAction& b) { return a.uid < b.uid; });
  // One call seen on paths that split inside a loop: if it repeats on one, it repeats.
  std::map<std::uint64_t, bool> repeats;
  for (const PendingAction& pa : run.actions)
    repeats[pa.uid] = repeats[pa.uid] || pa.action.repeats;
  for (PendingAction& pa : run.actions) {
    pa.action.repeats = repeats[pa.uid];
    const Action& a = pa.action;
    std::string key =
        fmt::format("{}|{}|{}|{}|{}", a.line, a.function, a.text, a.repeats, fmt::join(a.via, ";"));
    for (const auto& [k, d] : a.args)
      key += "|" + k + "=" + dataKey(d);
    auto [it, fresh] = byKey.emplace(key, groups.size());
    if (fresh)
      groups.push_back({pa.action, {}, {}});
    Group& g = groups[it->second];
    g.conds.push_back(pa.conds);
    g.used.insert(g.used.end(), pa.unknowns.begin(), pa.unknowns.end());
  }
  std::set<std::string> seen;
  for (const auto& u : unknowns)
    seen.insert(u.expression);
  auto note = [&](const Unknown& u) {
    if (u.secret || !seen.insert(u.expr).second)
      return;
    unknowns.push_back({u.expr, u.file, u.line});
  };
  for (Group& g : groups) {
    g.action.task = task;
    g.action.condition = renderCondition(g.conds);
    if (g.action.condition)
      for (const Conds& c : g.conds)
        for (const Atom& a : c)
          note(*a.test);
    for (const auto& u : g.used)
      note(*u);
    out.push_back(std::move(g.action));
  }
}

// Replaces every secret literal seen in a secret position, wherever it shows up.
struct Redactor {
  std::vector<std::string> needles;

  explicit Redactor(const std::set<std::string>& secrets) {
    for (const std::string& s : secrets) {
      needles.push_back(s);
      std::string quoted = quoteLua(s);
      quoted = quoted.substr(1, quoted.size() - 2);
      if (quoted != s)
        needles.push_back(quoted);
    }
    // Longest first, so a secret containing another is replaced whole.
    std::sort(needles.begin(), needles.end(),
              [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  }
  void operator()(std::string& text) const {
    for (const std::string& n : needles)
      for (std::size_t at = text.find(n); at != std::string::npos;
           at = text.find(n, at + std::string_view("(sensitive)").size()))
        text.replace(at, n.size(), "(sensitive)");
  }
  void operator()(Data& d) const {
    (*this)(d.text);
    for (Data& item : d.items)
      (*this)(item);
    for (auto& [k, v] : d.fields) {
      (*this)(k);
      (*this)(v);
    }
  }
  void operator()(Plan& plan) const {
    if (needles.empty())
      return;
    for (TaskPlan& t : plan.tasks) {
      for (std::string* s : {&t.name, &t.description, &t.skipReason})
        (*this)(*s);
      for (auto* o : {&t.runIf, &t.abortIf, &t.timeout, &t.delegateTo})
        if (*o)
          (*this)(**o);
      for (Action& a : t.actions) {
        for (std::string* s : {&a.function, &a.text})
          (*this)(*s);
        if (a.condition)
          (*this)(*a.condition);
        for (auto& [k, d] : a.args)
          (*this)(d);
        for (std::string& v : a.via)
          (*this)(v);
      }
    }
    for (UnknownValue& u : plan.unknowns)
      (*this)(u.expression);
    for (std::string& n : plan.notes)
      (*this)(n);
    for (std::string& e : plan.errors)
      (*this)(e);
  }
};

class Planner {
public:
  Planner(const vm::Proto& main, const PlanOptions& options,
          const types::SignatureRegistry& signatures)
      : main_(main), options_(options), ctx_(signatures), interp_(ctx_) {
    ctx_.file = main.source;
  }

  Plan make() {
    plan_.file = ctx_.file;
    auto heap = std::make_shared<Heap>();
    Table env;
    env.cls = "_ENV";
    int envCell = heap->newCell(Value::table(heap->newTable(std::move(env))));
    auto mainClosure = std::make_shared<Closure>();
    mainClosure->proto = &main_;
    mainClosure->cells.push_back(envCell);
    heap->closures.push_back(std::move(mainClosure));
    // The script's arguments (`...`, `arg`) are the run's to know.
    std::vector<Value> scriptArgs;
    for (int i = 1; i <= 3; ++i) {
      Unknown u;
      u.expr = fmt::format("(script argument {})", i);
      u.file = ctx_.file;
      scriptArgs.push_back(Value::of(ctx_.makeUnknown(std::move(u))));
    }
    RunResult mainRun = interp_.run(heap, Value::closure(0), std::move(scriptArgs), {});
    checkTruncated(mainRun, kScriptTask);
    TaskPlan script;
    script.name = kScriptTask;
    script.description = "calls the script makes when it is loaded";
    script.file = ctx_.file;
    commit(mainRun, kScriptTask, script.actions, plan_.unknowns);

    collectWorkflows(mainRun);
    std::vector<TaskDef> tasks = selectTasks();
    if (!script.actions.empty())
      plan_.tasks.push_back(std::move(script));
    if (!plan_.errors.empty())
      return finish();
    const WorkflowDef* wf = chosen_;
    bool started = !wf || planHandler(*wf, "on_start", "(workflow start)", {});
    std::map<std::string, Conds> gate; // what each task's running depends on
    std::map<std::string, std::string> skipped;
    for (const TaskDef& t : tasks) {
      if (started) {
        planTask(t, gate, skipped);
        continue;
      }
      // The run starts no task when on_start fails: none of their calls happen.
      TaskPlan plan;
      plan.name = t.name;
      plan.file = ctx_.file;
      plan.line = t.line;
      plan.dependsOn = t.deps;
      plan.skipped = true;
      plan.skipReason = "the workflow's on_start handler fails, so no task starts";
      plan_.tasks.push_back(std::move(plan));
    }
    if (wf)
      planHandler(*wf, "on_complete", "(workflow end)", {});
    return finish();
  }

private:
  // A secret built from pieces (`"https://hooks/" .. token`): the pieces the script spells out
  // are secret too, wherever else they are used.
  void addSecretPieces(const vm::Proto& proto, std::set<std::string>& pieces) {
    for (const vm::Constant& k : proto.k)
      if (auto* s = std::get_if<std::string>(&k.value); s && s->size() >= 6)
        for (const std::string& secret : ctx_.secrets)
          if (secret != *s && secret.find(*s) != std::string::npos)
            pieces.insert(*s);
    for (const auto& child : proto.p)
      addSecretPieces(*child, pieces);
  }

  Plan finish() {
    std::set<std::string> pieces;
    addSecretPieces(main_, pieces);
    ctx_.secrets.insert(pieces.begin(), pieces.end());
    for (const std::string& n : ctx_.notes)
      plan_.notes.push_back(n);
    Redactor(ctx_.secrets)(plan_);
    return std::move(plan_);
  }

  void checkTruncated(const RunResult& run, const std::string& what) {
    if (run.truncated)
      plan_.notes.push_back(fmt::format(
          "{}: the analysis stopped after its step budget; calls on paths not followed to the end "
          "may be missing from this plan",
          what));
  }

  // A function that raises on every path the plan followed will certainly fail when run: say
  // where, so the plan does not look like "nothing to do" for a script that cannot work.
  // Returns whether it does.
  bool checkCertainFailure(const RunResult& run, const std::string& what) {
    if (run.ends.empty() || run.truncated ||
        std::any_of(run.ends.begin(), run.ends.end(), [](const PathEnd& e) { return !e.errored; }))
      return false;
    plan_.notes.push_back(
        fmt::format("{} fails on every path the plan followed: {}", what, run.ends.front().error));
    return true;
  }

  void collectWorkflows(const RunResult& mainRun) {
    std::set<std::string> names;
    bool anyOk = std::any_of(mainRun.ends.begin(), mainRun.ends.end(),
                             [](const PathEnd& e) { return !e.errored; });
    checkCertainFailure(mainRun, "the script's top level");
    for (const PathEnd& end : mainRun.ends) {
      if (end.errored && anyOk)
        continue;
      for (int id : end.heap->workflows) {
        std::string name = textOf(*end.heap, field(*end.heap, Value::table(id), "name"));
        if (names.insert(name).second)
          workflows_.push_back({name, id, end.heap});
      }
    }
  }

  std::vector<TaskDef> selectTasks() {
    if (workflows_.empty()) {
      if (!options_.workflow.empty())
        plan_.errors.push_back(fmt::format("{}: no workflow named '{}': the script defines none",
                                           ctx_.file, options_.workflow));
      else if (!options_.tasks.empty())
        plan_.errors.push_back(
            fmt::format("{}: --task needs a workflow; the script defines none", ctx_.file));
      return {};
    }
    if (options_.workflow.empty() && workflows_.size() > 1) {
      std::vector<std::string> names;
      for (const auto& w : workflows_)
        names.push_back(w.name);
      plan_.errors.push_back(fmt::format("{}: the script defines several workflows ({}): name one",
                                         ctx_.file, fmt::join(names, ", ")));
      return {};
    }
    for (const auto& w : workflows_)
      if (options_.workflow.empty() || w.name == options_.workflow)
        chosen_ = &w;
    if (!chosen_) {
      std::vector<std::string> names;
      for (const auto& w : workflows_)
        names.push_back(w.name);
      plan_.errors.push_back(fmt::format("{}: no workflow named '{}' (defined: {})", ctx_.file,
                                         options_.workflow, fmt::join(names, ", ")));
      return {};
    }
    plan_.workflow = chosen_->name;
    const Heap& heap = *chosen_->heap;
    std::vector<TaskDef> all;
    const Value* list = field(heap, Value::table(chosen_->table), "tasks");
    if (list && list->kind == VKind::Table) {
      const Table& l = heap.table(list->ref);
      if (!l.complete)
        plan_.notes.push_back(fmt::format(
            "workflow '{}': its task list is only known at run time; the tasks shown are the "
            "ones the plan could see",
            chosen_->name));
      for (std::int64_t k = 1; k <= l.border(); ++k) {
        const Value* t = l.find(Value::integer_(k));
        if (!t || t->kind != VKind::Table)
          continue;
        if (heap.table(t->ref).cls == "TaskBuilder") {
          // `sloth run` refuses it when the workflow is defined (same words).
          plan_.errors.push_back(fmt::format(
              "{}: workflow '{}': tasks[{}]: task '{}' is a builder without ':build()'; end its "
              "chain with :build()",
              workflowSite(), chosen_->name, k, textOf(heap, field(heap, *t, "name"))));
          continue;
        }
        TaskDef def;
        def.table = *t;
        def.heap = chosen_->heap;
        def.name = textOf(heap, field(heap, *t, "name"));
        const Table& tt = heap.table(t->ref);
        auto at = tt.lines.find("name");
        def.line = at != tt.lines.end() ? at->second : heap.table(chosen_->table).lines.at("name");
        if (const Value* d = field(heap, *t, "depends_on")) {
          if (d->kind == VKind::Table) {
            const Table& dl = heap.table(d->ref);
            for (std::int64_t j = 1; j <= dl.border(); ++j)
              def.deps.push_back(textOf(heap, dl.find(Value::integer_(j))));
          } else if (!d->isNil()) {
            def.deps.push_back(textOf(heap, d));
          }
        }
        all.push_back(std::move(def));
      }
    }
    // --task: those and what they depend on.
    std::set<std::string> keep;
    if (!options_.tasks.empty()) {
      std::function<void(const std::string&)> want = [&](const std::string& n) {
        if (!keep.insert(n).second)
          return;
        for (const auto& t : all)
          if (t.name == n)
            for (const auto& d : t.deps)
              want(d);
      };
      for (const std::string& n : options_.tasks) {
        if (std::none_of(all.begin(), all.end(), [&](const TaskDef& t) { return t.name == n; })) {
          plan_.errors.push_back(
              fmt::format("{}: workflow '{}' has no task named '{}'", ctx_.file, chosen_->name, n));
          continue;
        }
        want(n);
      }
    }
    std::vector<TaskDef> picked;
    for (auto& t : all)
      if (options_.tasks.empty() || keep.count(t.name))
        picked.push_back(std::move(t));
    // A workflow `sloth run` refuses (exit 2, nothing runs) has no plan either; same wording.
    if (!plan_.errors.empty())
      return {};
    for (const TaskDef& t : picked)
      for (const std::string& d : t.deps) {
        if (d == t.name)
          plan_.errors.push_back(fmt::format("{}: workflow '{}': task '{}' depends on itself",
                                             workflowSite(), chosen_->name, t.name));
        else if (std::none_of(picked.begin(), picked.end(),
                              [&](const TaskDef& o) { return o.name == d; }))
          plan_.errors.push_back(
              fmt::format("{}: workflow '{}': task '{}' depends on unknown task '{}'",
                          workflowSite(), chosen_->name, t.name, d));
      }
    if (!plan_.errors.empty())
      return {};
    // Dependency order, stable: a task comes after everything it depends on.
    std::vector<TaskDef> ordered;
    std::vector<bool> done(picked.size(), false);
    std::multiset<std::string> pending;
    for (const auto& t : picked)
      pending.insert(t.name);
    while (ordered.size() < picked.size()) {
      bool progress = false;
      for (std::size_t i = 0; i < picked.size(); ++i) {
        if (done[i])
          continue;
        const TaskDef& t = picked[i];
        bool ready = std::none_of(t.deps.begin(), t.deps.end(), [&](const std::string& d) {
          return d != t.name && pending.count(d) > 0;
        });
        if (ready) {
          done[i] = true;
          pending.erase(pending.find(t.name));
          ordered.push_back(t);
          progress = true;
        }
      }
      if (!progress) {
        plan_.errors.push_back(fmt::format("{}: workflow '{}': dependency cycle: {}",
                                           workflowSite(), chosen_->name, cycleText(picked, done)));
        return {};
      }
    }
    return ordered;
  }

  // "file:line" of the chosen workflow's workflow.define, where `sloth run` reports its errors.
  std::string workflowSite() const {
    const auto& lines = chosen_->heap->table(chosen_->table).lines;
    auto at = lines.find("name");
    return at == lines.end() ? ctx_.file : fmt::format("{}:{}", ctx_.file, at->second);
  }

  // A cycle among the tasks not yet ordered (each depends on one of the others): "a -> b -> a".
  static std::string cycleText(const std::vector<TaskDef>& tasks, const std::vector<bool>& done) {
    auto pendingTask = [&](const std::string& name) -> const TaskDef* {
      for (std::size_t i = 0; i < tasks.size(); ++i)
        if (!done[i] && tasks[i].name == name)
          return &tasks[i];
      return nullptr;
    };
    const TaskDef* t = nullptr;
    for (std::size_t i = 0; i < tasks.size() && !t; ++i)
      if (!done[i])
        t = &tasks[i];
    std::vector<std::string> path;
    while (t && std::find(path.begin(), path.end(), t->name) == path.end()) {
      path.push_back(t->name);
      const TaskDef* next = nullptr;
      for (const std::string& d : t->deps)
        if ((next = pendingTask(d)))
          break;
      t = next;
    }
    if (!t)
      return fmt::format("{}", fmt::join(path, " -> "));
    auto from = std::find(path.begin(), path.end(), t->name);
    std::vector<std::string> cycle(from, path.end());
    cycle.push_back(t->name);
    return fmt::format("{}", fmt::join(cycle, " -> "));
  }

  // The arguments a task's functions receive: this, params, input.
  std::vector<Value> taskArgs(Heap& heap, const TaskDef& t) {
    Table self;
    self.complete = false;
    self.expr = "this";
    self.type = ctx_.signatures.typeNamed("TaskContext");
    self.set(Value::string_("name"), Value::string_(t.name));
    self.set(Value::string_("workflow"), Value::string_(plan_.workflow));
    if (const Value* w = field(heap, t.table, "workdir"))
      self.set(Value::string_("workdir"), *w);
    Value thisV = Value::table(heap.newTable(std::move(self)));
    Data params = options_.params;
    if (params.kind != Data::Kind::Map)
      params.kind = Data::Kind::Map;
    hideSecretInputs(params, false, ctx_.secrets);
    Value paramsV = fromData(heap, ctx_, params, "params");
    Table input;
    input.complete = false;
    input.expr = "input";
    Value inputV = Value::table(heap.newTable(std::move(input)));
    return {thisV, paramsV, inputV};
  }

  // Runs a task function; returns its run (actions not yet committed).
  RunResult runFunction(const TaskDef& t, const Value& fn, const Conds& base) {
    auto heap = std::make_shared<Heap>(*t.heap);
    std::vector<Value> args = taskArgs(*heap, t);
    return interp_.run(heap, fn, std::move(args), base);
  }

  void shellAction(TaskPlan& plan, const std::string& script, const Conds& conds, int line,
                   const std::string& what) {
    const types::FunctionSignature* sh = ctx_.signatures.function("exec.shell");
    Action a;
    a.task = plan.name;
    a.verb = Verb::Run;
    a.function = "exec.shell";
    a.args.emplace_back("script", Data::string(script));
    a.text = what + " " + script;
    if (sh && sh->planTemplate)
      a.text = fmt::format("{}: {}", what, script);
    a.file = ctx_.file;
    a.line = line;
    a.condition = renderCondition({conds});
    plan.actions.push_back(std::move(a));
  }

  // A run_if / abort_if: its condition atom (nullopt = always holds), or false when it never does.
  std::optional<std::optional<Atom>> condition(const TaskDef& t, const char* key, TaskPlan& plan,
                                               const Conds& gate, bool& never) {
    const Heap& heap = *t.heap;
    const Value* c = field(heap, t.table, key);
    never = false;
    if (!c || c->isNil())
      return std::nullopt;
    int line =
        heap.table(t.table.ref).lines.count(key) ? heap.table(t.table.ref).lines.at(key) : t.line;
    if (c->kind == VKind::String) {
      // A shell condition runs a command (even in a dry run) and only the run knows its status.
      shellAction(plan, c->str, gate, line, std::string("run the ") + key + " check");
      Unknown u;
      u.expr = fmt::format("the shell command {} succeeds", quoteLua(c->str));
      u.negExpr = fmt::format("the shell command {} fails", quoteLua(c->str));
      u.file = ctx_.file;
      u.line = line;
      return std::optional<Atom>{Atom{ctx_.makeUnknown(std::move(u)), true}};
    }
    if (c->kind != VKind::Closure)
      return std::nullopt;
    RunResult run = runFunction(t, *c, gate);
    checkTruncated(run, "task " + t.name);
    commit(run, t.name, plan.actions, plan_.unknowns);
    std::optional<bool> all;
    bool mixed = false;
    UnknownRef single;
    int ok = 0;
    for (const PathEnd& e : run.ends) {
      if (e.errored)
        continue;
      ++ok;
      Value r = e.results.empty() ? Value::nil() : e.results[0];
      auto truth = truthiness(r);
      if (!truth) {
        mixed = true;
        single = ok == 1 ? r.unknown : nullptr;
        continue;
      }
      if (all && *all != *truth)
        mixed = true;
      all = truth;
    }
    if (!mixed && all) {
      never = !*all;
      return std::optional<Atom>{};
    }
    if (ok == 1 && single) {
      UnknownRef u = single;
      bool positive = true;
      while (u->negationOf) {
        u = u->negationOf;
        positive = !positive;
      }
      return std::optional<Atom>{Atom{u, positive}};
    }
    Unknown u;
    u.expr = fmt::format("{} holds", key);
    u.file = ctx_.file;
    u.line = line;
    return std::optional<Atom>{Atom{ctx_.makeUnknown(std::move(u)), true}};
  }

  void planTask(const TaskDef& t, std::map<std::string, Conds>& gate,
                std::map<std::string, std::string>& skipped) {
    const Heap& heap = *t.heap;
    TaskPlan plan;
    plan.name = t.name;
    plan.file = ctx_.file;
    plan.line = t.line;
    plan.dependsOn = t.deps;
    plan.description = textOf(heap, field(heap, t.table, "description"));
    if (const Value* v = field(heap, t.table, "timeout"); v && !v->isNil())
      plan.timeout = v->kind == VKind::String ? v->str : textOf(heap, v) + "s";
    if (const Value* v = field(heap, t.table, "retries"); v && v->kind == VKind::Integer)
      plan.retries = v->integer;
    // A task runs only when its dependencies ran: their conditions hold for it too.
    Conds conds;
    for (const std::string& d : t.deps) {
      if (skipped.count(d)) {
        plan.skipped = true;
        plan.skipReason = fmt::format("depends on '{}', which is skipped", d);
      }
      for (const Atom& a : gate[d])
        addAtom(conds, a);
    }
    // Remote execution is not there yet: the run fails the task before its conditions, and
    // only its on_failure handler runs.
    if (const Value* d = field(heap, t.table, "delegate_to"); d && !d->isNil() && !plan.skipped) {
      plan.delegateTo = textOf(heap, d);
      plan.skipped = true;
      plan.skipReason = fmt::format(
          "delegate_to ({}) is not supported yet: the run fails this task without running it",
          quoteLua(*plan.delegateTo));
      planHandlers(t, plan, conds, nullptr);
    }
    if (!plan.skipped) {
      bool never = false;
      if (auto c = condition(t, "run_if", plan, conds, never)) {
        if (*c) {
          plan.runIf = atomText(**c);
          addAtom(conds, **c);
        }
      }
      if (never) {
        plan.skipped = true;
        plan.skipReason = "run_if never holds";
      }
    }
    // A task that aborts has failed: its on_failure handler runs whether or not abort_if held.
    Conds beforeAbort = conds;
    if (!plan.skipped) {
      bool never = false;
      if (auto c = condition(t, "abort_if", plan, conds, never)) {
        if (*c) {
          plan.abortIf = atomText(**c);
          addAtom(conds, Atom{(*c)->test, !(*c)->positive});
        } else if (!never) {
          plan.skipped = true;
          plan.skipReason = "abort_if always holds: the task fails without running";
          planHandlers(t, plan, conds, nullptr);
        }
      }
    }
    if (plan.skipped) {
      skipped[t.name] = plan.skipReason;
      plan_.tasks.push_back(std::move(plan));
      return;
    }
    gate[t.name] = conds;
    if (const Value* cmd = field(heap, t.table, "command")) {
      int line = heap.table(t.table.ref).lines.count("command")
                     ? heap.table(t.table.ref).lines.at("command")
                     : t.line;
      if (cmd->kind == VKind::String) {
        shellAction(plan, cmd->str, conds, line, "run shell command");
      } else if (cmd->kind == VKind::Closure) {
        RunResult run = runFunction(t, *cmd, conds);
        checkTruncated(run, "task " + t.name);
        checkCertainFailure(run, fmt::format("the command of task '{}'", t.name));
        commit(run, t.name, plan.actions, plan_.unknowns);
      } else if (cmd->kind == VKind::Unknown && !cmd->unknown->parts.empty()) {
        // A string built from known and unknown parts: still a shell command.
        std::string script;
        for (const Value& part : cmd->unknown->parts)
          script += part.kind == VKind::String ? part.str : "(known after run)";
        shellAction(plan, script, conds, line, "run shell command");
        Data d;
        d.kind = Data::Kind::Partial;
        d.text = script;
        plan.actions.back().args[0].second = d;
        for (const Value& part : cmd->unknown->parts)
          if (part.kind == VKind::Unknown && !part.unknown->secret &&
              std::none_of(
                  plan_.unknowns.begin(), plan_.unknowns.end(),
                  [&](const UnknownValue& u) { return u.expression == part.unknown->expr; }))
            plan_.unknowns.push_back({part.unknown->expr, part.unknown->file, part.unknown->line});
      } else if (cmd->kind == VKind::Unknown) {
        Action a;
        a.task = t.name;
        a.verb = Verb::Unknown;
        a.function = cmd->unknown->expr;
        a.text = "run a command only the run knows: " + cmd->unknown->expr;
        a.file = ctx_.file;
        a.line = line;
        a.condition = renderCondition({conds});
        plan.actions.push_back(std::move(a));
      }
    }
    planHandlers(t, plan, conds, &beforeAbort);
    plan_.tasks.push_back(std::move(plan));
  }

  // A task's on_success / on_failure handlers: they run after its command, as it succeeded or
  // failed. `conds`: what the command's running depends on; `failureConds`: when the task can
  // fail (also when abort_if held), or nullptr when it certainly fails without running (then
  // only on_failure runs, under `conds`).
  void planHandlers(const TaskDef& t, TaskPlan& plan, const Conds& conds,
                    const Conds* failureConds) {
    Unknown outcome;
    outcome.expr = fmt::format("task '{}' succeeds", t.name);
    outcome.negExpr = fmt::format("task '{}' fails", t.name);
    outcome.file = ctx_.file;
    outcome.line = t.line;
    UnknownRef succeeded = ctx_.makeUnknown(std::move(outcome));
    for (auto [key, positive] : {std::pair{"on_success", true}, std::pair{"on_failure", false}}) {
      const Value* h = field(*t.heap, t.table, key);
      if (!h || h->kind != VKind::Closure || (positive && !failureConds))
        continue;
      Conds c = positive || !failureConds ? conds : *failureConds;
      if (failureConds)
        addAtom(c, Atom{succeeded, positive});
      RunResult run = runFunction(t, *h, c);
      checkTruncated(run, "task " + t.name);
      commit(run, t.name, plan.actions, plan_.unknowns);
    }
  }

  // Returns false when the handler fails on every path the plan followed.
  bool planHandler(const WorkflowDef& wf, const char* key, const char* pseudoTask,
                   const Conds& conds) {
    const Heap& heap = *wf.heap;
    const Value* h = field(heap, Value::table(wf.table), key);
    if (!h || h->kind != VKind::Closure)
      return true;
    // on_start gets nothing; on_complete gets (success, results), both the run's to know.
    std::vector<Value> args;
    for (const char* name : {"success", "results"}) {
      Unknown u;
      u.expr = name;
      u.file = ctx_.file;
      args.push_back(Value::of(ctx_.makeUnknown(std::move(u))));
    }
    RunResult run = interp_.run(std::make_shared<Heap>(heap), *h, std::move(args), conds);
    TaskPlan plan;
    plan.name = pseudoTask;
    plan.file = ctx_.file;
    plan.description = std::string("the workflow's ") + key + " handler";
    checkTruncated(run, plan.description);
    bool fails = checkCertainFailure(run, plan.description);
    commit(run, pseudoTask, plan.actions, plan_.unknowns);
    if (!plan.actions.empty())
      plan_.tasks.push_back(std::move(plan));
    return !fails;
  }

  const vm::Proto& main_;
  const PlanOptions& options_;
  PlanContext ctx_;
  Interpreter interp_;
  Plan plan_;
  std::vector<WorkflowDef> workflows_;
  const WorkflowDef* chosen_ = nullptr;
};

} // namespace

Plan makePlan(const vm::Proto& main, const PlanOptions& options,
              const types::SignatureRegistry& signatures) {
  return Planner(main, options, signatures).make();
}

} // namespace sloth::plan
