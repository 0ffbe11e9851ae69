// Conditions of planned actions: the tests a path passed, and the simplification of the paths an
// action was seen on into one source-like condition.
#include "plan/Interpreter.h"

#include <fmt/core.h>

#include <algorithm>

namespace sloth::plan {

UnknownRef PlanContext::makeUnknown(Unknown u) {
  u.id = nextUnknownId++;
  return std::make_shared<const Unknown>(std::move(u));
}

void PlanContext::addNote(std::string note) {
  if (std::find(notes.begin(), notes.end(), note) == notes.end())
    notes.push_back(std::move(note));
}

void addAtom(Conds& conds, Atom atom) {
  auto at = std::lower_bound(conds.begin(), conds.end(), atom,
                             [](const Atom& a, const Atom& b) { return a.test->id < b.test->id; });
  if (at != conds.end() && at->test == atom.test)
    return;
  conds.insert(at, std::move(atom));
}

namespace {

bool needsParens(const std::string& e) {
  int depth = 0;
  for (std::size_t i = 0; i < e.size(); ++i) {
    char c = e[i];
    if (c == '"') { // skip string literals
      for (++i; i < e.size() && e[i] != '"'; ++i)
        if (e[i] == '\\')
          ++i;
      continue;
    }
    if (c == '(' || c == '{' || c == '[')
      ++depth;
    else if (c == ')' || c == '}' || c == ']')
      --depth;
    else if (c == ' ' && depth == 0)
      return true;
  }
  return false;
}

} // namespace

// a ⊆ b (both sorted by id).
bool subsetOf(const Conds& a, const Conds& b) {
  for (const Atom& x : a)
    if (std::find(b.begin(), b.end(), x) == b.end())
      return false;
  return true;
}

// a and b equal except for one test they passed with opposite results: that test's index in a.
std::optional<std::size_t> complementary(const Conds& a, const Conds& b) {
  if (a.size() != b.size())
    return std::nullopt;
  std::optional<std::size_t> diff;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i] == b[i])
      continue;
    if (a[i].test != b[i].test || diff)
      return std::nullopt;
    diff = i;
  }
  return diff;
}

std::string atomText(const Atom& atom) {
  const Unknown& u = *atom.test;
  if (atom.positive)
    return u.expr;
  if (!u.negExpr.empty())
    return u.negExpr;
  return needsParens(u.expr) ? "not (" + u.expr + ")" : "not " + u.expr;
}

std::optional<std::string> renderCondition(std::vector<Conds> alts) {
  // (x and a) or (x and not a) -> x;  x or (x and y) -> x; repeat until nothing changes.
  for (bool changed = true; changed;) {
    changed = false;
    for (std::size_t i = 0; i < alts.size() && !changed; ++i)
      for (std::size_t j = 0; j < alts.size() && !changed; ++j) {
        if (i == j)
          continue;
        if (subsetOf(alts[i], alts[j])) {
          alts.erase(alts.begin() + static_cast<std::ptrdiff_t>(j));
          changed = true;
        } else if (auto at = complementary(alts[i], alts[j])) {
          alts[i].erase(alts[i].begin() + static_cast<std::ptrdiff_t>(*at));
          alts.erase(alts.begin() + static_cast<std::ptrdiff_t>(j));
          changed = true;
        }
      }
  }
  std::string out;
  for (const Conds& c : alts) {
    if (c.empty())
      return std::nullopt;
    std::string one;
    for (const Atom& a : c) {
      if (!one.empty())
        one += " and ";
      one += atomText(a);
    }
    if (!out.empty())
      out += " or ";
    out += alts.size() > 1 && c.size() > 1 ? "(" + one + ")" : one;
  }
  if (out.empty())
    return std::nullopt;
  // Past a few alternatives a condition stops informing: say what it is instead.
  constexpr std::size_t kLongestCondition = 300;
  if (out.size() > kLongestCondition)
    return fmt::format("one of {} combinations of values known only at run time", alts.size());
  return out;
}

} // namespace sloth::plan
