// The task builder (stdlib/defs/task.lua): `task(name)` returns a builder whose methods each set
// one field of the task's spec (checked at once, so a bad value is reported at its line), and
// `:build()` returns the finished task for `workflow.define`.
#include "BuilderMethods.h"
#include "TaskSpec.h"

#include "sloth/stdlib/Modules.h"
#include "sloth/stdlib/Stdlib.h"

#include <fmt/core.h>

namespace sloth::stdlib {

using vm::Thread;
using vm::Type;

namespace {

// The spec table of the builder `self` (argument 1), pushed; raises when self is not a builder.
void pushSpec(Thread& L, std::string_view method) {
  bool isBuilder = false;
  if (L.isTable(1) && L.getMetatable(1)) {
    L.getField(vm::kRegistryIndex, tasks::kTaskBuilderMetatable);
    isBuilder = L.rawEqual(-1, -2);
    L.pop(2);
  }
  if (!isBuilder)
    L.runError(fmt::format("TaskBuilder:{}: call it with ':' on a task(...) builder", method));
  L.rawGetI(1, 1);
}

std::string specName(Thread& L, int spec) {
  L.getField(spec, "name");
  std::string name(L.toDisplayString(-1));
  L.pop(2);
  return name;
}

// builder:<field>(value): the field's name is the native's upvalue.
int setField(Thread& L) {
  std::string key(L.toDisplayString(vm::upvalueIndex(1)));
  L.pop();
  if (L.isNone(2))
    L.runError(fmt::format("TaskBuilder:{}: missing its argument", key));
  L.setTop(2);
  pushSpec(L, key);
  int spec = L.top();
  tasks::pushNormalizedField(L, specName(L, spec), key, 2);
  L.setField(spec, key);
  L.setTop(1);
  return 1;
}

int setRetries(Thread& L) {
  L.setTop(3);
  pushSpec(L, "retries");
  int spec = L.top();
  std::string name = specName(L, spec);
  tasks::pushNormalizedField(L, name, "retries", 2);
  L.setField(spec, "retries");
  if (!L.isNoneOrNil(3)) {
    tasks::pushNormalizedField(L, name, "backoff", 3);
    L.setField(spec, "backoff");
  }
  L.setTop(1);
  return 1;
}

int build(Thread& L) {
  L.setTop(1);
  pushSpec(L, "build");
  tasks::pushTaskFromSpec(L, -1, "TaskBuilder:build");
  L.rawGetI(1, 2); // where task(name) was called, for messages about the task
  L.setField(-2, "defined_at");
  return 1;
}

int newTask(Thread& L) {
  std::string_view name = L.checkString(1);
  if (name.empty())
    L.argError(1, "a task needs a non-empty name");
  std::string where = modules::definitionSite(L);
  L.newTable(2, 0); // the builder: [1] its spec, [2] where task(name) was called
  L.newTable(0, 4);
  L.pushValue(1);
  L.setField(-2, "name");
  L.rawSetI(-2, 1);
  L.pushString(where);
  L.rawSetI(-2, 2);
  L.getField(vm::kRegistryIndex, tasks::kTaskBuilderMetatable);
  L.setMetatable(-2);
  return 1;
}

} // namespace

void openTask(Thread& L) {
  L.newMetatable(tasks::kTaskMetatable);
  L.pushString("Task");
  L.setField(-2, "__name");
  L.pop();

  L.newMetatable(tasks::kTaskBuilderMetatable);
  L.pushString("TaskBuilder");
  L.setField(-2, "__name");
  L.newTable();
  for (const char* field :
       {"description", "command", "depends_on", "timeout", "workdir", "user", "delegate_to",
        "run_if", "abort_if", "on_success", "on_failure", "params"}) {
    L.pushString(field);
    L.pushNative(setField, 1, field);
    L.setField(-2, field);
  }
  L.pushNative(setRetries, 0, "retries");
  L.setField(-2, "retries");
  L.pushNative(build, 0, "build");
  L.setField(-2, "build");
  modules::setBuilderMethods(L, -2, "TaskBuilder");
  L.pop();

  L.pushNative(newTask, 0, "task");
  L.pushValue(-1);
  L.setGlobal("task");
  registerLoadedModule(L, "task");
}

} // namespace sloth::stdlib
