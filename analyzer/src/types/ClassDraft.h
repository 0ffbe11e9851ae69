// A class being read from annotations: `---@class` plus the `---@field` lines under it. Classes
// become record types only once every block is read, so a field may name a class declared later.
#pragma once

#include "sloth/analyzer/types/Annotation.h"
#include "sloth/analyzer/types/TypeContext.h"

#include <string>
#include <vector>

namespace sloth::types {

struct ClassDraft {
  std::string name;
  bool exact = false;
  std::vector<std::string> parents;
  std::vector<Field> fields;
  std::vector<IndexField> indexFields;
  std::string doc;
  int line = 0;

  static ClassDraft fromAnnotation(const Annotation& cls, std::string doc, int line);
  // Adds a `---@field` (a `[K] V` entry when it has a key type); a field typed with nil is
  // optional.
  void addField(const Annotation& field, bool secret);
  // The class's record; `extra` fields (methods) are added unless a @field has the same name.
  TypeRef makeRecord(TypeContext& types, const std::vector<Field>& extra = {}) const;
};

} // namespace sloth::types
