#include "TaskSpec.h"

#include "sloth/stdlib/runtime/Duration.h"

#include <fmt/core.h>

#include <cmath>
#include <string>

namespace sloth::stdlib::tasks {

using vm::Thread;
using vm::Type;

namespace {

constexpr std::string_view kFields =
    "name, description, command, depends_on, timeout, retries, backoff, workdir, user, "
    "delegate_to, run_if, abort_if, on_success, on_failure, params";

[[noreturn]] void fieldError(Thread& L, std::string_view taskName, std::string_view key,
                             std::string_view problem) {
  L.runError(fmt::format("task '{}': {}: {}", taskName, key, problem));
}

void pushString(Thread& L, std::string_view taskName, std::string_view key, int vi) {
  std::string_view text;
  if (L.type(vi) != Type::String || !L.toStringView(vi, text))
    fieldError(L, taskName, key, fmt::format("expected a string, got {}", L.typeNameAt(vi)));
  L.pushValue(vi);
}

void pushStringList(Thread& L, std::string_view taskName, std::string_view key, int vi) {
  L.newTable();
  if (L.type(vi) == Type::String) {
    L.pushValue(vi);
    L.rawSetI(-2, 1);
    return;
  }
  if (!L.isTable(vi))
    fieldError(L, taskName, key,
               fmt::format("expected a task name or a list of them, got {}", L.typeNameAt(vi)));
  std::size_t n = L.rawLen(vi);
  for (std::size_t i = 1; i <= n; ++i) {
    L.rawGetI(vi, static_cast<std::int64_t>(i));
    if (L.type(-1) != Type::String)
      fieldError(L, taskName, key,
                 fmt::format("item {} must be a task name, got {}", i, L.typeNameAt(-1)));
    L.rawSetI(-2, static_cast<std::int64_t>(i));
  }
}

void pushBackoff(Thread& L, std::string_view taskName, int vi) {
  if (!L.isTable(vi))
    fieldError(
        L, taskName, "backoff",
        fmt::format("expected a table {{delay=, factor=, max_delay=}}, got {}", L.typeNameAt(vi)));
  double delay = 1, factor = 2, maxDelay = 0;
  L.pushNil();
  while (L.next(vi)) {
    std::string_view key;
    if (L.type(-2) != Type::String || !L.toStringView(-2, key))
      fieldError(L, taskName, "backoff", "keys must be delay, factor or max_delay");
    std::string what = fmt::format("task '{}': backoff.{}", taskName, key);
    if (key == "delay") {
      delay = checkDuration(L, L.top(), what);
    } else if (key == "max_delay") {
      maxDelay = checkDuration(L, L.top(), what);
    } else if (key == "factor") {
      if (L.type(-1) != Type::Number || L.toNumber(-1) < 1)
        L.runError(fmt::format("{}: expected a number >= 1", what));
      factor = L.toNumber(-1);
    } else {
      fieldError(L, taskName, "backoff",
                 fmt::format("unknown key '{}' (expected delay, factor, max_delay)", key));
    }
    L.pop();
  }
  L.newTable(0, 3);
  L.pushNumber(delay);
  L.setField(-2, "delay");
  L.pushNumber(factor);
  L.setField(-2, "factor");
  L.pushNumber(maxDelay);
  L.setField(-2, "max_delay");
}

} // namespace

double checkDuration(Thread& L, int index, std::string_view what, bool zeroAllowed) {
  std::optional<double> seconds;
  if (L.type(index) == Type::Number) {
    seconds = L.toNumber(index);
  } else if (L.type(index) == Type::String) {
    std::string_view text;
    L.toStringView(index, text);
    seconds = runtime::parseDuration(text);
    if (!seconds)
      L.runError(fmt::format("{}: invalid duration '{}' (use seconds, or e.g. \"90s\", \"5m\", "
                             "\"1h30m\")",
                             what, text));
  } else {
    L.runError(fmt::format("{}: expected a duration (seconds or a string like \"5m\"), got {}",
                           what, L.typeNameAt(index)));
  }
  if (std::isnan(*seconds) || *seconds < 0 || (*seconds == 0 && !zeroAllowed))
    L.runError(fmt::format("{}: the duration must be positive", what));
  if (*seconds > kMaxDurationSeconds)
    L.runError(fmt::format("{}: the duration is too long (at most 10 years)", what));
  return *seconds;
}

void pushNormalizedField(Thread& L, std::string_view taskName, std::string_view key,
                         int valueIndex) {
  int vi = L.absIndex(valueIndex);
  Type type = L.type(vi);
  if (key == "name" || key == "description" || key == "workdir" || key == "user" ||
      key == "delegate_to") {
    pushString(L, taskName, key, vi);
  } else if (key == "command" || key == "run_if" || key == "abort_if") {
    if (type != Type::Function && type != Type::String)
      fieldError(
          L, taskName, key,
          fmt::format("expected a function or a shell command string, got {}", L.typeNameAt(vi)));
    L.pushValue(vi);
  } else if (key == "on_success" || key == "on_failure") {
    if (type != Type::Function)
      fieldError(L, taskName, key, fmt::format("expected a function, got {}", L.typeNameAt(vi)));
    L.pushValue(vi);
  } else if (key == "params") {
    // Defaults for this task's `params` argument; the run's values override them key by key.
    if (type != Type::Table)
      fieldError(L, taskName, key, fmt::format("expected a table, got {}", L.typeNameAt(vi)));
    L.pushValue(vi);
  } else if (key == "depends_on") {
    pushStringList(L, taskName, key, vi);
  } else if (key == "timeout") {
    L.pushNumber(checkDuration(L, vi, fmt::format("task '{}': timeout", taskName), false));
  } else if (key == "retries") {
    bool exact = false;
    std::int64_t count = L.type(vi) == Type::Number ? L.toInteger(vi, &exact) : 0;
    if (!exact || count < 0)
      fieldError(L, taskName, key,
                 L.type(vi) == Type::Number
                     ? fmt::format("expected a count >= 0, got {}", L.toDisplayString(vi))
                     : fmt::format("expected a count >= 0, got a {}", L.typeNameAt(vi)));
    L.pushInteger(count);
  } else if (key == "backoff") {
    pushBackoff(L, taskName, vi);
  } else {
    fieldError(L, taskName, key, fmt::format("unknown field (expected one of: {})", kFields));
  }
}

void pushTaskFromSpec(Thread& L, int index, std::string_view context) {
  index = L.absIndex(index);
  if (!L.isTable(index))
    L.runError(fmt::format("{}: expected a task (task(...):build()) or a task table, got {}",
                           context, L.typeNameAt(index)));
  if (L.getMetatable(index)) {
    L.getField(vm::kRegistryIndex, kTaskMetatable);
    bool built = L.rawEqual(-1, -2);
    L.pop();
    L.getField(vm::kRegistryIndex, kTaskBuilderMetatable);
    bool builder = L.rawEqual(-1, -2);
    L.pop(2);
    if (built) {
      L.pushValue(index);
      return;
    }
    // The usual slip: a `task("x"):...` chain that does not end with `:build()`.
    if (builder) {
      L.rawGetI(index, 1);
      L.getField(-1, "name");
      std::string name(L.toDisplayString(-1));
      L.runError(fmt::format("{}: task '{}' is a builder without ':build()'; end its chain with "
                             ":build()",
                             context, name));
    }
  }
  std::string name;
  if (L.getField(index, "name") != Type::String)
    L.runError(fmt::format("{}: a task table needs a 'name' string", context));
  name = std::string(L.toDisplayString(-1));
  L.pop(2);
  L.newTable();
  int task = L.top();
  L.pushNil();
  while (L.next(index)) {
    std::string_view key;
    if (L.type(-2) != Type::String || !L.toStringView(-2, key))
      L.runError(fmt::format("task '{}': field names must be strings", name));
    std::string field(key);
    pushNormalizedField(L, name, field, -1);
    L.setField(task, field);
    L.pop();
  }
  L.getField(vm::kRegistryIndex, kTaskMetatable);
  L.setMetatable(task);
}

} // namespace sloth::stdlib::tasks
