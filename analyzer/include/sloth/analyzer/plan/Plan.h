// What `slothc plan` found: the tasks of the chosen workflow in dependency order, and for each the
// state-changing module calls it can make, with their known arguments and the condition that
// guards them (design §8). Made by makePlan (Planner.h), printed by PlanOutput.h.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace sloth::plan {

// A plain value tree: the `--values`/`--set` inputs, and the arguments of a planned call (where
// parts may be unknown until the run, or hidden because they are secret).
struct Data {
  enum class Kind {
    Null,
    Boolean,
    Integer,
    Number,
    String,
    List,
    Map,
    Unknown,
    Partial,
    Sensitive
  };
  Kind kind = Kind::Null;
  bool boolean = false;
  std::int64_t integer = 0;
  double number = 0;
  std::string text; // String: the value; Unknown: where it comes from; Partial: known parts shown
  std::vector<Data> items;                          // List
  std::vector<std::pair<std::string, Data>> fields; // Map, in insertion order

  static Data string(std::string s) {
    Data d;
    d.kind = Kind::String;
    d.text = std::move(s);
    return d;
  }
  const Data* field(const std::string& name) const;
  Data* field(const std::string& name);
  // Whether every part is known (no Unknown or Partial inside; Sensitive counts as known).
  bool fullyKnown() const;
};

// How a scalar part of a value reads in a plan: `true`, `42`, `(known after run)`, `(sensitive)`;
// nullopt for strings, lists, maps and nil (each output spells those its own way).
std::optional<std::string> scalarDataText(const Data& d);

// What a planned call does to the system: + create, ~ change, - delete, ! run a command,
// > send over the network, ? a call whose target is not known before the run.
enum class Verb { Create, Change, Delete, Run, Send, Unknown };

char verbSymbol(Verb verb);
const char* verbName(Verb verb);

struct Action {
  std::string task;
  Verb verb = Verb::Change;
  std::string function;                           // "pkg.install"; the call text for Verb::Unknown
  std::vector<std::pair<std::string, Data>> args; // by parameter name, as passed
  std::vector<std::string> unknown;               // parameter names not fully known
  std::string text;                               // the @plan template, rendered
  std::string file;
  int line = 0;
  std::optional<std::string> condition; // source terms: `not file.exists("/etc/app.conf")`
  bool repeats = false;                 // inside a loop whose iterations are not known
  std::vector<std::string> via;         // user functions it is reached through, outermost first
};

struct TaskPlan {
  std::string name; // "(script)" for the calls the script's top level makes itself
  std::string description;
  std::vector<std::string> dependsOn;
  std::optional<std::string> timeout;
  std::optional<std::int64_t> retries;
  std::optional<std::string> runIf;      // the condition, in source terms
  std::optional<std::string> abortIf;    // likewise
  std::optional<std::string> delegateTo; // the host; the run fails such a task without running it
  bool skipped = false;                  // run_if is known to be false or abort_if true
  std::string skipReason;
  std::string file;
  int line = 0;
  std::vector<Action> actions;
};

// A value the plan depends on that only the run will know.
struct UnknownValue {
  std::string expression; // `file.exists("/etc/app.conf")`, `params.app`
  std::string file;
  int line = 0;
};

struct Plan {
  std::string file;
  std::string workflow;        // empty: the script defines none
  std::vector<TaskPlan> tasks; // "(script)" first when it has actions, then dependency order
  std::vector<UnknownValue> unknowns;
  std::vector<std::string> notes;  // limits the analysis hit, etc.
  std::vector<std::string> errors; // e.g. an unknown workflow or task name

  std::size_t actionCount() const;
};

} // namespace sloth::plan
