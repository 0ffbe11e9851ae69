#include "sloth/analyzer/dsl/TaskGraph.h"

#include <algorithm>
#include <map>
#include <unordered_map>

namespace sloth::dsl {

using namespace sloth::ast;

std::optional<double> Setting::number() const {
  if (!known())
    return std::nullopt;
  if (auto* i = std::get_if<int64_t>(&value))
    return static_cast<double>(*i);
  if (auto* d = std::get_if<double>(&value))
    return *d;
  return std::nullopt;
}

std::vector<const Task*> TaskGraph::tasksOf(const Workflow& workflow) const {
  std::vector<const Task*> out;
  for (const TaskRef& ref : workflow.tasks)
    if (ref.task)
      out.push_back(&tasks[*ref.task]);
  return out;
}

namespace {

// What a DSL expression evaluates to.
struct Value {
  enum class Kind : uint8_t { None, TaskBuilder, BuiltTask, WorkflowBuilder, Workflow };
  Kind kind = Kind::None;
  size_t index = 0; // into tasks (task kinds) or workflows (workflow kinds)
};

// A local holding a task builder, a built task or a workflow builder.
struct Binding {
  Value value;
  const Block* block = nullptr; // where it was declared: method calls elsewhere are conditional
  unsigned recognizedUses = 0;  // uses the extractor understood (compared with Local::useCount)
};

bool isGlobal(const Expr* e, std::string_view name) {
  auto* n = e->as<NameExpr>();
  return n && !n->local && n->name == name;
}

// `workflow.define`
bool isWorkflowDefine(const Expr* e) {
  auto* index = e->as<IndexExpr>();
  if (!index || !isGlobal(index->object, "workflow"))
    return false;
  auto* key = index->key->as<StringExpr>();
  return key && key->value == "define";
}

class Extractor {
public:
  explicit Extractor(const Chunk& chunk) : main_(chunk.main) { graph_.file = chunk.file; }

  TaskGraph run() {
    if (main_)
      function(main_);
    // A builder used in a way the extractor does not follow (passed to a function, stored in a
    // table, captured) may get settings there.
    for (auto& [local, binding] : bindings_) {
      if (binding.recognizedUses == local->useCount)
        continue;
      if (binding.value.kind == Value::Kind::TaskBuilder)
        graph_.tasks[binding.value.index].opaque = true;
      else if (binding.value.kind == Value::Kind::WorkflowBuilder)
        graph_.workflows[binding.value.index].opaque = true;
    }
    return std::move(graph_);
  }

private:
  const FunctionBody* main_;
  TaskGraph graph_;
  std::unordered_map<const Local*, Binding> bindings_;
  std::unordered_map<const Local*, const Expr*> constants_; // never-assigned locals = literal
  const Block* block_ = nullptr;
  const FunctionBody* function_ = nullptr;
  // Tasks/workflows built or put in a list already: a later method call on their builder no
  // longer reaches what was used, so their recorded settings are no longer certain.
  std::vector<bool> taskUsed_;
  std::vector<bool> workflowUsed_;

  bool atTopLevel() const { return function_ == main_ && main_ && block_ == main_->body; }

  // -- walking -----------------------------------------------------------------------------------

  void block(const Block* b) {
    const Block* saved = block_;
    block_ = b;
    for (const Stat* s : b->stats)
      stat(s);
    block_ = saved;
  }

  void function(const FunctionBody* f) {
    const FunctionBody* saved = function_;
    function_ = f;
    if (f->body)
      block(f->body);
    function_ = saved;
  }

