// The functions the planner knows how to evaluate: the base library pieces scripts compute with
// (pairs, ipairs, select, tostring, string.format, table.insert, pcall, ...), the task DSL
// (`task(...)` builders, `workflow.define`), and every declared module function: write, exec and
// net calls become actions, the others give values only the run knows.
#include "plan/Machine.h"

#include <fmt/core.h>

#include <algorithm>
#include <cstdio>

namespace sloth::plan {

namespace {

bool isAction(const types::FunctionSignature* sig) {
  return sig && sig->effect && types::effectNeedsPlan(*sig->effect);
}

std::optional<std::string> formatKnown(const std::string& spec, const Value& v) {
  char buf[512];
  char conv = spec.back();
  if (conv == 'd' || conv == 'i' || conv == 'x' || conv == 'X' || conv == 'o' || conv == 'c') {
    if (!v.isNumber())
      return std::nullopt;
    std::string s = spec.substr(0, spec.size() - 1) + "ll" + conv;
    std::snprintf(buf, sizeof buf, s.c_str(), static_cast<long long>(v.asNumber()));
    return std::string(buf);
  }
  if (conv == 'f' || conv == 'g' || conv == 'e' || conv == 'G' || conv == 'E' || conv == 'a') {
    if (!v.isNumber())
      return std::nullopt;
    std::snprintf(buf, sizeof buf, spec.c_str(), v.asNumber());
    return std::string(buf);
  }
  if (conv == 's') {
    std::optional<std::string> text = scalarText(v);
    if (!text && v.kind == VKind::Boolean)
      text = v.boolean ? "true" : "false";
    if (!text && v.kind == VKind::Nil)
      text = "nil";
    if (!text)
      return std::nullopt;
    if (spec == "%s")
      return text;
    std::snprintf(buf, sizeof buf, spec.c_str(), text->c_str());
    return std::string(buf);
  }
  if (conv == 'q' && v.kind == VKind::String)
    return quoteLua(v.str);
  return std::nullopt;
}

} // namespace

bool Machine::callNative(Path& p, const Value& fn, std::vector<Value>& args, int retA, int retC,
                         std::vector<std::unique_ptr<Path>>& forks) {
  const std::string& name = fn.str;
  const types::FunctionSignature* sig = fn.sig;
  auto arg = [&](std::size_t i) { return i < args.size() ? args[i] : Value::nil(); };
  auto ret = [&](std::vector<Value> r) { deliver(p, std::move(r), retA, retC); };
  auto callText = [&]() {
    std::string text;
    bool method = sig && sig->method;
    for (std::size_t i = method ? 1 : 0; i < args.size(); ++i)
      text += (text.empty() ? "" : ", ") + valueText(p, args[i], 40);
    if (method && !args.empty())
      return fmt::format("{}:{}({})", valueText(p, args[0], 30), sig->name, text);
    return fmt::format("{}({})", name, text);
  };
  auto unknownOfType = [&](types::TypeRef type) { return Value::of(unknown(p, callText(), type)); };

  // ----- the task DSL -----
  if (name == "task") {
    Table t;
    t.cls = "TaskBuilder";
    t.set(Value::string_("name"), arg(0));
    t.lines["name"] = line(p);
    ret({Value::table(p.heap->newTable(std::move(t)))});
    return true;
  }
  if (name.rfind("TaskBuilder:", 0) == 0 || name.rfind("workflow.Builder:", 0) == 0) {
    Value self = arg(0);
    std::string method = name.substr(name.find(':') + 1);
    if (self.kind == VKind::Table) {
      Table& t = p.heap->mutableTable(self.ref);
      if (method == "build") {
        t.cls = "Task";
      } else {
        t.set(Value::string_(method), arg(1));
        t.lines[method] = line(p);
        if (method == "retries" && !arg(2).isNil())
          t.set(Value::string_("backoff"), arg(2));
      }
    }
    ret({self});
    return true;
  }
  if (name == "workflow.define") {
    Table t;
    t.cls = "Workflow";
    if (arg(1).kind == VKind::Table)
      t = p.heap->table(arg(1).ref), t.cls = "Workflow";
    t.set(Value::string_("name"), arg(0));
    t.lines["name"] = line(p);
    int id = p.heap->newTable(std::move(t));
    p.heap->workflows.push_back(id);
    ret({Value::table(id)});
    return true;
  }

  // ----- iteration -----
  if (name == "ipairs") {
    ret({Value::native("ipairs_iter"), arg(0), Value::integer_(0)});
    return true;
  }
  if (name == "pairs") {
    ret({Value::native("next"), arg(0), Value::nil()});
    return true;
  }
  if (name == "next" && arg(0).kind == VKind::Table && p.heap->table(arg(0).ref).complete) {
    const Table& t = p.heap->table(arg(0).ref);
    std::size_t at = 0;
    if (!arg(1).isNil()) {
      at = t.entries.size();
      for (std::size_t e = 0; e < t.entries.size(); ++e)
        if (t.entries[e].first == arg(1))
          at = e + 1;
    }
    if (at < t.entries.size())
      ret({t.entries[at].first, t.entries[at].second});
    else
      ret({Value::nil()});
    return true;
  }
  if (name == "select") {
    Value n = arg(0);
    if (n.kind == VKind::String && n.str == "#") {
      ret({Value::integer_(static_cast<std::int64_t>(args.size()) - 1)});
      return true;
    }
    if (n.kind == VKind::Integer && n.integer >= 1) {
      std::vector<Value> rest;
      for (std::size_t i = static_cast<std::size_t>(n.integer); i < args.size(); ++i)
        rest.push_back(args[i]);
      ret(std::move(rest));
      return true;
    }
  }

  // ----- values -----
  if (name == "type") {
    static const char* names[] = {"nil",   "boolean",  "number",   "number", "string",
                                  "table", "function", "function", ""};
    Value v = arg(0);
    if (v.kind != VKind::Unknown) {
      ret({Value::string_(v.module ? "table" : names[static_cast<int>(v.kind)])});
      return true;
    }
  }
  if (name == "tostring") {
    Value v = arg(0);
    if (auto text = scalarText(v)) {
      ret({Value::string_(*text)});
      return true;
    }
    if (v.kind == VKind::Nil || v.kind == VKind::Boolean) {
      ret({Value::string_(v.isNil() ? "nil" : v.boolean ? "true" : "false")});
      return true;
    }
    if (v.kind == VKind::Unknown) {
      ret({v.unknown->parts.empty() ? Value::of(unknown(p, "tostring(" + v.unknown->expr + ")",
                                                        ctx_.signatures.types().string()))
                                    : v});
      return true;
    }
  }
  if (name == "tonumber" && args.size() == 1) {
    Value v = arg(0);
    if (v.isNumber()) {
      ret({v});
      return true;
    }
    if (v.kind == VKind::String) {
      try {
        std::size_t used = 0;
        long long i = std::stoll(v.str, &used, 10);
        if (used == v.str.size()) {
          ret({Value::integer_(i)});
          return true;
        }
        double d = std::stod(v.str, &used);
        ret({used == v.str.size() ? Value::number_(d) : Value::nil()});
      } catch (const std::exception&) {
        ret({Value::nil()});
      }
      return true;
    }
  }
  if (name == "assert") {
    if (truthiness(arg(0)) == std::optional<bool>(false)) {
      raise(p, args.size() > 1 && arg(1).kind == VKind::String ? arg(1).str : "assertion failed!");
      return true;
    }
    ret(args);
    return true;
  }
  if (name == "error") {
    raise(p, args.empty()                   ? "error(nil)"
             : arg(0).kind == VKind::String ? arg(0).str
                                            : "error(" + valueText(p, arg(0)) + ")");
    return true;
  }
  if (name == "os.exit") {
    out_.ends.push_back({{}, p.conds, p.heap, false, {}});
    p.ended = true;
    return true;
  }
  if (name == "pcall" || name == "xpcall") {
    Value f = arg(0);
    std::vector<Value> rest(
        args.begin() + std::min<std::size_t>(args.size(), name == "pcall" ? 1 : 2), args.end());
    if (f.kind == VKind::Closure) {
      if (name == "xpcall")
        runCallbacks(p, {arg(1)});
      std::string status = callText();
      pushFrame(p, f.ref, std::move(rest), FrameKind::Pcall, retA, retC,
                fmt::format("{} ({}:{})", name, ctx_.file, line(p)));
      p.frames.back().statusExpr = status;
      return true;
    }
    std::vector<Value> results{
        Value::of(unknown(p, callText(), ctx_.signatures.types().boolean()))};
    if (f.kind == VKind::Native && isAction(f.sig))
      emitAction(p, *f.sig, rest, f.sig->method);
    else if (f.kind == VKind::Unknown)
      emitUnknownCall(p, valueText(p, f), rest);
    results.push_back(Value::of(unknown(p, callText())));
    ret(std::move(results));
    return true;
  }
  if (name == "rawget" && arg(0).kind == VKind::Table) {
    ret({index(p, arg(0), arg(1), valueText(p, arg(0), 30))});
    return true;
  }
  if (name == "rawset" && arg(0).kind == VKind::Table) {
    Table& t = p.heap->mutableTable(arg(0).ref);
    if (arg(1).kind == VKind::Unknown)
      t.complete = false;
    else
      t.set(arg(1), arg(2));
    ret({arg(0)});
    return true;
  }
  if (name == "setmetatable" && arg(0).kind == VKind::Table) {
    // An `__index` table (a class) is followed; other metamethods are not, so a table with
    // them may hold anything.
    Table& t = p.heap->mutableTable(arg(0).ref);
    t.meta = -1;
    if (arg(1).kind == VKind::Table) {
      t.meta = arg(1).ref;
      const Value* idx = p.heap->table(arg(1).ref).find(Value::string_("__index"));
      if (idx && idx->kind != VKind::Table)
        p.heap->mutableTable(arg(0).ref).complete = false;
    } else if (!arg(1).isNil()) {
      t.complete = false;
    }
    ret({arg(0)});
    return true;
  }
  if (name == "getmetatable" && arg(0).kind == VKind::Table && arg(0).ref >= 0 &&
      p.heap->table(arg(0).ref).complete) {
    int meta = p.heap->table(arg(0).ref).meta;
    ret({meta >= 0 ? Value::table(meta) : Value::nil()});
    return true;
  }
  if ((name == "unpack" || name == "table.unpack") && arg(0).kind == VKind::Table &&
      p.heap->table(arg(0).ref).complete && args.size() == 1) {
    const Table& t = p.heap->table(arg(0).ref);
    std::vector<Value> out;
    for (std::int64_t k = 1; k <= t.border(); ++k)
      out.push_back(*t.find(Value::integer_(k)));
    ret(std::move(out));
    return true;
  }
  if (name == "table.insert" && arg(0).kind == VKind::Table) {
    Table& t = p.heap->mutableTable(arg(0).ref);
    if (!t.complete || inRepeatingLoop(p)) {
      t.complete = false;
    } else if (args.size() == 2) {
      t.set(Value::integer_(t.border() + 1), arg(1));
    } else if (arg(1).kind == VKind::Integer) {
      std::int64_t n = t.border();
      for (std::int64_t k = n; k >= arg(1).integer; --k)
        t.set(Value::integer_(k + 1), *t.find(Value::integer_(k)));
      t.set(Value::integer_(arg(1).integer), arg(2));
    } else {
      t.complete = false;
    }
    ret({});
    return true;
  }
  if ((name == "table.remove" || name == "table.sort" || name == "table.move") &&
      arg(0).kind == VKind::Table) {
    p.heap->mutableTable(arg(0).ref).complete = false;
    runCallbacks(p, args);
    ret({Value::of(unknown(p, callText()))});
    return true;
  }
  if (name == "table.concat" && arg(0).kind == VKind::Table && p.heap->table(arg(0).ref).complete) {
    const Table& t = p.heap->table(arg(0).ref);
    std::vector<Value> parts;
    Value sep = args.size() > 1 ? arg(1) : Value::string_("");
    for (std::int64_t k = 1; k <= t.border(); ++k) {
      if (k > 1)
        parts.push_back(sep);
      parts.push_back(*t.find(Value::integer_(k)));
    }
    Value joined = parts.empty() ? Value::string_("") : concatValues(*this, p, parts);
    if (joined.isNil())
      raise(p, "invalid value (at a nil or boolean) in table.concat");
    else
      ret({joined});
    return true;
  }
  if (name == "string.format" && arg(0).kind == VKind::String) {
    const std::string& f = arg(0).str;
    std::vector<Value> parts;
    std::string lit;
    std::size_t next = 1;
    bool ok = true;
    for (std::size_t i = 0; i < f.size() && ok; ++i) {
      if (f[i] != '%') {
        lit += f[i];
        continue;
      }
      if (i + 1 < f.size() && f[i + 1] == '%') {
        lit += '%';
        ++i;
        continue;
      }
      std::size_t j = i + 1;
      while (j < f.size() && std::string("-+ #0123456789.").find(f[j]) != std::string::npos)
        ++j;
      if (j >= f.size()) {
        ok = false;
        break;
      }
      std::string spec = f.substr(i, j - i + 1);
      Value v = arg(next++);
      if (auto text = formatKnown(spec, v)) {
        lit += *text;
      } else if (v.kind == VKind::Unknown && (f[j] == 's' || f[j] == 'd')) {
        parts.push_back(Value::string_(lit));
        lit.clear();
        parts.push_back(v);
      } else {
        ok = false;
      }
      i = j;
    }
    if (ok) {
      parts.push_back(Value::string_(lit));
      Value joined = concatValues(*this, p, parts);
      if (!joined.isNil()) {
        ret({joined});
        return true;
      }
    }
  }
  if ((name == "string.upper" || name == "string.lower" || name == "string.len" ||
       name == "string.rep") &&
      arg(0).kind == VKind::String) {
    std::string s = arg(0).str;
    if (name == "string.len") {
      ret({Value::integer_(static_cast<std::int64_t>(s.size()))});
      return true;
    }
    if (name == "string.rep") {
      if (arg(1).kind == VKind::Integer && arg(1).integer >= 0 && arg(1).integer < 1000 &&
          args.size() == 2) {
        std::string out;
        for (std::int64_t k = 0; k < arg(1).integer; ++k)
          out += s;
        ret({Value::string_(out)});
        return true;
      }
    } else {
      for (char& ch : s)
        ch = static_cast<char>(name == "string.upper"
                                   ? std::toupper(static_cast<unsigned char>(ch))
                                   : std::tolower(static_cast<unsigned char>(ch)));
      ret({Value::string_(s)});
      return true;
    }
  }
  if (name == "require") {
    ctx_.addNote(fmt::format("{}:{}: modules loaded with require are not planned; calls into them "
                             "are shown with '?'",
                             ctx_.file, line(p)));
    ret({unknownOfType(nullptr)});
    return true;
  }
  if (name == "dofile") {
    emitUnknownCall(p, "dofile", args);
    ret({unknownOfType(nullptr)});
    return true;
  }
  if (name == "io.open") {
    Value mode = arg(1);
    bool writes =
        mode.kind == VKind::Unknown ||
        (mode.kind == VKind::String && mode.str.find_first_of("wa+") != std::string::npos);
    if (writes) {
      // Declared as a read (opening for reading is one); opening for writing truncates or appends.
      static const types::FunctionSignature openForWriting = [] {
        types::FunctionSignature f;
        f.qualifiedName = "io.open";
        f.owner = "io";
        f.name = "open";
        f.params = {{"filename", nullptr, false, false, false, ""},
                    {"mode", nullptr, true, false, false, ""}};
        f.effect = types::Effect::Write;
        f.planTemplate = "open {filename} for writing";
        return f;
      }();
      emitAction(p, openForWriting, args, false);
    }
  }

  // A lock changes nothing a plan reader cares about and is released when fn ends: fn's actions
  // are planned as reached through it, and what fn returns is what with_lock returns.
  if (name == "state.with_lock" && arg(1).kind == VKind::Closure) {
    pushFrame(p, arg(1).ref, {}, FrameKind::Normal, retA, retC,
              fmt::format("with lock {} ({}:{})", valueText(p, arg(0)), ctx_.file, line(p)));
    return true;
  }

  // ----- declared functions -----
  if (!sig)
    return false;
  if (isAction(sig))
    emitAction(p, *sig, args, sig->method);
  std::vector<Value> results;
  for (const auto& r : sig->returns)
    results.push_back(unknownOfType(r.type));
  if (results.empty())
    results.push_back(Value::nil());
  ret(std::move(results));
  runCallbacks(p, args);
  (void)forks;
  return true;
}

} // namespace sloth::plan
