#include "sloth/analyzer/types/UserTypes.h"

#include "ClassDraft.h"
#include "sloth/analyzer/types/Suggest.h"
#include "sloth/analyzer/types/TypeContext.h"

#include <deque>

namespace sloth::types {

UserTypes declareUserTypes(std::span<const AnnotationBlock> blocks, TypeContext& types) {
  UserTypes result;
  std::deque<ClassDraft> classes;
  std::vector<std::string> names;

  for (const AnnotationBlock& block : blocks) {
    ClassDraft* open = nullptr;
    bool secretAbove = false;
    for (const LocatedAnnotation& located : block.annotations) {
      const Annotation& a = located.annotation;
      switch (a.tag) {
      case AnnotationTag::Class:
        classes.push_back(ClassDraft::fromAnnotation(a, located.docBefore, located.line));
        open = &classes.back();
        break;
      case AnnotationTag::Field:
        if (open)
          open->addField(a, secretAbove);
        else
          result.problems.push_back({located.line, located.column, "@field outside a @class"});
        break;
      case AnnotationTag::Alias:
        open = nullptr;
        if (!a.type)
          break;
        if (types.declare(a.name, a.type)) {
          result.declared.push_back({a.name, false, located.line, a.type});
          names.push_back(a.name);
        } else {
          result.problems.push_back(
              {located.line, located.column, "type " + a.name + " is declared twice"});
        }
        break;
      default:
        break;
      }
      secretAbove = a.tag == AnnotationTag::Secret;
    }
  }

  for (const ClassDraft& draft : classes) {
    TypeRef record = draft.makeRecord(types);
    if (types.declare(draft.name, record)) {
      result.declared.push_back({draft.name, true, draft.line, record});
      names.push_back(draft.name);
    } else {
      result.problems.push_back({draft.line, 0, "type " + draft.name + " is declared twice"});
    }
  }

  for (const AnnotationBlock& block : blocks)
    for (const LocatedAnnotation& located : block.annotations) {
      for (const TypeNameUse& use : located.annotation.typeNames) {
        if (types.lookup(use.name))
          continue;
        std::string message = "unknown type '" + use.name + "'";
        if (auto fix = closestName(use.name, names))
          message += "; did you mean '" + *fix + "'?";
        result.problems.push_back({located.line, use.column, std::move(message)});
      }
      for (const std::string& parent : located.annotation.parents)
        if (!types.lookup(parent))
          result.problems.push_back(
              {located.line, located.column, "unknown parent class '" + parent + "'"});
    }
  return result;
}

} // namespace sloth::types
