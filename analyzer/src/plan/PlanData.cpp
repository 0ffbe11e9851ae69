#include "sloth/analyzer/plan/Plan.h"

#include <fmt/core.h>

namespace sloth::plan {

const Data* Data::field(const std::string& name) const {
  for (const auto& [k, v] : fields)
    if (k == name)
      return &v;
  return nullptr;
}

Data* Data::field(const std::string& name) {
  for (auto& [k, v] : fields)
    if (k == name)
      return &v;
  return nullptr;
}

bool Data::fullyKnown() const {
  if (kind == Kind::Unknown || kind == Kind::Partial)
    return false;
  for (const Data& d : items)
    if (!d.fullyKnown())
      return false;
  for (const auto& [k, v] : fields)
    if (!v.fullyKnown())
      return false;
  return true;
}

std::optional<std::string> scalarDataText(const Data& d) {
  switch (d.kind) {
  case Data::Kind::Boolean:
    return d.boolean ? "true" : "false";
  case Data::Kind::Integer:
    return std::to_string(d.integer);
  case Data::Kind::Number:
    return fmt::format("{}", d.number);
  case Data::Kind::Unknown:
    return "(known after run)";
  case Data::Kind::Sensitive:
    return "(sensitive)";
  default:
    return std::nullopt;
  }
}

char verbSymbol(Verb verb) {
  switch (verb) {
  case Verb::Create:
    return '+';
  case Verb::Change:
    return '~';
  case Verb::Delete:
    return '-';
  case Verb::Run:
    return '!';
  case Verb::Send:
    return '>';
  case Verb::Unknown:
    return '?';
  }
  return '?';
}

const char* verbName(Verb verb) {
  switch (verb) {
  case Verb::Create:
    return "create";
  case Verb::Change:
    return "change";
  case Verb::Delete:
    return "delete";
  case Verb::Run:
    return "run";
  case Verb::Send:
    return "send";
  case Verb::Unknown:
    return "unknown";
  }
  return "unknown";
}

std::size_t Plan::actionCount() const {
  std::size_t n = 0;
  for (const TaskPlan& t : tasks)
    n += t.actions.size();
  return n;
}

} // namespace sloth::plan
