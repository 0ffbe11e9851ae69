#include "sloth/analyzer/check/Checker.h"

#include "Walker.h"

#include <algorithm>

namespace sloth::check {

void checkChunk(const ast::Chunk& chunk, FileId file, const SourceManager& sources,
                const types::SignatureRegistry& signatures, const CheckSettings& settings,
                DiagnosticEngine& diags) {
  // Some checks can only report at the end of a function (unused locals) or of the file (unused
  // labels): collect, then hand the findings over in source order.
  DiagnosticEngine found;
  Walker walker(chunk, file, sources, signatures, settings, found);
  walker.run();
  std::vector<const Diagnostic*> ordered;
  ordered.reserve(found.diagnostics().size());
  for (const Diagnostic& d : found.diagnostics())
    ordered.push_back(&d);
  std::stable_sort(ordered.begin(), ordered.end(), [](const Diagnostic* a, const Diagnostic* b) {
    return a->range.begin < b->range.begin;
  });
  for (const Diagnostic* d : ordered) {
    Diagnostic& copy = diags.report(d->severity, d->code, d->file, d->range, d->message);
    copy.notes = d->notes;
    copy.fixIt = d->fixIt;
  }
}

} // namespace sloth::check
