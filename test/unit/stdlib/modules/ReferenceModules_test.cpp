// include/sloth/ReferenceModules.h says which modules of the reference this build implements:
// it must agree with the globals openSlothModules sets (the message a script gets when it uses a
// module that is not built: test/lit/run/module-not-built.lua).
#include "sloth/ReferenceModules.h"
#include "sloth/stdlib/Modules.h"
#include "sloth/stdlib/Stdlib.h"
#include "sloth/stdlib/runtime/Runtime.h"

#include <gtest/gtest.h>

namespace {

using namespace sloth;

TEST(ReferenceModules, BuiltFlagsMatchTheModulesTheRuntimeOpens) {
  vm::State state;
  stdlib::runtime::Runtime runtime(state);
  stdlib::openStandardLibraries(state);
  stdlib::openSlothModules(state);
  vm::Thread& L = state.main();
  for (const ReferenceModule& m : kReferenceModules) {
    vm::Type type = L.getGlobal(m.name); // a table, or a function (task)
    L.pop();
    EXPECT_EQ(type != vm::Type::Nil, m.built) << m.name;
  }
}

} // namespace
