#pragma once
// The `metrics` module (stdlib/defs/metrics.lua, docs/modules/metrics.md): counters, gauges and
// histograms recorded during a run, kept in the State (nothing leaves the process during the run);
// `sloth run` exports them at the end (MetricsExport.h).

#include "sloth/stdlib/modules/MetricsRegistry.h"
#include "sloth/vm/State.h"

namespace sloth::stdlib {

/// Sets the global `metrics` (and package.loaded.metrics).
void openMetrics(vm::Thread& L);

/// The metrics recorded so far in L's State; nullptr when none was ever recorded.
const metrics::MetricsRegistry* recordedMetrics(vm::Thread& L);

} // namespace sloth::stdlib
