// Bundles (.slothb, written by `slothc build`) on the runtime side: recognising one, reading and
// verifying it against this binary's module signatures, and turning its metadata back into the
// workflow definitions `sloth list` prints (docs/bundle-format.md).
#pragma once

#include "sloth/stdlib/runtime/Workflow.h"
#include "sloth/vm/Bundle.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sloth::cli {

// Reads all of the file at `path` (a pipe or FIFO too) into `out`; false with `error` set to
// the system's reason when it cannot.
bool readWholeFile(const std::string& path, std::string& out, std::string& error);

// True when the file at `path` starts with the bundle magic (false when unreadable: the caller's
// own read then reports why).
bool isBundleFile(const std::string& path);

// Reads and verifies the bundle at `path`. nullopt with `error` set to a message naming the file
// and the problem ("x.slothb: truncated: ...").
std::optional<vm::Bundle> readScriptBundle(const std::string& path, std::string& error);
// The same for a bundle already in memory, named `name` in the messages.
std::optional<vm::Bundle> parseScriptBundle(std::string_view bytes, const std::string& name,
                                            std::string& error);

// The workflows the bundle's metadata describes. A setting only known at run time shows as "?".
// nullopt with `error` set when the metadata is not the documented JSON.
std::optional<std::vector<stdlib::runtime::WorkflowDefinition>>
workflowsFromMetadata(const std::string& metadata, std::string& error);

} // namespace sloth::cli
