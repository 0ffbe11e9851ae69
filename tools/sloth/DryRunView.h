// How `sloth run --dry-run` shows its predictions: one line per module call that would change
// something (`~`), a command that would run (`!`), a shell condition left unknown (`?`), or a
// function refused for lack of check mode (`✗`), followed by its difference (a unified diff,
// attribute changes) indented; and the closing totals.
#pragma once

#include "sloth/stdlib/runtime/DryRun.h"

#include <string>

namespace sloth::cli {

/// The lines of one prediction (ending in '\n'); `color` paints the symbols and the diff.
std::string formatPrediction(const stdlib::runtime::Prediction& prediction, bool color);

/// "dry run: 3 changes would be made, 1 command would run, ...; nothing was changed".
std::string dryRunTotals(const stdlib::runtime::DryRunJournal& journal);

/// The first line of `text` followed by " …" when more lines follow (trailing newlines dropped):
/// a multi-line shell command or message kept to one line of a listing.
std::string firstLineOf(const std::string& text);

/// Per task: "2 would change, 1 would run" (empty when it predicted nothing).
std::string taskPredictionSummary(const stdlib::runtime::DryRunJournal& journal,
                                  const std::string& task);

} // namespace sloth::cli
