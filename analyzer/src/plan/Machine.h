// The planner's abstract machine: paths, frames, and the step that executes one instruction.
// Internal to the planner (Interpreter.cpp drives it, Natives.cpp implements the library and
// DSL functions on it).
#pragma once

#include "plan/Interpreter.h"

#include <map>
#include <memory>
#include <vector>

namespace sloth::plan {

// A loop whose iterations the plan cannot count: its body is walked once.
struct RepeatingLoop {
  int first = 0; // pcs of the loop body, inclusive
  int last = 0;
  std::size_t condsAtEntry = 0; // tests passed inside are dropped when the loop is left
  bool operator==(const RepeatingLoop&) const = default;
};

enum class FrameKind { Normal, Pcall, Discard, Bottom };

struct Frame {
  std::uint64_t uid = 0;
  const vm::Proto* proto = nullptr;
  int closure = -1;
  int pc = 0;
  std::vector<Value> regs;
  std::vector<int> cellOf; // register -> open upvalue cell, or -1
  std::vector<Value> varargs;
  int top = 0; // end of the values of a multi-result call or vararg
  FrameKind kind = FrameKind::Normal;
  int retA = 0; // where the caller wants the results
  int retC = 1; // Lua's C: wanted results + 1, 0 = all
  std::vector<RepeatingLoop> repeating;
  std::map<int, int> backEdges;      // back-edge pc -> times taken
  std::string via;                   // "helper (deploy.sloth:12)" for actions reached through it
  std::string statusExpr;            // Pcall frames: the call, for the status the run returns
  UnknownRef scopedTest;             // a test that holds only inside this call (dropped on return)
  std::vector<int> pendingCallbacks; // callbacks still to plan after the running one
  // `a:b()` on a later line of a chain: Lua gives the CALL the chain's first line, the SELF its
  // own.
  std::map<int, int> selfLines; // register -> line of the SELF that loaded the method
  // Functions loaded from a field (`C.new`, `obj:run`): their names, for `via` lines.
  std::map<int, std::pair<Value, std::string>> loadedNames;
};

struct Path {
  std::vector<Frame> frames;
  std::shared_ptr<Heap> heap;
  Conds conds;
  std::vector<PendingAction> actions;
  bool ended = false;
};

class Machine {
public:
  Machine(PlanContext& ctx, RunResult& out) : ctx_(ctx), out_(out) {}

  // Starts a path calling `fn`; returns false when fn cannot be called.
  void start(Path& path, const Value& fn, std::vector<Value> args);
  // Executes one instruction of `path`; forks are appended to `forks`.
  void step(Path& path, std::vector<std::unique_ptr<Path>>& forks);
  // Merges `b` into `a` when they are at the same point with compatible states.
  bool merge(Path& a, const Path& b);

  // ----- used by the natives -----
  PlanContext& ctx() { return ctx_; }
  Value read(const Path& p, int reg) const;
  void write(Path& p, int reg, Value v);
  UnknownRef unknown(Path& p, std::string expr, types::TypeRef type = nullptr);
  // Calls `fn` with `args` from the current frame's instruction; the results go to R[A]...
  void call(Path& p, const Value& fn, std::vector<Value> args, int retA, int retC,
            const std::string& calleeText, std::vector<std::unique_ptr<Path>>& forks);
  // Raises a run-time error (`why`: what fails, as the run would say it): unwinds to the nearest
  // pcall or ends the path.
  void raise(Path& p, std::string_view why);
  void deliver(Path& p, std::vector<Value> results, int retA, int retC);
  void pushFrame(Path& p, int closure, std::vector<Value> args, FrameKind kind, int retA, int retC,
                 std::string via);
  // Runs a function argument the callee may call (callbacks): its actions are planned too.
  void runCallbacks(Path& p, const std::vector<Value>& args);
  void emitAction(Path& p, const types::FunctionSignature& sig, const std::vector<Value>& args,
                  bool method);
  void emitUnknownCall(Path& p, const std::string& calleeText, const std::vector<Value>& args);
  void emitRaw(Path& p, Action action, std::vector<UnknownRef> unknowns);
  // obj[key]; `method` for `obj:key(...)`, where an untyped unknown is taken for a string.
  Value index(Path& p, const Value& obj, const Value& key, const std::string& objText,
              bool method = false);
  int line(const Path& p) const;
  std::string valueText(const Path& p, const Value& v, std::size_t limit = 60) const;
  bool inRepeatingLoop(const Path& p) const;
  // Where frame `i` is: the instruction it executes, or the call it waits in.
  int sitePc(const Path& p, std::size_t i) const;
  // Pops a frame that returned or failed: drops its scoped test, starts the next callback.
  void leaveFrame(Path& p, const Frame& done);
  void startNextCallback(Path& p);

private:
  // Natives (Natives.cpp): false when `name` is not one of them.
  bool callNative(Path& p, const Value& fn, std::vector<Value>& args, int retA, int retC,
                  std::vector<std::unique_ptr<Path>>& forks);
  void branch(Path& p, const Value& test, bool jumpWhenTruthy,
              std::vector<std::unique_ptr<Path>>& forks);
  void takeJump(Path& p, int target);
  void leaveRepeatingLoop(Path& p, const RepeatingLoop& loop);
  void markRepeating(Path& p, int first, int last, std::size_t condsAtEntry);
  std::string localName(const Frame& f, int reg) const;
  std::string regText(const Path& p, int reg) const;
  std::string functionName(const Path& p, const Value& fn) const;

  PlanContext& ctx_;
  RunResult& out_;
  int curLine_ = 0;     // line of the instruction being executed
  bool inCall_ = false; // the top frame has moved past the CALL being executed
};

// Lua's tostring for known scalars; nullopt for anything else.
std::optional<std::string> scalarText(const Value& v);
// A concatenation of values, known or partly known.
Value concatValues(Machine& m, Path& p, const std::vector<Value>& parts);

} // namespace sloth::plan