  void stat(const Stat* s) {
    switch (s->kind) {
    case StatKind::Local: {
      auto* l = s->as<LocalStat>();
      for (size_t i = 0; i < l->values.size(); ++i) {
        const Expr* value = l->values[i];
        Value v = evaluate(value);
        if (i >= l->locals.size())
          continue;
        const Local* local = l->locals[i];
        if (v.kind != Value::Kind::None)
          bindings_[local] = {v, block_, 0};
        else if (!local->assigned && isLiteral(value))
          constants_[local] = value;
      }
      break;
    }
    case StatKind::Assign: {
      auto* a = s->as<AssignStat>();
      for (const Expr* t : a->targets)
        if (!t->is<NameExpr>())
          walk(t);
      for (const Expr* v : a->values)
        walk(v);
      break;
    }
    case StatKind::Call: {
      const Expr* call = s->as<CallStat>()->call;
      bool fresh = chainRoot(call) && !chainRoot(call)->is<NameExpr>();
      Value v = evaluate(call);
      // `task("x"):command(...)` as a statement: the builder is dropped, the task never exists.
      if (fresh && v.kind == Value::Kind::TaskBuilder)
        graph_.tasks[v.index].discarded = true;
      break;
    }
    case StatKind::Do:
      block(s->as<DoStat>()->body);
      break;
    case StatKind::While:
      walk(s->as<WhileStat>()->condition);
      block(s->as<WhileStat>()->body);
      break;
    case StatKind::Repeat:
      block(s->as<RepeatStat>()->body);
      walk(s->as<RepeatStat>()->condition);
      break;
    case StatKind::If: {
      auto* i = s->as<IfStat>();
      for (size_t k = 0; k < i->conditions.size(); ++k) {
        walk(i->conditions[k]);
        block(i->blocks[k]);
      }
      if (i->elseBlock)
        block(i->elseBlock);
      break;
    }
    case StatKind::NumericFor: {
      auto* f = s->as<NumericForStat>();
      walk(f->start);
      walk(f->limit);
      if (f->step)
        walk(f->step);
      block(f->body);
      break;
    }
    case StatKind::GenericFor: {
      auto* f = s->as<GenericForStat>();
      for (const Expr* v : f->values)
        walk(v);
      block(f->body);
      break;
    }
    case StatKind::Function:
      function(s->as<FunctionStat>()->body);
      break;
    case StatKind::LocalFunction:
      function(s->as<LocalFunctionStat>()->body);
      break;
    case StatKind::Return:
      for (const Expr* v : s->as<ReturnStat>()->values)
        walk(v);
      break;
    case StatKind::Break:
    case StatKind::Goto:
    case StatKind::Label:
    case StatKind::Empty:
      break;
    }
  }

  // Visits an expression for DSL definitions nested anywhere in it.
  void walk(const Expr* e) {
    if (!e)
      return;
    if (evaluate(e).kind != Value::Kind::None)
      return;
    switch (e->kind) {
    case ExprKind::Function:
      function(e->as<FunctionExpr>()->body);
      break;
    case ExprKind::Table:
      for (const TableField& f : e->as<TableExpr>()->fields) {
        if (f.kind == TableField::Kind::Keyed)
          walk(f.key);
        walk(f.value);
      }
      break;
    case ExprKind::Index:
      walk(e->as<IndexExpr>()->object);
      walk(e->as<IndexExpr>()->key);
      break;
    case ExprKind::Call:
      walk(e->as<CallExpr>()->callee);
      for (const Expr* a : e->as<CallExpr>()->args)
        walk(a);
      break;
    case ExprKind::MethodCall:
      walk(e->as<MethodCallExpr>()->object);
      for (const Expr* a : e->as<MethodCallExpr>()->args)
        walk(a);
      break;
    case ExprKind::Paren:
      walk(e->as<ParenExpr>()->inner);
      break;
    case ExprKind::Unary:
      walk(e->as<UnaryExpr>()->operand);
      break;
    case ExprKind::Binary:
      walk(e->as<BinaryExpr>()->lhs);
      walk(e->as<BinaryExpr>()->rhs);
      break;
    default:
      break;
    }
  }

  // -- values --------------------------------------------------------------------------------

