// Turning a reachable state-changing call into a planned action: its verb, its arguments by
// parameter name (secret ones hidden), the @plan template rendered with what is known.
#include "plan/Machine.h"

#include "sloth/SecretNames.h"
#include "sloth/analyzer/types/TypeContext.h"

#include <fmt/core.h>

#include <algorithm>
#include <functional>
#include <sstream>

namespace sloth::plan {

namespace {

constexpr std::size_t kShortestRedactedSecret = 3;

bool hasWord(const std::string& name, std::initializer_list<const char*> words) {
  std::stringstream parts(name);
  std::string part;
  while (std::getline(parts, part, '_'))
    for (const char* w : words)
      if (part == w)
        return true;
  return false;
}

// docs/plan.md lists this mapping.
Verb verbFor(const types::FunctionSignature& sig) {
  switch (sig.effect.value_or(types::Effect::Write)) {
  case types::Effect::Exec:
    return Verb::Run;
  case types::Effect::Net:
    return Verb::Send;
  default:
    break;
  }
  if (hasWord(sig.name, {"remove", "delete", "destroy", "unlink", "clear", "uninstall", "prune"}))
    return Verb::Delete;
  if (hasWord(sig.name, {"create", "install", "clone", "launch", "download", "upload", "link",
                         "build", "init", "run", "push"}) ||
      sig.qualifiedName == "docker.image_pull" || sig.qualifiedName == "incus.file_pull")
    return Verb::Create;
  return Verb::Change;
}

// The types a parameter or field may be, resolved (members of unions, without nil).
std::vector<types::TypeRef> recordsOf(const types::TypeContext& tc, types::TypeRef t) {
  std::vector<types::TypeRef> out;
  if (!t)
    return out;
  t = tc.resolve(t);
  if (!t)
    return out;
  if (t->kind() == types::TypeKind::Union) {
    for (types::TypeRef m : t->members())
      for (types::TypeRef r : recordsOf(tc, m))
        out.push_back(r);
  } else if (t->kind() == types::TypeKind::Record) {
    out.push_back(t);
  }
  return out;
}

struct DataBuilder {
  Machine& m;
  const Heap& heap;
  std::vector<UnknownRef>& unknowns;
  int depth = 0;

  void hide(const Value& v) {
    // Remember the literal so it is redacted wherever else it shows up.
    if (v.kind == VKind::String && v.str.size() >= kShortestRedactedSecret)
      m.ctx().secrets.insert(v.str);
    if (v.kind == VKind::Unknown)
      for (const Value& part : v.unknown->parts)
        if (part.kind == VKind::String && part.str.size() >= 6)
          m.ctx().secrets.insert(part.str);
    if (v.kind == VKind::Table && depth < 8) {
      ++depth;
      for (const auto& [k, inner] : heap.table(v.ref).entries)
        hide(inner);
      --depth;
    }
  }

  Data sensitive(const Value& v) {
    hide(v);
    Data d;
    d.kind = Data::Kind::Sensitive;
    return d;
  }

