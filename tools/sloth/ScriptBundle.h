// Bundles (.slothb, written by `slothc build`) on the runtime side: recognising one, reading and
// verifying it against this binary's module signatures, and turning its metadata back into the
// workflow definitions `sloth list` prints (docs/bundle-format.md).
#pragma once

#include "sloth/stdlib/runtime/Workflow.h"
#include "sloth/vm/Bundle.h"

#include <nlohmann/json.hpp>

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

// The bundle's metadata as JSON (nlohmann::json or ordered_json), or a discarded value when it is
// not JSON or nests deeper than anything `slothc build` writes: a crafted file nesting 20 000
// arrays overflowed the stack in the JSON library's recursive copies (found by test/fuzz).
template <typename Json> Json parseBundleMetadata(std::string_view metadata) {
  constexpr int kMaxDepth = 256; // task params are user tables, limited to 200 levels elsewhere
  bool tooDeep = false;
  Json root = Json::parse(
      metadata,
      [&tooDeep](int depth, typename Json::parse_event_t, Json&) {
        tooDeep = tooDeep || depth > kMaxDepth;
        return !tooDeep;
      },
      false);
  return tooDeep ? Json(Json::value_t::discarded) : root;
}

// The workflows the bundle's metadata describes. A setting only known at run time shows as "?".
// nullopt with `error` set when the metadata is not the documented JSON.
std::optional<std::vector<stdlib::runtime::WorkflowDefinition>>
workflowsFromMetadata(const std::string& metadata, std::string& error);

} // namespace sloth::cli
