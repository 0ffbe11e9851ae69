#include "ClassDraft.h"

#include <algorithm>

namespace sloth::types {

ClassDraft ClassDraft::fromAnnotation(const Annotation& cls, std::string doc, int line) {
  ClassDraft draft;
  draft.name = cls.name;
  draft.exact = cls.exact;
  draft.parents = cls.parents;
  draft.doc = std::move(doc);
  draft.line = line;
  return draft;
}

void ClassDraft::addField(const Annotation& field, bool secret) {
  if (field.fieldKey) {
    indexFields.push_back({field.fieldKey, field.type});
    return;
  }
  fields.push_back({field.name, field.type, field.optional || field.type->containsNil(), secret,
                    field.description});
}

TypeRef ClassDraft::makeRecord(TypeContext& types, const std::vector<Field>& extra) const {
  RecordSpec spec;
  spec.name = name;
  spec.exact = exact;
  for (const std::string& p : parents)
    spec.parents.push_back(types.named(p));
  spec.fields = fields;
  for (const Field& f : extra)
    if (std::none_of(fields.begin(), fields.end(),
                     [&](const Field& own) { return own.name == f.name; }))
      spec.fields.push_back(f);
  spec.indexFields = indexFields;
  spec.doc = doc;
  return types.record(std::move(spec));
}

} // namespace sloth::types