  static bool isLiteral(const Expr* e) {
    return e->is<StringExpr>() || e->is<NumberExpr>() || e->is<TrueExpr>() || e->is<FalseExpr>();
  }

  // The literal an expression certainly evaluates to: a literal, or a never-assigned local
  // initialised with one.
  const Expr* literal(const Expr* e) const {
    e = stripParens(e);
    if (isLiteral(e))
      return e;
    if (auto* n = e->as<NameExpr>(); n && n->local && !n->local->assigned) {
      auto it = constants_.find(n->local);
      if (it != constants_.end())
        return it->second;
    }
    return nullptr;
  }

  // A literal (a `-` literal number too: `timeout(-5)` is the run's error, not unknown).
  Setting setting(const Expr* e) const {
    Setting s;
    s.range = e->range;
    s.state = Setting::State::Unknown;
    if (auto* u = stripParens(e)->as<UnaryExpr>(); u && u->op == UnaryOp::Neg) {
      Setting operand = setting(u->operand);
      if (auto* i = std::get_if<int64_t>(&operand.value))
        *i = static_cast<int64_t>(0ULL - static_cast<uint64_t>(*i)); // wraps as Lua does
      else if (auto* d = std::get_if<double>(&operand.value))
        *d = -*d;
      else
        return s;
      operand.range = e->range;
      return operand;
    }
    const Expr* lit = literal(e);
    if (!lit)
      return s;
    s.state = Setting::State::Known;
    if (auto* str = lit->as<StringExpr>())
      s.value = str->value;
    else if (auto* num = lit->as<NumberExpr>())
      s.value = num->isInteger ? decltype(s.value)(num->integer) : decltype(s.value)(num->number);
    else
      s.value = lit->is<TrueExpr>();
    return s;
  }

  Action action(const Expr* e) const {
    Action a;
    a.range = e->range;
    const Expr* inner = stripParens(e);
    if (inner->is<FunctionExpr>()) {
      a.kind = Action::Kind::Function;
      a.function = inner->as<FunctionExpr>()->body;
    } else if (Setting s = setting(e); s.string()) {
      a.kind = Action::Kind::Shell;
      a.shell = std::move(s);
    } else if (auto* b = inner->as<BinaryExpr>(); b && b->op == BinaryOp::Concat) {
      // `..` yields a string (or raises): certainly a shell command, its text unknown.
      a.kind = Action::Kind::Shell;
      a.shell.state = Setting::State::Unknown;
      a.shell.range = e->range;
    } else {
      a.kind = Action::Kind::Unknown;
    }
    return a;
  }

  Dependencies dependencies(const Expr* e) const {
    Dependencies d;
    d.set = true;
    d.range = e->range;
    if (Setting s = setting(e); s.string()) {
      d.names.push_back({*s.string(), e->range});
      return d;
    }
    const Expr* inner = stripParens(e);
    auto* table = inner->as<TableExpr>();
    if (!table) {
      d.complete = false;
      return d;
    }
    for (const TableField& f : table->fields) {
      Setting s = f.kind == TableField::Kind::Positional ? setting(f.value) : Setting{};
      if (s.string())
        d.names.push_back({*s.string(), f.value->range});
      else
        d.complete = false;
    }
    return d;
  }

  static ParamValue computedParams(SourceRange range) {
    ParamValue v;
    v.range = range;
    return v;
  }

