#include "plan/Interpreter.h"

#include "plan/Machine.h"

#include <fmt/core.h>

#include <algorithm>
#include <cmath>
#include <map>

namespace sloth::plan {

using namespace vm;

namespace {

// A copy of `p` that goes its own way: its own heap, so what one side writes into a table or an
// upvalue (`if r.changed then list[#list + 1] = name end`) is not seen by the other. The tables
// stay shared until one side writes (Heap::mutableTable copies on write).
std::unique_ptr<Path> forkPath(const Path& p) {
  auto other = std::make_unique<Path>(p);
  other->heap = std::make_shared<Heap>(*p.heap);
  return other;
}

constexpr long kStepBudget = 2'000'000; // instructions per run, over all paths
constexpr int kMaxDepth = 16;           // inlined user-function calls
constexpr int kMaxIterations = 256;     // of one loop on one path, before it counts as unbounded
constexpr std::size_t kMaxPaths = 4096; // live paths; beyond that no new forks are followed

// Loops of a function: [first, last] pcs of each body, from its back edges.
struct LoopRegion {
  int first, last;
  bool jumpLoop; // while / repeat / goto: the exit is a test inside
};

std::vector<LoopRegion> loopsOf(const Proto& p) {
  std::vector<LoopRegion> out;
  for (int pc = 0; pc < static_cast<int>(p.code.size()); ++pc) {
    Instruction i = p.code[static_cast<std::size_t>(pc)];
    switch (GET_OPCODE(i)) {
    case OpCode::JMP:
      if (GETARG_sJ(i) < 0)
        out.push_back({pc + 1 + GETARG_sJ(i), pc, true});
      break;
    case OpCode::FORLOOP:
    case OpCode::TFORLOOP:
      out.push_back({pc + 1 - GETARG_Bx(i), pc, false});
      break;
    default:
      break;
    }
  }
  return out;
}

const LoopRegion* innermostLoop(const std::vector<LoopRegion>& loops, int pc) {
  const LoopRegion* best = nullptr;
  for (const auto& l : loops)
    if (l.first <= pc && pc <= l.last && (!best || l.last - l.first < best->last - best->first))
      best = &l;
  return best;
}

// Registers an instruction may write (for forgetting what a repeating loop changed).
void writtenRegisters(Instruction i, int maxStack, std::vector<bool>& out) {
  int a = GETARG_A(i);
  auto mark = [&](int from, int to) {
    for (int r = std::max(0, from); r <= to && r < maxStack; ++r)
      out[static_cast<std::size_t>(r)] = true;
  };
  OpCode op = GET_OPCODE(i);
  // TFORCALL writes above A (its loop variables), everything else marked below writes from A.
  if (!opSetsA(op) && op != OpCode::TFORCALL)
    return;
  switch (op) {
  case OpCode::LOADNIL:
    return mark(a, a + GETARG_B(i));
  case OpCode::CALL:
  case OpCode::TAILCALL:
    return mark(a, GETARG_C(i) == 0 ? maxStack : a + GETARG_C(i) - 2);
  case OpCode::VARARG:
    return mark(a, GETARG_C(i) == 0 ? maxStack : a + GETARG_C(i) - 2);
  case OpCode::TFORCALL:
    return mark(a + 4, a + 3 + GETARG_C(i));
  case OpCode::SELF:
    return mark(a, a + 1);
  case OpCode::FORPREP:
  case OpCode::FORLOOP:
  case OpCode::TFORLOOP:
    return mark(a, a + 3);
  default:
    return mark(a, a);
  }
}

std::vector<int> positionKey(const Path& p) {
  std::vector<int> key;
  key.reserve(p.frames.size());
  for (const Frame& f : p.frames)
    key.push_back(f.pc);
  return key;
}

bool sameShape(const Path& a, const Path& b) {
  if (a.frames.size() != b.frames.size())
    return false;
  for (std::size_t i = 0; i < a.frames.size(); ++i) {
    const Frame &x = a.frames[i], &y = b.frames[i];
    if (x.proto != y.proto || x.pc != y.pc || x.closure != y.closure || x.cellOf != y.cellOf ||
        x.kind != y.kind || x.retA != y.retA || x.retC != y.retC || x.repeating != y.repeating ||
        x.varargs != y.varargs || x.pendingCallbacks != y.pendingCallbacks ||
        x.scopedTest != y.scopedTest)
      return false;
  }
  return true;
}

// The condition of two merged paths, when it can be said exactly.
std::optional<Conds> mergedConds(const Conds& a, const Conds& b, std::optional<Atom>& split) {
  split.reset();
  if (a == b)
    return a;
  if (subsetOf(a, b))
    return a;
  if (subsetOf(b, a))
    return b;
  auto diff = complementary(a, b);
  if (!diff)
    return std::nullopt;
  Conds out = a;
  split = a[*diff];
  out.erase(out.begin() + static_cast<std::ptrdiff_t>(*diff));
  return out;
}

} // namespace

// ----- registers, frames, calls -----

Value Machine::read(const Path& p, int reg) const {
  const Frame& f = p.frames.back();
  if (reg < 0 || reg >= static_cast<int>(f.regs.size()))
    return Value::nil();
  int cell = f.cellOf[static_cast<std::size_t>(reg)];
  return cell >= 0 ? p.heap->cells[static_cast<std::size_t>(cell)]
                   : f.regs[static_cast<std::size_t>(reg)];
}

void Machine::write(Path& p, int reg, Value v) {
  Frame& f = p.frames.back();
  if (reg < 0)
    return;
  if (reg >= static_cast<int>(f.regs.size())) {
    f.regs.resize(static_cast<std::size_t>(reg) + 1);
    f.cellOf.resize(static_cast<std::size_t>(reg) + 1, -1);
  }
  int cell = f.cellOf[static_cast<std::size_t>(reg)];
  if (cell >= 0)
    p.heap->cells[static_cast<std::size_t>(cell)] = v;
  f.regs[static_cast<std::size_t>(reg)] = std::move(v);
}

UnknownRef Machine::unknown(Path& p, std::string expr, types::TypeRef type) {
  Unknown u;
  u.expr = std::move(expr);
  u.type = type;
  u.file = ctx_.file;
  u.line = line(p);
  return ctx_.makeUnknown(std::move(u));
}

int Machine::line(const Path& p) const {
  if (curLine_ > 0)
    return curLine_;
  if (p.frames.empty())
    return 0;
  const Frame& f = p.frames.back();
  return f.proto->lineAt(f.pc);
}

std::string Machine::valueText(const Path& p, const Value& v, std::size_t limit) const {
  return sourceText(v, *p.heap, limit);
}

std::string Machine::localName(const Frame& f, int reg) const {
  int active = 0;
  for (const LocVar& lv : f.proto->locvars) {
    if (lv.startpc <= f.pc && f.pc < lv.endpc) {
      if (active == reg)
        return lv.name;
      ++active;
    }
  }
  return {};
}

// How a register's value reads: the local's name when it is a named local holding a value only
// the run knows, else the value itself.
std::string Machine::regText(const Path& p, int reg) const {
  Value v = read(p, reg);
  std::string name = localName(p.frames.back(), reg);
  if (!name.empty() &&
      (v.kind == VKind::Unknown || v.kind == VKind::Table || v.kind == VKind::Closure) &&
      name[0] != '(')
    return name;
  return valueText(p, v);
}

int Machine::sitePc(const Path& p, std::size_t i) const {
  const Frame& f = p.frames[i];
  bool waiting = i + 1 < p.frames.size() || inCall_;
  return waiting ? f.pc - 1 : f.pc;
}

bool Machine::inRepeatingLoop(const Path& p) const {
  for (std::size_t i = 0; i < p.frames.size(); ++i) {
    int pc = sitePc(p, i);
    for (const auto& l : p.frames[i].repeating)
      if (l.first <= pc && pc <= l.last)
        return true;
  }
  return false;
}

void Machine::leaveFrame(Path& p, const Frame& done) {
  if (done.scopedTest)
    std::erase_if(p.conds, [&](const Atom& at) { return at.test == done.scopedTest; });
  if (done.kind == FrameKind::Discard)
    startNextCallback(p);
}

void Machine::startNextCallback(Path& p) {
  if (p.frames.empty() || p.frames.back().pendingCallbacks.empty())
    return;
  int closure = p.frames.back().pendingCallbacks.back();
  p.frames.back().pendingCallbacks.pop_back();
  const Closure& c = *p.heap->closures[static_cast<std::size_t>(closure)];
  std::vector<Value> unknownArgs;
  for (int k = 0; k < c.proto->numparams; ++k)
    unknownArgs.push_back(Value::of(unknown(p, fmt::format("(argument {} of a callback)", k + 1))));
  pushFrame(p, closure, std::move(unknownArgs), FrameKind::Discard, 0, 1,
            fmt::format("function@{} ({}:{})", c.proto->linedefined, ctx_.file, line(p)));
}

void Machine::pushFrame(Path& p, int closure, std::vector<Value> args, FrameKind kind, int retA,
                        int retC, std::string via) {
  const Closure& c = *p.heap->closures[static_cast<std::size_t>(closure)];
  Frame f;
  f.uid = ctx_.nextUid++;
  f.proto = c.proto;
  f.closure = closure;
  f.kind = kind;
  f.retA = retA;
  f.retC = retC;
  f.via = std::move(via);
  std::size_t size = std::max<std::size_t>(c.proto->maxstacksize, c.proto->numparams) + 1;
  f.regs.resize(size);
  f.cellOf.assign(size, -1);
  for (std::size_t i = 0; i < c.proto->numparams && i < args.size(); ++i)
    f.regs[i] = args[i];
  if (c.proto->is_vararg && args.size() > c.proto->numparams)
    f.varargs.assign(args.begin() + c.proto->numparams, args.end());
  p.frames.push_back(std::move(f));
}

void Machine::start(Path& path, const Value& fn, std::vector<Value> args) {
  if (fn.kind != VKind::Closure) {
    path.ended = true;
    return;
  }
  pushFrame(path, fn.ref, std::move(args), FrameKind::Bottom, 0, 0, "");
}

void Machine::deliver(Path& p, std::vector<Value> results, int retA, int retC) {
  Frame& f = p.frames.back();
  if (retC == 0) {
    for (std::size_t i = 0; i < results.size(); ++i)
      write(p, retA + static_cast<int>(i), results[i]);
    f.top = retA + static_cast<int>(results.size());
    return;
  }
  for (int i = 0; i < retC - 1; ++i)
    write(p, retA + i,
          i < static_cast<int>(results.size()) ? results[static_cast<std::size_t>(i)] : Value());
}

void Machine::raise(Path& p, std::string_view why) {
  std::string where = fmt::format("{}:{}: {}", ctx_.file, line(p), why);
  while (!p.frames.empty()) {
    Frame f = std::move(p.frames.back());
    p.frames.pop_back();
    if (f.scopedTest)
      std::erase_if(p.conds, [&](const Atom& at) { return at.test == f.scopedTest; });
    if (f.kind == FrameKind::Pcall && !p.frames.empty()) {
      deliver(p, {Value::boolean_(false), Value::of(unknown(p, "the error message"))}, f.retA,
              f.retC);
      return;
    }
    if (f.kind == FrameKind::Discard && !p.frames.empty()) {
      startNextCallback(p); // a callback that failed: the caller goes on
      return;
    }
  }
  out_.ends.push_back({{}, p.conds, p.heap, true, std::move(where)});
  p.ended = true;
}

void Machine::call(Path& p, const Value& fn, std::vector<Value> args, int retA, int retC,
                   const std::string& calleeText, std::vector<std::unique_ptr<Path>>& forks) {
  switch (fn.kind) {
  case VKind::Closure: {
    const Closure& c = *p.heap->closures[static_cast<std::size_t>(fn.ref)];
    bool recursive = std::any_of(p.frames.begin(), p.frames.end(),
                                 [&](const Frame& f) { return f.proto == c.proto; });
    if (recursive || p.frames.size() >= kMaxDepth) {
      // Walked once already (recursion) or too deep: the result is left to the run.
      if (!recursive)
        ctx_.addNote(fmt::format("{}:{}: calls nested deeper than {} levels were not followed",
                                 ctx_.file, line(p), kMaxDepth));
      deliver(p, {Value::of(unknown(p, calleeText + "(…)"))}, retA, retC);
      return;
    }
    std::string name =
        calleeText.empty() ? fmt::format("function@{}", c.proto->linedefined) : calleeText;
    pushFrame(p, fn.ref, std::move(args), FrameKind::Normal, retA, retC,
              fmt::format("{} ({}:{})", name, ctx_.file, line(p)));
    return;
  }
  case VKind::Native:
    if (callNative(p, fn, args, retA, retC, forks))
      return;
    deliver(p, {Value::of(unknown(p, calleeText + "(…)"))}, retA, retC);
    return;
  case VKind::Unknown: {
    const Unknown& u = *fn.unknown;
    if (!u.candidates.empty()) {
      // One of the functions of a known table: each may be the one called. The test that picks
      // it guards what happens inside the call only.
      for (std::size_t i = u.candidates.size(); i-- > 0;) {
        Path* path = &p;
        std::unique_ptr<Path> other;
        if (i > 0) {
          other = forkPath(p);
          path = other.get();
        }
        Unknown pick;
        pick.expr = u.candidateIf[i];
        pick.file = ctx_.file;
        pick.line = line(p);
        UnknownRef test = ctx_.makeUnknown(std::move(pick));
        addAtom(path->conds, Atom{test, true});
        std::size_t depth = path->frames.size();
        call(*path, u.candidates[i], args, retA, retC, calleeText, forks);
        if (path->frames.size() > depth)
          path->frames.back().scopedTest = test;
        else
          std::erase_if(path->conds, [&](const Atom& at) { return at.test == test; });
        if (other)
          forks.push_back(std::move(other));
      }
      return;
    }
    emitUnknownCall(p, calleeText, args);
    deliver(p, {Value::of(unknown(p, calleeText + "(…)"))}, retA, retC);
    runCallbacks(p, args);
    return;
  }
  default:
    // calling nil, a number, ...: the run fails here
    raise(p, fmt::format("attempt to call a {} value{}", luaTypeName(fn),
                         calleeText.empty() ? "" : " (" + calleeText + ")"));
  }
}

// ----- tests and loops -----

void Machine::takeJump(Path& p, int target) {
  Frame& f = p.frames.back();
  int from = f.pc;
  if (target <= from) { // a back edge
    for (const auto& loop : f.repeating)
      if (loop.first <= from && from <= loop.last && loop.last == from) {
        RepeatingLoop l = loop;
        f.pc = from + 1; // walked once: leave the loop
        leaveRepeatingLoop(p, l);
        return;
      }
    if (++f.backEdges[from] > kMaxIterations) {
      markRepeating(p, target, from, p.conds.size());
      RepeatingLoop l = p.frames.back().repeating.back();
      p.frames.back().pc = from + 1;
      leaveRepeatingLoop(p, l);
      return;
    }
  }
  f.pc = target;
}

void Machine::markRepeating(Path& p, int first, int last, std::size_t condsAtEntry) {
  Frame& f = p.frames.back();
  for (const auto& l : f.repeating)
    if (l.first == first && l.last == last)
      return;
  f.repeating.push_back({first, last, condsAtEntry});
  // Actions already planned in this loop's body on this path repeat too.
  for (PendingAction& a : p.actions)
    for (const auto& [uid, pc] : a.sites)
      if (uid == f.uid && first <= pc && pc <= last)
        a.action.repeats = true;
}

void Machine::leaveRepeatingLoop(Path& p, const RepeatingLoop& loop) {
  Frame& f = p.frames.back();
  std::erase(f.repeating, loop);
  f.backEdges.clear();
  // What the body wrote may have been written any number of times.
  std::vector<bool> written(f.regs.size(), false);
  for (int pc = loop.first; pc <= loop.last; ++pc) {
    Instruction i = f.proto->code[static_cast<std::size_t>(pc)];
    writtenRegisters(i, static_cast<int>(f.regs.size()), written);
    if (GET_OPCODE(i) == OpCode::SETUPVAL) {
      const Closure& c = *p.heap->closures[static_cast<std::size_t>(f.closure)];
      int cell = c.cells[static_cast<std::size_t>(GETARG_B(i))];
      p.heap->cells[static_cast<std::size_t>(cell)] =
          Value::of(unknown(p, f.proto->upvalues[static_cast<std::size_t>(GETARG_B(i))].name));
    }
  }
  for (std::size_t r = 0; r < written.size(); ++r)
    if (written[r]) {
      std::string name = localName(f, static_cast<int>(r));
      write(p, static_cast<int>(r),
            Value::of(unknown(p, name.empty() || name[0] == '(' ? "(set in a loop)" : name)));
    }
  if (p.conds.size() > loop.condsAtEntry)
    p.conds.resize(loop.condsAtEntry);
}

// The conditional instruction at pc is followed by a JMP: it is taken when the test holds.
void Machine::branch(Path& p, const Value& test, bool jumpWhenTruthy,
                     std::vector<std::unique_ptr<Path>>& forks) {
  Frame& f = p.frames.back();
  int pc = f.pc;
  Instruction jmp = f.proto->code[static_cast<std::size_t>(pc) + 1];
  int jumpTarget = pc + 2 + GETARG_sJ(jmp);
  auto go = [&](Path& path, bool truthy) {
    Frame& fr = path.frames.back();
    if (truthy == jumpWhenTruthy) {
      fr.pc = pc + 1; // at the JMP
      takeJump(path, jumpTarget);
    } else {
      fr.pc = pc + 2;
    }
  };
  std::optional<bool> t = truthiness(test);
  if (t) {
    go(p, *t);
    return;
  }
  // Normalize `not x` to x, and a value joined after a split to the split's test: the test is
  // truthy exactly when `u` came out `positive`. On each side the joined value is known again.
  UnknownRef u = test.unknown;
  bool positive = true;
  UnknownRef joined;
  bool joinedTruthyWhenTestIs = true; // the joined value is truthy when the test is this
  for (;;) {
    if (u->negationOf) {
      u = u->negationOf;
      positive = !positive;
    } else if (u->joinedBy && !joined) {
      joined = u;
      joinedTruthyWhenTestIs = positive;
      positive = positive == u->joinedPositive;
      u = u->joinedBy;
    } else {
      break;
    }
  }
  auto refine = [&](Path& path, bool testTruthy) {
    if (!joined)
      return;
    bool truthy = testTruthy == joinedTruthyWhenTestIs;
    for (Frame& fr : path.frames)
      for (Value& r : fr.regs)
        if (r.kind == VKind::Unknown && r.unknown == joined)
          r = truthy ? joined->whenTruthy : joined->whenFalsy;
  };
  for (const Atom& a : p.conds)
    if (a.test == u) { // tested before on this path: same answer
      refine(p, a.positive == positive);
      go(p, a.positive == positive);
      return;
    }
  if (out_.ends.size() + forks.size() > kMaxPaths) {
    ctx_.addNote("too many paths: some conditions were assumed to hold");
    addAtom(p.conds, Atom{u, positive});
    refine(p, true);
    go(p, true);
    return;
  }
  // Does this test decide whether a while/repeat loop goes on?
  auto loops = loopsOf(*f.proto);
  const LoopRegion* loop = innermostLoop(loops, pc);
  std::size_t condsBefore = p.conds.size();
  auto other = forkPath(p);
  addAtom(p.conds, Atom{u, positive});
  addAtom(other->conds, Atom{u, !positive});
  refine(p, true);
  refine(*other, false);
  go(p, true);
  go(*other, false);
  if (loop && loop->jumpLoop) {
    for (Path* path : {&p, other.get()}) {
      if (path->ended || path->frames.empty())
        continue;
      Frame& fr = path->frames.back();
      if (fr.proto != f.proto)
        continue;
      int at = fr.pc;
      bool inside = loop->first <= at && at <= loop->last;
      bool otherInside = false;
      Path* sibling = path == &p ? other.get() : &p;
      if (!sibling->frames.empty()) {
        int sat = sibling->frames.back().pc;
        otherInside = loop->first <= sat && sat <= loop->last;
      }
      if (inside && !otherInside)
        markRepeating(*path, loop->first, loop->last, condsBefore);
    }
  }
  forks.push_back(std::move(other));
}

// ----- merging -----

namespace {

bool callable(const Value& v) {
  return v.kind == VKind::Closure || v.kind == VKind::Native;
}

// The value of a register on two merged paths. When the paths split on one test and the values
// are true and false, the value is that test: `return x == "1"` stays a condition.
Value joinValues(Machine& m, Path& p, const Value& a, const Value& b, const Heap& heapA,
                 const Heap& heapB, const std::optional<Atom>& split) {
  if (a == b)
    return a;
  if (split && a.kind == VKind::Boolean && b.kind == VKind::Boolean) {
    bool testTruthyOnA = split->positive;
    if (a.boolean == testTruthyOnA)
      return Value::of(split->test);
    Unknown u;
    u.expr = atomText(Atom{split->test, false});
    u.negationOf = split->test;
    u.type = split->test->type;
    u.file = m.ctx().file;
    u.line = m.line(p);
    return Value::of(m.ctx().makeUnknown(std::move(u)));
  }
  std::string ta = sourceText(a, heapA, 40), tb = sourceText(b, heapB, 40);
  Unknown u;
  auto scalar = [](const Value& v) {
    return v.kind == VKind::Nil || v.kind == VKind::Boolean || v.kind == VKind::String ||
           v.isNumber();
  };
  if (split && scalar(a) && scalar(b) && truthiness(a) != truthiness(b)) {
    // Testing it is testing the split (`if msg then`): see Machine::branch.
    bool truthyOnA = *truthiness(a);
    u.joinedBy = split->test;
    u.joinedPositive = truthyOnA ? split->positive : !split->positive;
    u.whenTruthy = truthyOnA ? a : b;
    u.whenFalsy = truthyOnA ? b : a;
  }
  if (callable(a) && callable(b)) {
    // One of two functions: a call plans both, each under the test that chose it.
    u.candidates = {a, b};
    if (split) {
      u.candidateIf = {atomText(*split), atomText(Atom{split->test, !split->positive})};
    } else {
      u.candidateIf = {"the function is " + ta, "the function is " + tb};
    }
  }
  // `x or "default"` reads best when the unknown side comes first.
  if (a.kind != VKind::Unknown && b.kind == VKind::Unknown)
    std::swap(ta, tb);
  u.expr = ta + " or " + tb;
  auto isString = [](const Value& v) {
    return v.kind == VKind::String ||
           (v.kind == VKind::Unknown &&
            (!v.unknown->parts.empty() ||
             (v.unknown->type && v.unknown->type->kind() == types::TypeKind::String)));
  };
  if (isString(a) && isString(b))
    u.type = m.ctx().signatures.types().string();
  auto secret = [](const Value& v) { return v.kind == VKind::Unknown && v.unknown->secret; };
  u.secret = secret(a) || secret(b);
  u.file = m.ctx().file;
  u.line = m.line(p);
  return Value::of(m.ctx().makeUnknown(std::move(u)));
}

} // namespace

bool Machine::merge(Path& a, const Path& b) {
  if (!sameShape(a, b) || a.heap->workflows != b.heap->workflows)
    return false;
  std::optional<Atom> split;
  auto conds = mergedConds(a.conds, b.conds, split);
  if (!conds)
    return false;
  const Heap& hb = *b.heap;
  // Different closures under one id cannot be joined.
  std::size_t nc = std::min(a.heap->closures.size(), hb.closures.size());
  for (std::size_t i = 0; i < nc; ++i)
    if (a.heap->closures[i] != hb.closures[i] &&
        (a.heap->closures[i]->proto != hb.closures[i]->proto ||
         a.heap->closures[i]->cells != hb.closures[i]->cells))
      return false;
  auto joined = std::make_shared<Heap>(*a.heap);
  Heap& ha = *joined;
  if (hb.closures.size() > ha.closures.size())
    ha.closures.insert(ha.closures.end(), hb.closures.begin() + static_cast<std::ptrdiff_t>(nc),
                       hb.closures.end());
  for (std::size_t c = 0; c < std::min(ha.cells.size(), hb.cells.size()); ++c)
    ha.cells[c] = joinValues(*this, a, ha.cells[c], hb.cells[c], *a.heap, hb, split);
  for (std::size_t c = ha.cells.size(); c < hb.cells.size(); ++c)
    ha.cells.push_back(hb.cells[c]);
  std::size_t nt = std::min(ha.tables.size(), hb.tables.size());
  for (std::size_t t = 0; t < nt; ++t) {
    if (ha.tables[t] == hb.tables[t])
      continue;
    const Table &x = *ha.tables[t], &y = *hb.tables[t];
    Table out = x;
    out.complete = x.complete && y.complete && x.entries.size() == y.entries.size();
    for (auto& [k, v] : out.entries) {
      const Value* other = y.find(k);
      v = other ? joinValues(*this, a, v, *other, *a.heap, hb, split)
                : joinValues(*this, a, v, Value::nil(), *a.heap, hb, split);
    }
    for (const auto& [k, v] : y.entries)
      if (!x.find(k))
        out.entries.emplace_back(k, joinValues(*this, a, Value::nil(), v, *a.heap, hb, split));
    ha.tables[t] = std::make_shared<Table>(std::move(out));
  }
  for (std::size_t t = nt; t < hb.tables.size(); ++t)
    ha.tables.push_back(hb.tables[t]);
  for (std::size_t fi = 0; fi < a.frames.size(); ++fi) {
    Frame& fa = a.frames[fi];
    const Frame& fb = b.frames[fi];
    for (std::size_t r = 0; r < fa.regs.size(); ++r)
      fa.regs[r] = joinValues(*this, a, fa.regs[r], fb.regs[r], *a.heap, hb, split);
    for (const auto& [pc, n] : fb.backEdges)
      fa.backEdges[pc] = std::max(fa.backEdges[pc], n);
  }
  a.heap = std::move(joined);
  a.conds = std::move(*conds);
  std::map<std::uint64_t, std::size_t> seen;
  for (std::size_t i = 0; i < a.actions.size(); ++i)
    seen[a.actions[i].uid] = i;
  for (const auto& act : b.actions) {
    auto it = seen.find(act.uid);
    if (it == seen.end())
      a.actions.push_back(act);
    else if (act.action.repeats) // found to be in a loop on b's side
      a.actions[it->second].action.repeats = true;
  }
  return true;
}

// ----- the driver -----

RunResult Interpreter::run(std::shared_ptr<Heap> heap, const Value& fn, std::vector<Value> args,
                           const Conds& base) {
  RunResult out;
  Machine m(ctx_, out);
  // Paths in program order: the one furthest behind runs first, so paths meet at join points.
  std::map<std::vector<int>, std::vector<std::unique_ptr<Path>>> work;
  auto first = std::make_unique<Path>();
  first->heap = std::move(heap);
  first->conds = base;
  m.start(*first, fn, std::move(args));
  auto finish = [&](Path& p) {
    for (auto& a : p.actions)
      out.actions.push_back(std::move(a));
    p.actions.clear();
  };
  if (first->ended) {
    finish(*first);
    return out;
  }
  work[positionKey(*first)].push_back(std::move(first));
  long steps = 0;
  std::vector<std::unique_ptr<Path>> forks;
  while (!work.empty()) {
    auto it = work.begin();
    auto& bucket = it->second;
    // Merge the paths waiting at this point, until no two of them merge: (a and not b) merges
    // with (a and b) into a, which then merges with (not a).
    for (bool merged = true; merged && bucket.size() > 1;) {
      merged = false;
      for (std::size_t i = 0; i < bucket.size(); ++i)
        for (std::size_t j = i + 1; j < bucket.size();) {
          if (m.merge(*bucket[i], *bucket[j])) {
            bucket.erase(bucket.begin() + static_cast<std::ptrdiff_t>(j));
            merged = true;
          } else {
            ++j;
          }
        }
    }
    std::unique_ptr<Path> path = std::move(bucket.back());
    bucket.pop_back();
    if (bucket.empty())
      work.erase(it);
    if (++steps > kStepBudget) {
      out.truncated = true;
      finish(*path);
      for (auto& [key, paths] : work)
        for (auto& p : paths)
          finish(*p);
      break;
    }
    forks.clear();
    m.step(*path, forks);
    for (auto& f : forks) {
      if (f->ended)
        finish(*f);
      else
        work[positionKey(*f)].push_back(std::move(f));
    }
    if (path->ended)
      finish(*path);
    else
      work[positionKey(*path)].push_back(std::move(path));
  }
  return out;
}

} // namespace sloth::plan
