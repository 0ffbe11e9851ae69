#include "sloth/analyzer/plan/PlanOutput.h"

#include "plan/AbstractValue.h"

#include <fmt/core.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

namespace sloth::plan {

namespace {

struct Counts {
  std::size_t create = 0, change = 0, remove = 0, run = 0, send = 0, unknown = 0, conditional = 0;
};

Counts count(const Plan& plan) {
  Counts c;
  for (const TaskPlan& t : plan.tasks)
    for (const Action& a : t.actions) {
      switch (a.verb) {
      case Verb::Create:
        ++c.create;
        break;
      case Verb::Change:
        ++c.change;
        break;
      case Verb::Delete:
        ++c.remove;
        break;
      case Verb::Run:
        ++c.run;
        break;
      case Verb::Send:
        ++c.send;
        break;
      case Verb::Unknown:
        ++c.unknown;
        break;
      }
      if (a.condition)
        ++c.conditional;
    }
  return c;
}

std::string valueText(const Data& d) {
  if (auto scalar = scalarDataText(d))
    return *scalar;
  switch (d.kind) {
  case Data::Kind::Null:
    return "nil";
  case Data::Kind::String:
  case Data::Kind::Partial:
    return quoteLua(d.text);
  case Data::Kind::List: {
    std::string out;
    for (const Data& i : d.items)
      out += (out.empty() ? "" : ", ") + valueText(i);
    return "{ " + out + " }";
  }
  case Data::Kind::Map: {
    std::string out;
    for (const auto& [k, v] : d.fields)
      out += (out.empty() ? "" : ", ") + k + " = " + valueText(v);
    return "{ " + out + " }";
  }
  default:
    break;
  }
  return "";
}

struct Style {
  bool color;
  std::string operator()(const char* code, const std::string& text) const {
    return color ? fmt::format("\x1b[{}m{}\x1b[0m", code, text) : text;
  }
};

const char* verbColor(Verb v) {
  switch (v) {
  case Verb::Create:
    return "32";
  case Verb::Change:
    return "33";
  case Verb::Delete:
    return "31";
  case Verb::Run:
    return "36";
  case Verb::Send:
    return "35";
  case Verb::Unknown:
    return "1;31";
  }
  return "0";
}

std::string plural(std::size_t n, const char* one, const char* many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

// JSON of the known parts of `d`; the paths of unknown parts go to `unknown`.
nlohmann::ordered_json knownJson(const Data& d, const std::string& path,
                                 std::vector<std::string>& unknown) {
  switch (d.kind) {
  case Data::Kind::Null:
    return nullptr;
  case Data::Kind::Boolean:
    return d.boolean;
  case Data::Kind::Integer:
    return d.integer;
  case Data::Kind::Number:
    return d.number;
  case Data::Kind::String:
    return d.text;
  case Data::Kind::Sensitive:
    return "(sensitive)";
  case Data::Kind::Unknown:
  case Data::Kind::Partial:
    unknown.push_back(path);
    return nullptr;
  case Data::Kind::List: {
    auto arr = nlohmann::ordered_json::array();
    for (std::size_t i = 0; i < d.items.size(); ++i)
      arr.push_back(knownJson(d.items[i], fmt::format("{}[{}]", path, i + 1), unknown));
    return arr;
  }
  case Data::Kind::Map: {
    auto obj = nlohmann::ordered_json::object();
    for (const auto& [k, v] : d.fields) {
      auto j = knownJson(v, path + "." + k, unknown);
      if (v.kind != Data::Kind::Unknown && v.kind != Data::Kind::Partial)
        obj[k] = std::move(j);
    }
    return obj;
  }
  }
  return nullptr;
}

nlohmann::ordered_json optionalString(const std::optional<std::string>& s) {
  return s ? nlohmann::ordered_json(*s) : nlohmann::ordered_json(nullptr);
}

} // namespace

std::string planSummary(const Plan& plan) {
  Counts c = count(plan);
  std::string s = fmt::format("Plan: {} to create, {} to change, {} to delete, {}", c.create,
                              c.change, c.remove, plural(c.run, "command", "commands"));
  if (c.send)
    s += ", " + plural(c.send, "network send", "network sends");
  if (c.unknown)
    s += ", " + plural(c.unknown, "unknown call", "unknown calls");
  s += fmt::format(", {} conditional.", c.conditional);
  return s;
}

std::string renderPlanText(const Plan& plan, bool color) {
  Style st{color};
  std::string out;
  out += st("1", plan.workflow.empty()
                     ? fmt::format("Plan for {}", plan.file)
                     : fmt::format("Plan for {}, workflow \"{}\"", plan.file, plan.workflow)) +
         "\n\n";
  if (plan.actionCount() > 0)
    out += "Symbols: " + st(verbColor(Verb::Create), "+") + " create  " +
           st(verbColor(Verb::Change), "~") + " change  " + st(verbColor(Verb::Delete), "-") +
           " delete  " + st(verbColor(Verb::Run), "!") + " run a command  " +
           st(verbColor(Verb::Send), ">") + " send over the network  " +
           st(verbColor(Verb::Unknown), "?") + " call only the run can resolve\n\n";
  for (const TaskPlan& t : plan.tasks) {
    std::string head = t.name.front() == '(' ? t.name : fmt::format("task \"{}\"", t.name);
    if (!t.description.empty())
      head += ": " + t.description;
    out += st("1", head) + "\n";
    std::vector<std::string> facts;
    if (!t.dependsOn.empty())
      facts.push_back("after " + fmt::format("{}", fmt::join(t.dependsOn, ", ")));
    if (t.timeout)
      facts.push_back("timeout " + *t.timeout);
    if (t.retries)
      facts.push_back(fmt::format("retries {}", *t.retries));
    if (t.delegateTo)
      facts.push_back("delegate_to " + *t.delegateTo);
    if (!facts.empty())
      out += "  " + fmt::format("{}", fmt::join(facts, " · ")) + "\n";
    if (t.runIf)
      out += "  runs if " + *t.runIf + "\n";
    if (t.abortIf)
      out += "  aborts if " + *t.abortIf + "\n";
    if (t.skipped)
      out += "  skipped: " + t.skipReason + "\n";
    else if (t.actions.empty())
      out += "  (no state-changing calls)\n";
    for (const Action& a : t.actions) {
      // A multi-line text (a shell script) is named by its first line; the argument lines below
      // show it whole.
      std::string text = a.text.substr(0, a.text.find_last_not_of('\n') + 1);
      if (std::size_t nl = text.find('\n'); nl != std::string::npos)
        text = text.substr(0, nl) + " …";
      out += "  " + st(verbColor(a.verb), std::string(1, verbSymbol(a.verb))) + " " + text +
             (a.repeats ? "  (repeats)" : "") + "\n";
      std::string where = fmt::format("{} at {}:{}", a.function, a.file, a.line);
      for (const std::string& v : a.via)
        where += ", via " + v;
      out += "      " + st("2", where) + "\n";
      if (a.condition)
        out += "      if " + *a.condition + "\n";
      if (a.verb == Verb::Unknown)
        continue;
      for (const auto& [name, d] : a.args) {
        if (d.kind == Data::Kind::Map) {
          for (const auto& [k, v] : d.fields)
            out += fmt::format("      {}.{} = {}\n", name, k, valueText(v));
          continue;
        }
        out += fmt::format("      {} = {}\n", name, valueText(d));
      }
    }
    out += "\n";
  }
  if (!plan.unknowns.empty()) {
    out += "Known only at run time:\n";
    for (const UnknownValue& u : plan.unknowns)
      out += fmt::format("  {}  ({}:{})\n", u.expression, u.file, u.line);
    out += "\n";
  }
  for (const std::string& n : plan.notes)
    out += "Note: " + n + "\n";
  if (!plan.notes.empty())
    out += "\n";
  if (plan.actionCount() == 0)
    out += "No changes: nothing this script runs changes the system.\n";
  out += st("1", planSummary(plan)) + "\n";
  return out;
}

std::string renderPlanJson(const Plan& plan) {
  using json = nlohmann::ordered_json;
  json doc;
  doc["format_version"] = fmt::format("{}.{}", kPlanFormatVersion, kPlanFormatMinor);
  doc["file"] = plan.file;
  doc["workflow"] = plan.workflow.empty() ? json(nullptr) : json(plan.workflow);
  json tasks = json::array();
  json actions = json::array();
  for (const TaskPlan& t : plan.tasks) {
    json jt;
    jt["name"] = t.name;
    jt["description"] = t.description;
    jt["depends_on"] = t.dependsOn;
    jt["timeout"] = optionalString(t.timeout);
    jt["retries"] = t.retries ? json(*t.retries) : json(nullptr);
    jt["run_if"] = optionalString(t.runIf);
    jt["abort_if"] = optionalString(t.abortIf);
    jt["delegate_to"] = optionalString(t.delegateTo);
    jt["skipped"] = t.skipped;
    jt["skip_reason"] = t.skipped ? json(t.skipReason) : json(nullptr);
    jt["line"] = t.line;
    jt["actions"] = t.actions.size();
    tasks.push_back(std::move(jt));
    for (const Action& a : t.actions) {
      json ja;
      ja["task"] = a.task;
      ja["verb"] = verbName(a.verb);
      ja["symbol"] = std::string(1, verbSymbol(a.verb));
      ja["function"] = a.function;
      json args = json::object();
      json partial = json::object();
      std::vector<std::string> unknown;
      for (const auto& [name, d] : a.args) {
        if (d.kind == Data::Kind::Unknown || d.kind == Data::Kind::Partial) {
          unknown.push_back(name);
          if (d.kind == Data::Kind::Partial)
            partial[name] = d.text;
          continue;
        }
        args[name] = knownJson(d, name, unknown);
      }
      ja["args"] = std::move(args);
      ja["unknown"] = unknown;
      ja["partial"] = std::move(partial);
      ja["text"] = a.text;
      ja["file"] = a.file;
      ja["line"] = a.line;
      ja["condition"] = optionalString(a.condition);
      ja["repeats"] = a.repeats;
      ja["via"] = a.via;
      actions.push_back(std::move(ja));
    }
  }
  doc["tasks"] = std::move(tasks);
  doc["actions"] = std::move(actions);
  json unknowns = json::array();
  for (const UnknownValue& u : plan.unknowns)
    unknowns.push_back({{"expression", u.expression}, {"file", u.file}, {"line", u.line}});
  doc["unknown_values"] = std::move(unknowns);
  Counts c = count(plan);
  doc["summary"] = {{"create", c.create},
                    {"change", c.change},
                    {"delete", c.remove},
                    {"run", c.run},
                    {"send", c.send},
                    {"unknown", c.unknown},
                    {"conditional", c.conditional},
                    {"actions", plan.actionCount()}};
  doc["notes"] = plan.notes;
  doc["errors"] = plan.errors;
  return doc.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

} // namespace sloth::plan
