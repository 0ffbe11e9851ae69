// The renderings of a `slothc check` report (a stable contract, docs/cli.md):
//   text   the frontend's human form (source line, caret), then "N errors, M warnings in K files"
//   gcc    one `file:line:col: severity: message [code]` line each
//   json   {"version":1,"diagnostics":[{file,line,column,end_line,end_column,severity,code,
//          message}],"summary":{files,errors,warnings}}
//   sarif  SARIF 2.1.0 for GitHub code scanning and other SARIF viewers
//   github GitHub Actions workflow commands (`::error file=...::message`), one per line
#pragma once

#include "sloth/analyzer/report/CheckRunner.h"

#include <optional>
#include <string>
#include <string_view>

namespace sloth::report {

enum class OutputFormat { Text, Gcc, Json, Sarif, Github };

std::optional<OutputFormat> parseOutputFormat(std::string_view name);

// text and gcc are meant for stderr, the machine formats for stdout.
bool isMachineFormat(OutputFormat format);

// `color` applies to text only.
std::string render(const CheckReport& report, OutputFormat format, bool color);

} // namespace sloth::report
