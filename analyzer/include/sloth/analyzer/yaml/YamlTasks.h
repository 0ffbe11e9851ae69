// YAML task files (design §6, docs/yaml-tasks.md): a `tasks:` list whose entries carry Lua
// `script` blocks. A YAML file is translated into the Lua DSL program it stands for — one
// `task(...)` builder per entry and a `workflow.define` of them all — and that program is what the
// checker, the compiler, bundles and `sloth run` see.
//
// Every line of a script block keeps its line and column: the block's lines are copied verbatim
// to the same line of the generated program and the DSL glue goes on the YAML lines between
// (keys, `- name:` lines). So a diagnostic or a run-time error inside a script names the YAML
// file's own line, and the line shown with it is the YAML line. Diagnostics about the glue (an
// unknown dependency, a bad timeout) are moved onto the YAML text by showOnYamlText.
#pragma once

#include "sloth/frontend/Diagnostic.h"
#include "sloth/frontend/DiagnosticEngine.h"
#include "sloth/frontend/SourceManager.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sloth::yaml {

// `.yaml` / `.yml`.
bool isYamlTaskFile(std::string_view path);

// The Lua program a YAML task file stands for, or nullopt with the problems reported into `diags`
// against `file` (the YAML text in `sources`), e.g. `tasks.yaml:4:5: error: unknown key
// 'depend_on' in task 'build'`. `workflowName` names the workflow when the file has no `name:`.
std::optional<std::string> translateYamlTasks(const SourceManager& sources, FileId file,
                                              const std::string& workflowName,
                                              DiagnosticEngine& diags);

// Reads a script for compiling: Lua source as it is, a YAML task file translated (the program is
// added to `sources` under the file's own name). nullopt when the file cannot be read
// (`readError` says why). A YAML file with errors returns the YAML text's id with the errors in
// `diags`: check diags before compiling.
std::optional<FileId> loadScriptFile(SourceManager& sources, DiagnosticEngine& diags,
                                     const std::string& path, std::string& readError);

// The text to show for a line of `file`: for a program translated from a YAML task file, the
// YAML text itself (script lines are the same in both; the glue lines show the YAML keys they
// stand for), else the file's own text.
std::string_view displayText(const SourceManager& sources, FileId file);

// Moves diagnostics about a program loadScriptFile translated from a YAML task file onto the YAML
// text itself (same file name and line), so they show the YAML line, not generated Lua: on a
// script line the column stays; on a glue line it becomes the YAML key's or value's the glue
// stands for (`depends_on: fetchh` -> `fetchh`), else the line's first key. Call before printing
// or reporting; other diagnostics stay as they are.
// A syntax error on the glue right after a script that does not parse (its missing `end` or
// `)`) repeats that error and is dropped; the first one gets a note that scripts are Lua.
void showOnYamlText(const SourceManager& sources, std::vector<Diagnostic>& diagnostics);

} // namespace sloth::yaml
