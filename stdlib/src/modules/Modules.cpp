#include "sloth/stdlib/Modules.h"
#include "sloth/stdlib/modules/DataModule.h"
#include "sloth/stdlib/modules/FactsModule.h"
#include "sloth/stdlib/modules/FileModule.h"
#include "sloth/stdlib/modules/InfraTestModule.h"
#include "sloth/stdlib/modules/MetricsModule.h"
#include "sloth/stdlib/modules/ReliabilityModule.h"
#include "sloth/stdlib/modules/StateModule.h"
#include "sloth/stdlib/modules/TemplateModule.h"

namespace sloth::stdlib {

void openSlothModules(vm::State& state) {
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
