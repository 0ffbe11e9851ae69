// A script loaded into a fresh VM with the standard library, the sloth modules and the event
// loop: what `sloth run` and `sloth list` share. Running the main chunk defines the script's
// tasks and workflows (and runs a plain script to its end).
#pragma once

#include "sloth/stdlib/runtime/Runtime.h"
#include "sloth/vm/Bundle.h"
#include "sloth/vm/State.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace sloth::cli {

class ScriptSession {
public:
  ScriptSession();
  vm::State& state() { return *state_; }
  vm::Thread& main() { return state_->main(); }
  stdlib::runtime::Runtime& runtime() { return *runtime_; }

  /// Compiles the file, or reads it when it is a bundle (.slothb); on failure prints the
  /// diagnostics (or why the bundle was refused) and returns the exit code (2).
  std::optional<int> compile(const std::string& path);
  /// Runs the compiled main chunk with `args` (the `arg` table and `...`); on an error prints it
  /// with a traceback and returns 1.
  std::optional<int> runMainChunk(const std::string& path, const std::vector<std::string>& args);
  /// After compile or runMainChunk failed: why, in one line (what they printed is longer).
  const std::string& problem() const { return problem_; }

private:
  std::optional<int> compileStream(const std::string& path);
  std::optional<int> useBundle(std::optional<vm::Bundle> bundle, const std::string& error);

  std::unique_ptr<vm::State> state_;
  std::unique_ptr<stdlib::runtime::Runtime> runtime_; // destroyed first: it closes coroutines
  std::shared_ptr<const vm::Proto> main_;
  std::string sourceText_; // the script's text, to show the line a run-time error points at
  std::string problem_;
};

} // namespace sloth::cli