  // A `params` value: literals (`-` literal numbers too) and table constructors of them.
  ParamValue paramValue(const Expr* e) const {
    ParamValue v;
    v.range = e->range;
    const Expr* inner = stripParens(e);
    if (inner->is<NilExpr>()) {
      v.kind = ParamValue::Kind::Literal;
      v.literal = {Setting::State::Known, {}, e->range};
      return v;
    }
    if (Setting s = setting(e); s.known()) {
      v.kind = ParamValue::Kind::Literal;
      v.literal = std::move(s);
      return v;
    }
    auto* table = inner->as<TableExpr>();
    if (!table)
      return v;
    v.kind = ParamValue::Kind::Table;
    for (const TableField& f : table->fields) {
      ParamValue entry = paramValue(f.value);
      if (f.kind == TableField::Kind::Positional) {
        if (f.value->isMultiValue() && &f == &table->fields.back())
          v.complete = false; // a last call or `...` adds any number of entries
        else
          v.entries.push_back(std::move(entry));
        continue;
      }
      const Expr* key = stripParens(f.key);
      auto* name = key->as<StringExpr>();
      if (!name) {
        v.complete = false; // `[k] = v`: which key is not known
        continue;
      }
      if (entry.kind == ParamValue::Kind::Literal && entry.literal.value.index() == 0)
        continue; // `k = nil` adds nothing
      entry.key = name->value;
      v.entries.push_back(std::move(entry));
    }
    return v;
  }

  // -- chains --------------------------------------------------------------------------------

  // The innermost object of a method-call chain, or nullptr when `e` is not one.
  static const Expr* chainRoot(const Expr* e) {
    const Expr* root = e;
    while (auto* m = root->as<MethodCallExpr>())
      root = m->object;
    return root == e && !e->is<CallExpr>() ? nullptr : root;
  }

  // Evaluates `e` when it is a DSL value (a task or workflow chain, or a local holding one),
  // recording what it defines; Value::Kind::None otherwise (nothing recorded).
  Value evaluate(const Expr* e) {
    e = stripParens(e);
    std::vector<const MethodCallExpr*> methods;
    const Expr* root = e;
    while (auto* m = root->as<MethodCallExpr>()) {
      methods.push_back(m);
      root = m->object;
    }
    std::reverse(methods.begin(), methods.end());

    Value value;
    bool conditional = false; // methods applied to a builder declared in another block
    if (auto* call = root->as<CallExpr>(); call && isGlobal(call->callee, "task")) {
      value = {Value::Kind::TaskBuilder, newTask(Task::Form::Builder, call->range)};
      Task& t = graph_.tasks[value.index];
      if (!call->args.empty())
        t.name = setting(call->args[0]);
      else
        t.name.state = Setting::State::Unknown;
      for (size_t i = 1; i < call->args.size(); ++i)
        walk(call->args[i]);
    } else if (call && isWorkflowDefine(call->callee)) {
      value = defineWorkflow(*call);
    } else if (auto* name = root->as<NameExpr>(); name && name->local) {
      auto it = bindings_.find(name->local);
      if (it == bindings_.end())
        return {};
      ++it->second.recognizedUses;
      value = it->second.value;
      conditional = it->second.block != block_;
      bool changes = std::any_of(methods.begin(), methods.end(),
                                 [](const MethodCallExpr* m) { return m->method != "build"; });
      if (changes)
        markContinued(value, conditional);
    } else {
      return {};
    }

    SourceRange whole = SourceRange::cover(root->range, e->range);
    for (const MethodCallExpr* m : methods) {
      value = applyMethod(value, *m, conditional);
      extend(value, whole);
    }
    return value;
  }

  size_t newTask(Task::Form form, SourceRange range) {
    Task t;
    t.form = form;
    t.range = range;
    t.topLevel = atTopLevel();
    graph_.tasks.push_back(std::move(t));
    taskUsed_.push_back(false);
    return graph_.tasks.size() - 1;
  }

  size_t newWorkflow(Workflow::Form form, SourceRange range) {
    Workflow w;
    w.form = form;
    w.range = range;
    w.topLevel = atTopLevel();
    graph_.workflows.push_back(std::move(w));
    workflowUsed_.push_back(false);
    return graph_.workflows.size() - 1;
  }

  // Method calls on a builder held in a local: in another block they may or may not run, and
  // after the task was built or listed they do not reach what was used.
  void markContinued(const Value& v, bool conditional) {
    if (v.kind == Value::Kind::TaskBuilder && (conditional || taskUsed_[v.index]))
      graph_.tasks[v.index].opaque = true;
    if (v.kind == Value::Kind::WorkflowBuilder && (conditional || workflowUsed_[v.index]))
      graph_.workflows[v.index].opaque = true;
  }

