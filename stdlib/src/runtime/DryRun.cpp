#include "sloth/stdlib/runtime/DryRun.h"

#include "sloth/stdlib/modules/CheckMode.h"
#include "sloth/stdlib/runtime/Runtime.h"

#include <algorithm>

namespace sloth::stdlib::runtime {

namespace {

constexpr const char* kJournalKey = "sloth.dry_run.journal";

DryRunJournal* journalOf(vm::Thread& L) {
  L.getField(vm::kRegistryIndex, kJournalKey);
  auto* journal = static_cast<DryRunJournal*>(L.toUserdata(-1));
  L.pop();
  return journal;
}

} // namespace

std::string_view predictionKindName(Prediction::Kind kind) {
  switch (kind) {
  case Prediction::Kind::WouldChange:
    return "would change";
  case Prediction::Kind::WouldRun:
    return "would run";
  case Prediction::Kind::Unknown:
    return "unknown";
  case Prediction::Kind::CannotDryRun:
    return "cannot dry-run";
  }
  return "would change";
}

void DryRunJournal::record(Prediction prediction) {
  predictions_.push_back(std::move(prediction));
  if (onPrediction)
    onPrediction(predictions_.back());
}

int DryRunJournal::count(const std::string& task, Prediction::Kind kind) const {
  return static_cast<int>(
      std::count_if(predictions_.begin(), predictions_.end(),
                    [&](const Prediction& p) { return p.task == task && p.kind == kind; }));
}

void attachDryRun(vm::State& state, DryRunJournal* journal) {
  vm::Thread& L = state.main();
  if (journal)
    L.pushLightUserdata(journal);
  else
    L.pushNil();
  L.setField(vm::kRegistryIndex, kJournalKey);
  modules::setCheckMode(state, journal != nullptr);
}

bool isDryRun(vm::Thread& L) {
  return journalOf(L) != nullptr;
}

void predict(vm::Thread& L, Prediction::Kind kind, std::string function, std::string target,
             std::string detail) {
  DryRunJournal* journal = journalOf(L);
  if (!journal)
    return;
  Runtime& runtime = Runtime::of(L);
  journal->record(Prediction{kind, runtime.groupName(runtime.currentGroup()), std::move(function),
                             std::move(target), std::move(detail)});
}

} // namespace sloth::stdlib::runtime
