#include "sloth/stdlib/Modules.h"
#include "sloth/stdlib/modules/DataModule.h"
#include "sloth/stdlib/modules/FactsModule.h"
#include "sloth/stdlib/modules/FileModule.h"
#include "sloth/stdlib/modules/InfraTestModule.h"
#include "sloth/stdlib/modules/MetricsModule.h"
#include "sloth/stdlib/modules/ReliabilityModule.h"
#include "sloth/stdlib/modules/StateModule.h"
#include "sloth/stdlib/modules/TemplateModule.h"

#include "sloth/ReferenceModules.h"

#include <fmt/core.h>

namespace sloth::stdlib {

namespace {

// "attempt to index a nil value (global 'pkg')" then says why (include/sloth/ReferenceModules.h).
std::string unbuiltModuleNote(std::string_view name) {
  if (!isUnbuiltReferenceModule(name))
    return {};
  return fmt::format("the '{}' module of the sloth reference is not built in this version of "
                     "sloth",
                     name);
}

} // namespace

void openSlothModules(vm::State& state) {
  state.setMissingGlobalNote(unbuiltModuleNote);
  vm::Thread& L = state.main();
  openTask(L);
  openWorkflow(L);
  openExec(L);
  openLog(L);
  openGoroutine(L);
  openFile(L);
  openData(L);
  openState(L);
  openTemplate(L);
  openReliability(L);
  openInfraTest(L);
  openFacts(L);
  openMetrics(L);
}

} // namespace sloth::stdlib
