// Walks a function's bytecode with abstract values, along every path the run could take.
//
// A path forks where a test depends on an Unknown; each side records the test (an Atom) in its
// condition. Paths that reach the same instruction with compatible states are merged again, so
// code after an `if` is walked once, not once per branch. Calls into closures are followed
// (inlined, with a depth limit; recursion is walked once); module calls whose effect is
// write/exec/net become pending actions carrying the path's condition. Loops whose iteration count
// is known are run; others run their body once and the actions inside are marked "repeats".
#pragma once

#include "plan/AbstractValue.h"
#include "sloth/analyzer/plan/Plan.h"
#include "sloth/analyzer/types/SignatureRegistry.h"

#include <memory>
#include <set>
#include <string>
#include <vector>

namespace sloth::plan {

// One test a path passed: `test` was truthy (positive) or falsy.
struct Atom {
  UnknownRef test;
  bool positive = true;
  bool operator==(const Atom& o) const { return test == o.test && positive == o.positive; }
};
using Conds = std::vector<Atom>; // kept sorted by test id

struct PendingAction {
  std::uint64_t uid = 0; // the same action seen on two merged paths is one action
  Action action;         // task and condition are filled in by the planner
  Conds conds;
  std::vector<std::pair<std::uint64_t, int>> sites; // (frame uid, pc), outermost first
  std::vector<UnknownRef> unknowns;                 // what its arguments depend on
};

// How one path ended.
struct PathEnd {
  std::vector<Value> results;
  Conds conds;
  std::shared_ptr<const Heap> heap;
  bool errored = false;
  std::string error; // errored: "file:line: what fails there", for the plan's notes
};

struct RunResult {
  std::vector<PendingAction> actions;
  std::vector<PathEnd> ends;
  bool truncated = false; // the step budget ran out: some paths were not followed to the end
};

// State shared by every run of one plan.
struct PlanContext {
  const types::SignatureRegistry& signatures;
  std::string file; // the script's display name
  int nextUnknownId = 1;
  std::uint64_t nextUid = 1;
  std::set<std::string> secrets; // literal values seen in secret positions: redacted everywhere
  std::vector<std::string> notes;

  explicit PlanContext(const types::SignatureRegistry& s) : signatures(s) {}
  UnknownRef makeUnknown(Unknown u);
  void addNote(std::string note);
};

class Interpreter {
public:
  explicit Interpreter(PlanContext& context) : ctx_(context) {}

  // Calls `fn` (a closure in `heap`) with `args`; every path starts with condition `base`.
  RunResult run(std::shared_ptr<Heap> heap, const Value& fn, std::vector<Value> args,
                const Conds& base);

private:
  PlanContext& ctx_;
};

// Renders the condition of a set of paths (a disjunction of conjunctions) in source terms, after
// simplifying `(a and b) or (a and not b)` to `a`; nullopt when one of them is unconditional.
std::optional<std::string> renderCondition(std::vector<Conds> alternatives);
// The text of one test: `file.exists("/x")` or `not file.exists("/x")`.
std::string atomText(const Atom& atom);
// a ⊆ b: every test of a is in b.
bool subsetOf(const Conds& a, const Conds& b);
// a and b equal except for one test they passed with opposite results: that test's index in a.
std::optional<std::size_t> complementary(const Conds& a, const Conds& b);
// Adds `atom` to `conds`, keeping them sorted.
void addAtom(Conds& conds, Atom atom);

} // namespace sloth::plan
