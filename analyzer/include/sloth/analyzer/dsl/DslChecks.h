// The task DSL's checks (design §6), over the task graph of one file. Each is an error only when
// the run would certainly fail: the workflow's task list and the names involved are literals the
// extractor read; anything unknown or opaque keeps a check silent.
//
//   unknown-dependency  depends_on names a task the workflow does not have (did you mean ...)
//   dependency-cycle    tasks of a workflow depend on each other in a circle (the cycle named)
//   duplicate-task      two tasks of a workflow have the same name
//   missing-build       a builder without `:build()` where a task is expected (error), or a
//                       builder chain whose result is dropped (warning: the task never exists)
//   invalid-duration    a literal task timeout or config.timeout the run refuses (not a duration,
//                       not > 0, more than ten years)
#pragma once

#include "sloth/analyzer/dsl/TaskGraph.h"
#include "sloth/frontend/DiagnosticEngine.h"

namespace sloth::dsl {

void checkTaskGraph(const TaskGraph& graph, DiagnosticEngine& diags);

} // namespace sloth::dsl
