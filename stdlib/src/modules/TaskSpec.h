#pragma once
// A task's settings as the DSL stores them: one table per task, checked field by field. The
// builder methods (`task("x"):timeout("5m")`) and the table form (`{name = "x", timeout = "5m"}`)
// go through the same checks, so both give the same errors. Normalized values: depends_on a
// list, durations in seconds, backoff with every field set.

#include "sloth/vm/State.h"

#include <string_view>

namespace sloth::stdlib::tasks {

/// Registry name of the metatable of built tasks (`task(...):build()`).
inline constexpr std::string_view kTaskMetatable = "sloth.Task";
/// Registry name of the metatable of task builders (`task(...)` before `:build()`).
inline constexpr std::string_view kTaskBuilderMetatable = "sloth.TaskBuilder";

/// Checks the value at `valueIndex` for field `key` of task `taskName` and pushes its normalized
/// form; raises "task 'x': ..." naming the field when it is wrong.
void pushNormalizedField(vm::Thread& L, std::string_view taskName, std::string_view key,
                         int valueIndex);

/// Pushes a built task made from the spec table at `index` (a built task is pushed as is):
/// every field checked, unknown fields rejected.
void pushTaskFromSpec(vm::Thread& L, int index, std::string_view context);

/// Seconds of a Duration value at `index`; raises "`what`: ..." when it is not one, is negative,
/// longer than ten years (no timer could hold it), or 0 where `zeroAllowed` is false (a limit).
double checkDuration(vm::Thread& L, int index, std::string_view what, bool zeroAllowed = true);

} // namespace sloth::stdlib::tasks
