// workflow.define (stdlib/defs/workflow.lua): the fluent form registers the workflow at once and
// returns a builder; the table form registers it from a spec. Both check every value as given.
#include "BuilderMethods.h"
#include "TaskSpec.h"
#include "WorkflowSpec.h"

#include "sloth/stdlib/Modules.h"
#include "sloth/stdlib/Stdlib.h"

#include <fmt/core.h>

#include <set>
#include <string>

namespace sloth::stdlib {

using vm::Thread;
using vm::Type;

namespace {

constexpr std::string_view kBuilderMetatable = "sloth.WorkflowBuilder";

std::string workflowName(Thread& L, int wf) {
  L.getField(wf, "name");
  std::string name(L.toDisplayString(-1));
  L.pop(2);
  return name;
}

void setTasks(Thread& L, int wf, int list) {
  std::string name = workflowName(L, wf);
  if (!L.isTable(list))
    L.runError(fmt::format("workflow '{}': tasks must be a list of tasks, got {}", name,
                           L.typeNameAt(list)));
  L.newTable();
  int tasks = L.top();
  std::set<std::string> seen;
  std::size_t n = L.rawLen(list);
  for (std::size_t i = 1; i <= n; ++i) {
    L.rawGetI(list, static_cast<std::int64_t>(i));
    tasks::pushTaskFromSpec(L, -1, fmt::format("workflow '{}': tasks[{}]", name, i));
    L.getField(-1, "name");
    std::string taskName(L.toDisplayString(-1));
    L.pop(2);
    if (!seen.insert(taskName).second)
      L.runError(fmt::format("workflow '{}': two tasks are named '{}'", name, taskName));
    L.rawSetI(tasks, static_cast<std::int64_t>(i));
    L.pop();
  }
  L.setField(wf, "tasks");
}

void setConfig(Thread& L, int wf, int config) {
  std::string name = workflowName(L, wf);
  if (!L.isTable(config))
    L.runError(
        fmt::format("workflow '{}': config must be a table, got {}", name, L.typeNameAt(config)));
  L.newTable();
  int normalized = L.top();
  L.pushNil();
  while (L.next(config)) {
    std::string_view key;
    if (L.type(-2) != Type::String || !L.toStringView(-2, key))
      L.runError(fmt::format("workflow '{}': config keys must be strings", name));
    std::string k(key);
    if (k == "max_parallel_tasks") {
      bool exact = false;
      std::int64_t n = L.type(-1) == Type::Number ? L.toInteger(-1, &exact) : 0;
      if (!exact || n < 1)
        L.runError(
            fmt::format("workflow '{}': config.max_parallel_tasks must be an integer >= 1", name));
      L.pushInteger(n);
    } else if (k == "timeout") {
      L.pushNumber(tasks::checkDuration(L, L.top(),
                                        fmt::format("workflow '{}': config.timeout", name), false));
    } else if (k == "fail_fast") {
      if (L.type(-1) != Type::Boolean)
        L.runError(fmt::format("workflow '{}': config.fail_fast must be a boolean, got {}", name,
                               L.typeNameAt(-1)));
      L.pushValue(-1);
    } else {
      L.runError(fmt::format("workflow '{}': unknown config key '{}' (expected "
                             "max_parallel_tasks, timeout, fail_fast)",
                             name, k));
    }
    L.setField(normalized, k);
    L.pop();
  }
  L.setField(wf, "config");
}

// Sets one field of the workflow table at `wf` from the value at `value`.
void setWorkflowField(Thread& L, int wf, std::string_view key, int value) {
  value = L.absIndex(value);
  if (key == "tasks")
    return setTasks(L, wf, value);
  if (key == "config")
    return setConfig(L, wf, value);
  std::string name = workflowName(L, wf);
  if (key == "description" || key == "version") {
    if (L.type(value) != Type::String)
      L.runError(fmt::format("workflow '{}': {} must be a string, got {}", name, key,
                             L.typeNameAt(value)));
  } else if (key == "on_start" || key == "on_complete") {
    if (L.type(value) != Type::Function)
      L.runError(fmt::format("workflow '{}': {} must be a function, got {}", name, key,
                             L.typeNameAt(value)));
  } else {
    L.runError(fmt::format("workflow '{}': unknown field '{}' (expected description, version, "
                           "tasks, config, on_start, on_complete)",
                           name, key));
  }
  L.pushValue(value);
  L.setField(wf, key);
}

// builder:<field>(value), the field's name in upvalue 1.
int builderSet(Thread& L) {
  std::string key(L.toDisplayString(vm::upvalueIndex(1)));
  L.pop();
  bool isBuilder = false;
  if (L.isTable(1) && L.getMetatable(1)) {
    L.getField(vm::kRegistryIndex, kBuilderMetatable);
    isBuilder = L.rawEqual(-1, -2);
    L.pop(2);
  }
  if (!isBuilder)
    L.runError(fmt::format("workflow builder:{}: call it with ':' on workflow.define(name)", key));
  if (L.isNone(2))
    L.runError(fmt::format("workflow builder:{}: missing its argument", key));
  L.rawGetI(1, 1);
  setWorkflowField(L, L.top(), key, 2);
  L.setTop(1);
  return 1;
}

int define(Thread& L) {
  std::string name(L.checkString(1));
  if (name.empty())
    L.argError(1, "a workflow needs a non-empty name");
  bool tableForm = !L.isNoneOrNil(2);
  L.setTop(2);
  std::string where = modules::definitionSite(L);

  L.getField(vm::kRegistryIndex, workflows::kRegistryKey);
  int registry = L.top();
  std::size_t count = L.rawLen(registry);
  for (std::size_t i = 1; i <= count; ++i) {
    L.rawGetI(registry, static_cast<std::int64_t>(i));
    if (workflowName(L, L.top()) == name) {
      L.getField(-1, "defined_at");
      std::string previous(L.toDisplayString(-1));
      L.runError(fmt::format("workflow '{}' is already defined at {}", name, previous));
    }
    L.pop();
  }

  L.newTable(0, 8);
  int wf = L.top();
  L.pushString(name);
  L.setField(wf, "name");
  L.pushString(where);
  L.setField(wf, "defined_at");
  L.newTable();
  L.setField(wf, "tasks");
  L.newTable();
  L.setField(wf, "config");

  if (tableForm) {
    if (!L.isTable(2))
      L.typeError(2, "table");
    L.pushNil();
    while (L.next(2)) {
      std::string_view key;
      if (L.type(-2) != Type::String || !L.toStringView(-2, key))
        L.runError(fmt::format("workflow '{}': field names must be strings", name));
      setWorkflowField(L, wf, std::string(key), -1);
      L.pop();
    }
  }
  L.pushValue(wf);
  L.rawSetI(registry, static_cast<std::int64_t>(count + 1));

  if (tableForm) {
    L.newTable(0, 1);
    L.pushString(name);
    L.setField(-2, "name");
    return 1;
  }
  L.newTable(1, 0);
  L.pushValue(wf);
  L.rawSetI(-2, 1);
  L.getField(vm::kRegistryIndex, kBuilderMetatable);
  L.setMetatable(-2);
  return 1;
}

} // namespace

void openWorkflow(Thread& L) {
  L.newTable();
  L.setField(vm::kRegistryIndex, workflows::kRegistryKey);

  L.newMetatable(kBuilderMetatable);
  L.pushString("WorkflowBuilder");
  L.setField(-2, "__name");
  L.newTable();
  for (const char* field :
       {"description", "version", "tasks", "config", "on_start", "on_complete"}) {
    L.pushString(field);
    L.pushNative(builderSet, 1, field);
    L.setField(-2, field);
  }
  modules::setBuilderMethods(L, -2, "WorkflowBuilder");
  L.pop();

  L.newTable();
  L.pushNative(define, 0, "workflow.define", true);
  L.setField(-2, "define");
  L.pushValue(-1);
  L.setGlobal("workflow");
  registerLoadedModule(L, "workflow");
}

} // namespace sloth::stdlib
