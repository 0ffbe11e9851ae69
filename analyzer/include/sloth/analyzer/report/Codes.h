// Every diagnostic code `slothc check` can report (docs/checks.md, docs/cli.md), for what names
// them: `[check.severity]` in sloth.toml and the `---@diagnostic` lines. A unit test holds the list
// to the docs and to the codes the sources report.
#pragma once

#include <span>
#include <string>

namespace sloth::report {

std::span<const std::string> knownCodes();
bool isKnownCode(std::string_view code);

} // namespace sloth::report