  Data build(const Value& v, types::TypeRef type, bool secret) {
    if (secret)
      return sensitive(v);
    Data d;
    switch (v.kind) {
    case VKind::Nil:
      return d;
    case VKind::Boolean:
      d.kind = Data::Kind::Boolean;
      d.boolean = v.boolean;
      return d;
    case VKind::Integer:
      d.kind = Data::Kind::Integer;
      d.integer = v.integer;
      return d;
    case VKind::Float:
      d.kind = Data::Kind::Number;
      d.number = v.number;
      return d;
    case VKind::String:
      return Data::string(v.str);
    case VKind::Closure:
    case VKind::Native:
      return Data::string(sourceText(v, heap));
    case VKind::Unknown: {
      const Unknown& u = *v.unknown;
      if (u.secret)
        return sensitive(v);
      if (!u.parts.empty()) {
        d.kind = Data::Kind::Partial;
        for (const Value& part : u.parts) {
          if (part.kind == VKind::String) {
            d.text += part.str;
          } else if (part.kind == VKind::Unknown && part.unknown->secret) {
            d.text += "(sensitive)";
          } else {
            d.text += "(known after run)";
            if (part.kind == VKind::Unknown)
              unknowns.push_back(part.unknown);
          }
        }
        return d;
      }
      d.kind = Data::Kind::Unknown;
      d.text = u.expr;
      unknowns.push_back(v.unknown);
      return d;
    }
    case VKind::Table:
      break;
    }
    const Table& t = heap.table(v.ref);
    if (depth > 8) {
      d.kind = Data::Kind::Unknown;
      d.text = "(nested too deep)";
      return d;
    }
    ++depth;
    auto records = recordsOf(m.ctx().signatures.types(), type);
    std::int64_t n = t.border();
    bool list = n == static_cast<std::int64_t>(t.entries.size()) && n > 0;
    if (list) {
      d.kind = Data::Kind::List;
      types::TypeRef element = nullptr;
      if (type) {
        types::TypeRef r = m.ctx().signatures.types().resolve(type);
        if (r && r->kind() == types::TypeKind::Array)
          element = r->element();
      }
      for (std::int64_t k = 1; k <= n; ++k)
        d.items.push_back(build(*t.find(Value::integer_(k)), element, false));
    } else {
      d.kind = Data::Kind::Map;
      for (const auto& [k, inner] : t.entries) {
        std::string key = k.kind == VKind::String ? k.str : sourceText(k, heap);
        bool fieldSecret = k.kind == VKind::String && isSecretName(k.str);
        types::TypeRef fieldType = nullptr;
        for (types::TypeRef r : records)
          if (const types::Field* f = m.ctx().signatures.types().findField(r, key)) {
            fieldSecret = fieldSecret || f->secret;
            fieldType = f->type;
          }
        d.fields.emplace_back(key, build(inner, fieldType, fieldSecret));
      }
    }
    if (!t.complete) {
      Data more;
      more.kind = Data::Kind::Unknown;
      more.text = "(more entries known after run)";
      if (d.kind == Data::Kind::List)
        d.items.push_back(more);
      else
        d.fields.emplace_back("…", more);
    }
    --depth;
    return d;
  }
};

std::string display(const Data& d) {
  if (auto scalar = scalarDataText(d))
    return *scalar;
  switch (d.kind) {
  case Data::Kind::Null:
    return "";
  case Data::Kind::String:
  case Data::Kind::Partial:
    return d.text;
  case Data::Kind::List: {
    std::string out;
    for (const Data& item : d.items) // a package list or a command's argv: space-separated
      out += (out.empty() ? "" : " ") + display(item);
    return out;
  }
  case Data::Kind::Map: {
    std::string out;
    for (const auto& [k, v] : d.fields)
      out += (out.empty() ? "" : ", ") + k + " = " +
             (v.kind == Data::Kind::String ? quoteLua(v.text) : display(v));
    return "{ " + out + " }";
  }
  default:
    break;
  }
  return "";
}

std::string renderTemplate(const std::string& tmpl,
                           const std::vector<std::pair<std::string, Data>>& args) {
  std::string out;
  for (std::size_t i = 0; i < tmpl.size(); ++i) {
    if (tmpl[i] == '{') {
      auto close = tmpl.find('}', i);
      if (close != std::string::npos) {
        std::string name = tmpl.substr(i + 1, close - i - 1);
        auto it =
            std::find_if(args.begin(), args.end(), [&](const auto& a) { return a.first == name; });
        out += it == args.end() ? "" : display(it->second);
        i = close;
        continue;
      }
    }
    out += tmpl[i];
  }
  // An absent optional part leaves doubled or trailing blanks.
  std::string tidy;
  for (char c : out)
    if (!(c == ' ' && (tidy.empty() || tidy.back() == ' ')))
      tidy += c;
  while (!tidy.empty() && tidy.back() == ' ')
    tidy.pop_back();
  return tidy;
}

} // namespace

void Machine::emitRaw(Path& p, Action action, std::vector<UnknownRef> unknowns) {
  PendingAction pa;
  pa.uid = ctx_.nextUid++;
  action.file = ctx_.file;
  action.line = line(p);
  action.repeats = action.repeats || inRepeatingLoop(p);
  for (std::size_t i = 1; i < p.frames.size(); ++i)
    if (!p.frames[i].via.empty())
      action.via.push_back(p.frames[i].via);
  for (std::size_t i = 0; i < p.frames.size(); ++i)
    pa.sites.emplace_back(p.frames[i].uid, sitePc(p, i));
  pa.action = std::move(action);
  pa.conds = p.conds;
  pa.unknowns = std::move(unknowns);
  p.actions.push_back(std::move(pa));
}

void Machine::emitAction(Path& p, const types::FunctionSignature& sig,
                         const std::vector<Value>& args, bool method) {
  Action a;
  a.verb = verbFor(sig);
  a.function = sig.qualifiedName;
  std::vector<UnknownRef> unknowns;
  DataBuilder builder{*this, *p.heap, unknowns};
  std::size_t first = method ? 1 : 0; // `obj:write(...)`: the receiver is not a parameter
  for (std::size_t i = 0; i < sig.params.size(); ++i) {
    const types::ParamSignature& param = sig.params[i];
    if (param.variadic) {
      Data rest;
      rest.kind = Data::Kind::List;
      for (std::size_t k = first + i; k < args.size(); ++k)
        rest.items.push_back(builder.build(args[k], param.type, param.secret));
      if (!rest.items.empty()) {
        if (!rest.fullyKnown())
          a.unknown.push_back(param.name);
        a.args.emplace_back(param.name, std::move(rest));
      }
      break;
    }
    if (first + i >= args.size() || args[first + i].isNil())
      continue;
    Data d = builder.build(args[first + i], param.type, param.secret);
    if (!d.fullyKnown())
      a.unknown.push_back(param.name);
    a.args.emplace_back(param.name, std::move(d));
  }
  a.text = sig.planTemplate ? renderTemplate(*sig.planTemplate, a.args) : sig.qualifiedName;
  emitRaw(p, std::move(a), std::move(unknowns));
}

void Machine::emitUnknownCall(Path& p, const std::string& calleeText,
                              const std::vector<Value>& args) {
  Action a;
  a.verb = Verb::Unknown;
  a.function = calleeText.empty() ? "(unknown function)" : calleeText;
  std::vector<UnknownRef> unknowns;
  DataBuilder builder{*this, *p.heap, unknowns};
  std::string argText;
  for (std::size_t i = 0; i < args.size(); ++i) {
    Data d = builder.build(args[i], nullptr, false);
    std::string name = fmt::format("{}", i + 1);
    if (!d.fullyKnown())
      a.unknown.push_back(name);
    argText += (i ? ", " : "") + valueText(p, args[i], 30);
    a.args.emplace_back(name, std::move(d));
  }
  a.text = fmt::format("call {}({}): a function only the run knows; it may change the system",
                       a.function, argText);
  emitRaw(p, std::move(a), std::move(unknowns));
}

void Machine::runCallbacks(Path& p, const std::vector<Value>& args) {
  // Pushed in reverse so they run in argument order. A list of functions counts too, and so does
  // a list inside an options table (`goroutine.parallel({tasks = {...}, max_concurrent = 2})`).
  std::vector<int> closures;
  std::function<void(const Value&, int)> collect = [&](const Value& v, int depth) {
    if (v.kind == VKind::Closure)
      closures.push_back(v.ref);
    else if (v.kind == VKind::Table && depth < 2)
      for (const auto& [k, inner] : p.heap->table(v.ref).entries)
        collect(inner, depth + 1);
  };
  for (const Value& v : args)
    collect(v, 0);
  Frame& caller = p.frames.back();
  for (auto it = closures.rbegin(); it != closures.rend(); ++it) {
    const Closure& c = *p.heap->closures[static_cast<std::size_t>(*it)];
    if (std::none_of(p.frames.begin(), p.frames.end(),
                     [&](const Frame& f) { return f.proto == c.proto; }))
      caller.pendingCallbacks.push_back(*it);
  }
  startNextCallback(p);
}

} // namespace sloth::plan