  void extend(const Value& v, SourceRange range) {
    if (v.kind == Value::Kind::TaskBuilder || v.kind == Value::Kind::BuiltTask) {
      Task& t = graph_.tasks[v.index];
      t.range = SourceRange::cover(t.range, range);
    } else if (v.kind != Value::Kind::None) {
      Workflow& w = graph_.workflows[v.index];
      w.range = SourceRange::cover(w.range, range);
    }
  }

  // A setting changed where it may or may not run is Unknown.
  static void maybe(Setting& s, bool conditional) {
    if (conditional)
      s.state = Setting::State::Unknown;
  }

  Value applyMethod(Value value, const MethodCallExpr& m, bool conditional) {
    const Expr* arg = m.args.empty() ? nullptr : m.args[0];
    if (value.kind == Value::Kind::TaskBuilder) {
      Task& t = graph_.tasks[value.index];
      if (m.method == "build") {
        if (!conditional && !t.built) {
          t.built = true;
          t.buildRange = m.methodRange;
        }
        taskUsed_[value.index] = true;
        walkArgs(m);
        return {Value::Kind::BuiltTask, value.index};
      }
      // A call that may or may not run leaves the setting unknown.
      setTaskField(t, m.method, conditional ? nullptr : arg, conditional ? m.range : m.argsRange);
      walkArgs(m);
      return value;
    }
    if (value.kind == Value::Kind::WorkflowBuilder) {
      Workflow& w = graph_.workflows[value.index];
      const std::string& name = m.method;
      if (name == "description" || name == "version") {
        Setting& s = name == "description" ? w.description : w.version;
        s = arg ? setting(arg) : Setting{Setting::State::Unknown, {}, m.argsRange};
        maybe(s, conditional);
      } else if (name == "tasks") {
        taskList(value.index, arg, m.argsRange);
        if (conditional)
          graph_.workflows[value.index].tasksComplete = false;
        for (size_t i = 1; i < m.args.size(); ++i)
          walk(m.args[i]);
        return value;
      } else if (name == "config") {
        config(graph_.workflows[value.index], arg, m.argsRange);
        if (conditional)
          graph_.workflows[value.index].configComplete = false;
      } else if (name == "on_start") {
        w.hasOnStart = true;
      } else if (name == "on_complete") {
        w.hasOnComplete = true;
      }
      walkArgs(m);
      return value;
    }
    // Methods of a built task or a defined workflow are not part of the DSL.
    walkArgs(m);
    return value;
  }

  void walkArgs(const MethodCallExpr& m) {
    for (const Expr* a : m.args)
      walk(a);
  }

  Value defineWorkflow(const CallExpr& call) {
    bool table = call.args.size() >= 2;
    size_t index = newWorkflow(table ? Workflow::Form::Table : Workflow::Form::Fluent, call.range);
    Workflow& w = graph_.workflows[index];
    if (!call.args.empty())
      w.name = setting(call.args[0]);
    else
      w.name.state = Setting::State::Unknown;
    if (!table)
      return {Value::Kind::WorkflowBuilder, index};

    workflowUsed_[index] = true;
    const Expr* spec = stripParens(call.args[1]);
    auto* fields = spec->as<TableExpr>();
    if (!fields) {
      // A spec built elsewhere: anything may be in it.
      graph_.workflows[index].opaque = true;
      graph_.workflows[index].tasksSet = true;
      graph_.workflows[index].tasksComplete = false;
      walk(spec);
      return {Value::Kind::Workflow, index};
    }
    for (const TableField& f : fields->fields) {
      Workflow& wf = graph_.workflows[index];
      std::string key = f.kind == TableField::Kind::Named ? f.key->as<StringExpr>()->value : "";
      if (key == "description")
        wf.description = setting(f.value);
      else if (key == "version")
        wf.version = setting(f.value);
      else if (key == "tasks")
        taskList(index, f.value, f.value->range);
      else if (key == "config")
        config(wf, f.value, f.value->range);
      else if (key == "on_start")
        wf.hasOnStart = true;
      else if (key == "on_complete")
        wf.hasOnComplete = true;
      else if (key.empty())
        wf.opaque = true; // `[k] = v` or positional: the extractor cannot tell which key
      if (key != "tasks") {
        if (f.kind == TableField::Kind::Keyed)
          walk(f.key);
        walk(f.value);
      }
    }
    for (size_t i = 2; i < call.args.size(); ++i)
      walk(call.args[i]);
    return {Value::Kind::Workflow, index};
  }

