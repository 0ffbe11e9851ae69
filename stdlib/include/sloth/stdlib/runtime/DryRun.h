#pragma once
// `sloth run --dry-run` (check mode, design §7): module functions that would change something
// record what they would do here instead of doing it, so the CLI can show each prediction as it
// happens and count them per task. The journal belongs to the run; the State's registry points
// to it while the dry run lasts (and check mode, modules/CheckMode.h, is on meanwhile).

#include "sloth/vm/State.h"

#include <functional>
#include <string>
#include <vector>

namespace sloth::stdlib::runtime {

struct Prediction {
  enum class Kind {
    WouldChange,  // a write would change the host (detail: the difference)
    WouldRun,     // a command that cannot be predicted: it would run, and did not
    Unknown,      // a shell-string run_if/abort_if: not run, so its outcome is unknown
    CannotDryRun, // a state-changing function without check mode: refused, nothing done
  };
  Kind kind = Kind::WouldChange;
  std::string task;     // the task the call ran in; empty in the script's main chunk
  std::string function; // qualified name: "file.write", "exec.command", "run_if"
  std::string target;   // what it acts on: a path, a key, the command line
  std::string detail;   // a unified diff, attribute differences, or an explanation; may be empty
};

std::string_view predictionKindName(Prediction::Kind kind); // "would change", "would run", ...

class DryRunJournal {
public:
  /// Called with each prediction as it is recorded (the progress view prints it).
  std::function<void(const Prediction&)> onPrediction;

  void record(Prediction prediction);
  const std::vector<Prediction>& predictions() const { return predictions_; }
  /// How many predictions of `kind` were made inside `task`.
  int count(const std::string& task, Prediction::Kind kind) const;

private:
  std::vector<Prediction> predictions_;
};

/// Starts a dry run on `state`: check mode on, predictions go to `journal` (which must outlive
/// the run). Pass nullptr to end it.
void attachDryRun(vm::State& state, DryRunJournal* journal);

/// Whether L's State is in a dry run.
bool isDryRun(vm::Thread& L);

/// Records a prediction made by `function` in the running task (the current runtime group).
/// Does nothing outside a dry run.
void predict(vm::Thread& L, Prediction::Kind kind, std::string function, std::string target,
             std::string detail = {});

} // namespace sloth::stdlib::runtime
