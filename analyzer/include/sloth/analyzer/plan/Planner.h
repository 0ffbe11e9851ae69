// Derives a Plan from a compiled script without running it (design §8): the main chunk and each
// task's command are walked over their bytecode with abstract values (constants, tables of known
// shape, strings of known parts, the `--values`/`--set` inputs, and "known after run").
//
//   auto compiled = compiler::compileFile(path);
//   plan::PlanOptions options;  options.params = *plan::loadInputs(valuesFile, sets, error);
//   plan::Plan p = plan::makePlan(*compiled->main, options, types::builtinSignatures());
#pragma once

#include "sloth/analyzer/plan/Plan.h"
#include "sloth/analyzer/types/SignatureRegistry.h"
#include "sloth/vm/Proto.h"

#include <string>
#include <vector>

namespace sloth::plan {

struct PlanOptions {
  std::string workflow;           // empty: the only workflow (an error when there are several)
  std::vector<std::string> tasks; // non-empty: these tasks and what they depend on
  Data params;                    // the `params` argument of task commands (a Map)
};

Plan makePlan(const vm::Proto& main, const PlanOptions& options,
              const types::SignatureRegistry& signatures);

} // namespace sloth::plan