  void config(Workflow& w, const Expr* e, SourceRange range) {
    w.configSet = true;
    if (!e) {
      w.configComplete = false;
      (void)range;
      return;
    }
    const Expr* inner = stripParens(e);
    auto* table = inner->as<TableExpr>();
    if (!table) {
      w.configComplete = false;
      return;
    }
    for (const TableField& f : table->fields) {
      std::string key = f.kind == TableField::Kind::Named ? f.key->as<StringExpr>()->value : "";
      if (key == "max_parallel_tasks")
        w.maxParallelTasks = setting(f.value);
      else if (key == "timeout")
        w.configTimeout = setting(f.value);
      else if (key == "fail_fast")
        w.failFast = setting(f.value);
      else
        w.configComplete = false;
    }
  }

  // A workflow's task list: each entry a built task, a builder (a mistake), a task table or
  // something unknown.
  void taskList(size_t workflow, const Expr* e, SourceRange range) {
    Workflow& w = graph_.workflows[workflow];
    w.tasksSet = true;
    w.tasks.clear();
    w.tasksComplete = true;
    w.tasksRange = e ? e->range : range;
    if (!e) {
      w.tasksComplete = false;
      return;
    }
    const Expr* inner = stripParens(e);
    auto* table = inner->as<TableExpr>();
    if (!table) {
      w.tasksComplete = false;
      walk(e);
      return;
    }
    std::vector<TaskRef> refs;
    bool complete = true;
    for (const TableField& f : table->fields) {
      if (f.kind != TableField::Kind::Positional) {
        complete = false; // a keyed entry is not part of the list (and the runtime ignores it)
        walk(f.value);
        continue;
      }
      TaskRef ref;
      ref.range = f.value->range;
      const Expr* entry = stripParens(f.value);
      if (auto* spec = entry->as<TableExpr>()) {
        ref.task = taskTable(*spec);
      } else {
        Value v = evaluate(entry);
        if (v.kind == Value::Kind::BuiltTask || v.kind == Value::Kind::TaskBuilder) {
          ref.task = v.index;
          ref.unbuiltBuilder = v.kind == Value::Kind::TaskBuilder;
          taskUsed_[v.index] = true;
        } else {
          complete = false;
          // A call or `...` last in the list may add any number of entries.
          if (v.kind == Value::Kind::None)
            walk(f.value);
          if (entry->isMultiValue() && &f == &table->fields.back())
            continue;
        }
      }
      refs.push_back(ref);
    }
    Workflow& wf = graph_.workflows[workflow];
    wf.tasks = std::move(refs);
    wf.tasksComplete = complete;
  }

