// In a dry run no bound state-changing function may act: each is either one that handles the dry
// run itself or is refused with "cannot dry-run" before doing anything.
#include "sloth/stdlib/Modules.h"
#include "sloth/stdlib/Stdlib.h"
#include "sloth/stdlib/modules/DryRunGuard.h"
#include "sloth/stdlib/runtime/DryRun.h"
#include "sloth/stdlib/runtime/Runtime.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace {

using namespace sloth;
using stdlib::runtime::Prediction;

// Pushes the global function with a dotted name; false (nothing pushed) when it is not bound.
bool pushFunction(vm::Thread& L, const std::string& dotted) {
  L.pushGlobalTable();
  std::size_t start = 0;
  for (std::size_t dot; (dot = dotted.find('.', start)) != std::string::npos; start = dot + 1) {
    if (L.getField(-1, dotted.substr(start, dot - start)) != vm::Type::Table) {
      L.pop(2);
      return false;
    }
    L.remove(-2);
  }
  bool bound = L.getField(-1, dotted.substr(start)) == vm::Type::Function;
  L.remove(-2);
  if (!bound)
    L.pop();
  return bound;
}

TEST(DryRunGuard, SignaturesListTheStateChangingFunctions) {
  auto names = stdlib::modules::stateChangingFunctions();
  for (const char* expected :
       {"file.write", "exec.command", "state.set", "os.remove", "os.execute"})
    EXPECT_NE(std::find(names.begin(), names.end(), expected), names.end()) << expected;
  EXPECT_EQ(std::find(names.begin(), names.end(), "file.read"), names.end());
}

TEST(DryRunGuard, EveryBoundFunctionWithoutCheckModeIsRefused) {
  vm::State state;
  stdlib::runtime::Runtime runtime(state);
  stdlib::openStandardLibraries(state);
  stdlib::openSlothModules(state);
  stdlib::runtime::DryRunJournal journal;
  stdlib::runtime::attachDryRun(state, &journal);
  stdlib::modules::guardModulesForDryRun(state);
  vm::Thread& L = state.main();

  int refused = 0;
  for (const std::string& name : stdlib::modules::stateChangingFunctions()) {
    if (stdlib::modules::supportsDryRun(name) || !pushFunction(L, name))
      continue;
    ASSERT_NE(L.pcall(0, 0), vm::Status::Ok) << name << " ran in a dry run";
    std::string_view message;
    L.toStringView(-1, message);
    EXPECT_NE(message.find(name + ": cannot dry-run"), std::string_view::npos) << message;
    L.pop();
    ++refused;
  }
  EXPECT_GT(refused, 0);
  ASSERT_EQ(journal.predictions().size(), static_cast<std::size_t>(refused));
  for (const Prediction& p : journal.predictions())
    EXPECT_EQ(p.kind, Prediction::Kind::CannotDryRun) << p.function;
  stdlib::runtime::attachDryRun(state, nullptr);
}

} // namespace
