// The translation of a YAML task file into the Lua DSL program it stands for (the layout is
// described in YamlTasks.h), with a map from the generated glue back to the YAML nodes it came
// from, so diagnostics about glue can point at the YAML key or value.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace sloth::yaml {

// A piece of glue code standing for a YAML node. Lines and columns are 0-based.
struct GlueSegment {
  uint32_t line = 0, column = 0, length = 0; // in the program
  uint32_t yamlLine = 0, yamlColumn = 0;     // the node's start in the YAML text
  uint32_t yamlLength = 1;                   // how far the node reaches on its line
};

struct Translation {
  std::string program;
  // Program lines that are copies of the YAML line of the same number (script lines).
  std::vector<bool> copiedLines;
  std::vector<GlueSegment> segments;
};

// Throws yaml::Invalid (YamlShape.h) or YAML::Exception.
Translation translate(std::string_view yamlText, const std::string& workflowName);

} // namespace sloth::yaml