  // Sets task setting `key` (a builder method or a task-table field) from `value`; a nullptr
  // value (no argument, or a call that may not run) makes it Unknown at `missing`. False when
  // `key` is not a task setting.
  bool setTaskField(Task& t, std::string_view key, const Expr* value, SourceRange missing) {
    auto set = [&](Setting& s) {
      s = value ? setting(value) : Setting{Setting::State::Unknown, {}, missing};
    };
    auto setAction = [&](Action& a) {
      a = value ? action(value) : Action{Action::Kind::Unknown, {}, nullptr, missing};
    };
    if (key == "description")
      set(t.description);
    else if (key == "timeout")
      set(t.timeout);
    else if (key == "retries")
      set(t.retries);
    else if (key == "workdir")
      set(t.workdir);
    else if (key == "user")
      set(t.user);
    else if (key == "delegate_to")
      set(t.delegateTo);
    else if (key == "command")
      setAction(t.command);
    else if (key == "run_if")
      setAction(t.runIf);
    else if (key == "abort_if")
      setAction(t.abortIf);
    else if (key == "depends_on")
      t.dependsOn = value ? dependencies(value) : Dependencies{true, false, {}, missing};
    else if (key == "on_success")
      t.hasOnSuccess = true;
    else if (key == "on_failure")
      t.hasOnFailure = true;
    else if (key == "params")
      t.params = value ? paramValue(value) : computedParams(missing);
    else
      return false;
    return true;
  }

  // `{ name = "x", depends_on = ..., command = ... }` inside a task list.
  size_t taskTable(const TableExpr& table) {
    size_t index = newTask(Task::Form::Table, table.range);
    taskUsed_[index] = true;
    graph_.tasks[index].built = true;
    graph_.tasks[index].name.state = Setting::State::Unknown;
    bool named = false;
    for (const TableField& f : table.fields) {
      Task& t = graph_.tasks[index];
      std::string key = f.kind == TableField::Kind::Named ? f.key->as<StringExpr>()->value : "";
      if (key == "name") {
        t.name = setting(f.value);
        named = true;
      } else if (!setTaskField(t, key, f.value, f.value->range) && key.empty()) {
        t.opaque = true; // `[k] = v` or positional: the extractor cannot tell which setting
      }
      if (f.kind == TableField::Kind::Keyed)
        walk(f.key);
      walk(f.value);
    }
    if (!named)
      graph_.tasks[index].name.range = table.range;
    return index;
  }
};

} // namespace

TaskGraph extractTaskGraph(const ast::Chunk& chunk) {
  return Extractor(chunk).run();
}

std::optional<std::vector<size_t>> dependencyOrder(const TaskGraph& graph,
                                                   const Workflow& workflow) {
  if (!workflow.tasksComplete || workflow.opaque)
    return std::nullopt;
  std::map<std::string, size_t> byName; // name -> position in the list
  std::vector<size_t> tasks;
  for (const TaskRef& ref : workflow.tasks) {
    if (!ref.task || ref.unbuiltBuilder)
      return std::nullopt;
    const Task& t = graph.tasks[*ref.task];
    if (!t.name.string() || t.opaque || !t.dependsOn.complete ||
        !byName.emplace(*t.name.string(), tasks.size()).second)
      return std::nullopt;
    tasks.push_back(*ref.task);
  }
  // Kahn's algorithm, always taking the earliest ready task in list order.
  std::vector<unsigned> waitingOn(tasks.size(), 0);
  std::vector<std::vector<size_t>> dependents(tasks.size());
  for (size_t i = 0; i < tasks.size(); ++i)
    for (const Dependency& d : graph.tasks[tasks[i]].dependsOn.names) {
      auto it = byName.find(d.name);
      if (it == byName.end())
        return std::nullopt;
      ++waitingOn[i];
      dependents[it->second].push_back(i);
    }
  std::vector<size_t> order;
  std::vector<bool> done(tasks.size(), false);
  while (order.size() < tasks.size()) {
    size_t next = tasks.size();
    for (size_t i = 0; i < tasks.size(); ++i)
      if (!done[i] && waitingOn[i] == 0) {
        next = i;
        break;
      }
    if (next == tasks.size())
      return std::nullopt; // a cycle
    done[next] = true;
    order.push_back(tasks[next]);
    for (size_t d : dependents[next])
      --waitingOn[d];
  }
  return order;
}

} // namespace sloth::dsl
