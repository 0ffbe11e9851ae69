// One instruction of the abstract machine: Lua 5.4's semantics over abstract values.
#include "plan/Machine.h"

#include "sloth/analyzer/types/TypeContext.h"

#include <fmt/core.h>

#include <cmath>

namespace sloth::plan {

using namespace vm;

namespace {

constexpr int kMaxLoopIterations = 256;

Value constantValue(const Proto& p, int k) {
  const Constant& c = p.k[static_cast<std::size_t>(k)];
  if (auto* b = std::get_if<bool>(&c.value))
    return Value::boolean_(*b);
  if (auto* i = std::get_if<std::int64_t>(&c.value))
    return Value::integer_(*i);
  if (auto* d = std::get_if<double>(&c.value))
    return Value::number_(*d);
  if (auto* s = std::get_if<std::string>(&c.value))
    return Value::string_(*s);
  return Value::nil();
}

std::optional<double> toNumber(const Value& v) {
  if (v.isNumber())
    return v.asNumber();
  if (v.kind == VKind::String) {
    try {
      std::size_t used = 0;
      double d = std::stod(v.str, &used);
      if (used == v.str.size())
        return d;
    } catch (const std::exception&) {
    }
  }
  return std::nullopt;
}

const char* opText(OpCode op) {
  switch (op) {
  case OpCode::ADD:
  case OpCode::ADDI:
  case OpCode::ADDK:
    return "+";
  case OpCode::SUB:
  case OpCode::SUBK:
    return "-";
  case OpCode::MUL:
  case OpCode::MULK:
    return "*";
  case OpCode::MOD:
  case OpCode::MODK:
    return "%";
  case OpCode::POW:
  case OpCode::POWK:
    return "^";
  case OpCode::DIV:
  case OpCode::DIVK:
    return "/";
  case OpCode::IDIV:
  case OpCode::IDIVK:
    return "//";
  case OpCode::BAND:
  case OpCode::BANDK:
    return "&";
  case OpCode::BOR:
  case OpCode::BORK:
    return "|";
  case OpCode::BXOR:
  case OpCode::BXORK:
    return "~";
  case OpCode::SHL:
  case OpCode::SHLI:
    return "<<";
  case OpCode::SHR:
  case OpCode::SHRI:
    return ">>";
  default:
    return "?";
  }
}

// Known arithmetic; nullopt when the run decides (unknown operands, errors, metamethods).
std::optional<Value> arith(const char* op, const Value& a, const Value& b) {
  std::string o = op;
  if (a.kind == VKind::Integer && b.kind == VKind::Integer) {
    auto x = static_cast<std::uint64_t>(a.integer), y = static_cast<std::uint64_t>(b.integer);
    if (o == "+")
      return Value::integer_(static_cast<std::int64_t>(x + y));
    if (o == "-")
      return Value::integer_(static_cast<std::int64_t>(x - y));
    if (o == "*")
      return Value::integer_(static_cast<std::int64_t>(x * y));
    if (o == "//" && b.integer != 0) {
      std::int64_t q = a.integer / b.integer;
      if ((a.integer % b.integer != 0) && ((a.integer < 0) != (b.integer < 0)))
        --q;
      return Value::integer_(q);
    }
    if (o == "%" && b.integer != 0) {
      std::int64_t r = a.integer % b.integer;
      if (r != 0 && ((r < 0) != (b.integer < 0)))
        r += b.integer;
      return Value::integer_(r);
    }
    if (o == "&")
      return Value::integer_(a.integer & b.integer);
    if (o == "|")
      return Value::integer_(a.integer | b.integer);
    if (o == "~")
      return Value::integer_(a.integer ^ b.integer);
  }
  auto x = toNumber(a), y = toNumber(b);
  if (!x || !y || a.kind == VKind::String || b.kind == VKind::String)
    return std::nullopt;
  if (o == "+")
    return Value::number_(*x + *y);
  if (o == "-")
    return Value::number_(*x - *y);
  if (o == "*")
    return Value::number_(*x * *y);
  if (o == "/")
    return Value::number_(*x / *y);
  if (o == "^")
    return Value::number_(std::pow(*x, *y));
  if (o == "//")
    return Value::number_(std::floor(*x / *y));
  if (o == "%" && *y != 0)
    return Value::number_(*x - std::floor(*x / *y) * *y);
  return std::nullopt;
}

bool scalar(const Value& v) {
  return v.kind == VKind::Nil || v.kind == VKind::Boolean || v.isNumber() ||
         v.kind == VKind::String;
}

// Known comparison; nullopt when the run decides.
std::optional<bool> compare(const char* op, const Value& a, const Value& b) {
  std::string o = op;
  if (o == "==") {
    if (a.kind == VKind::Unknown || b.kind == VKind::Unknown)
      return std::nullopt;
    if (a.isNumber() && b.isNumber())
      return a.asNumber() == b.asNumber();
    if (a.kind == VKind::Table || b.kind == VKind::Table)
      return std::nullopt; // __eq may decide
    return a == b;
  }
  if (a.isNumber() && b.isNumber())
    return o == "<" ? a.asNumber() < b.asNumber() : a.asNumber() <= b.asNumber();
  if (a.kind == VKind::String && b.kind == VKind::String)
    return o == "<" ? a.str < b.str : a.str <= b.str;
  return std::nullopt;
}

} // namespace

std::optional<std::string> scalarText(const Value& v) {
  switch (v.kind) {
  case VKind::String:
    return v.str;
  case VKind::Integer:
    return std::to_string(v.integer);
  case VKind::Float: {
    if (std::floor(v.number) == v.number && std::fabs(v.number) < 1e15)
      return fmt::format("{:.1f}", v.number);
    return fmt::format("{:.14g}", v.number);
  }
  default:
    return std::nullopt;
  }
}

Value concatValues(Machine& m, Path& p, const std::vector<Value>& parts) {
  std::vector<Value> flat;
  bool secret = false, fromParams = false;
  for (const Value& v : parts) {
    if (v.kind == VKind::Unknown && !v.unknown->parts.empty()) {
      for (const Value& inner : v.unknown->parts)
        flat.push_back(inner);
      secret |= v.unknown->secret;
    } else if (auto text = scalarText(v)) {
      if (!flat.empty() && flat.back().kind == VKind::String)
        flat.back().str += *text;
      else
        flat.push_back(Value::string_(*text));
    } else if (v.kind == VKind::Unknown) {
      flat.push_back(v);
      secret |= v.unknown->secret;
      fromParams |= v.unknown->fromParams;
    } else if (v.kind == VKind::Nil || v.kind == VKind::Boolean) {
      return Value::nil(); // the run fails here: the caller raises
    } else {
      return Value::of(m.unknown(p, "(a concatenation the run decides)"));
    }
  }
  if (flat.size() == 1 && flat[0].kind == VKind::String)
    return flat[0];
  Unknown u;
  std::string expr;
  for (const Value& v : flat) {
    if (!expr.empty())
      expr += " .. ";
    expr += sourceText(v, *p.heap, 40);
  }
  u.expr = expr;
  u.parts = std::move(flat);
  u.secret = secret;
  u.fromParams = fromParams;
  u.file = m.ctx().file;
  u.line = m.line(p);
  return Value::of(m.ctx().makeUnknown(std::move(u)));
}

Value Machine::index(Path& p, const Value& obj, const Value& key, const std::string& objText,
                     bool method) {
  const auto& sigs = ctx_.signatures;
  std::string keyText = key.kind == VKind::String ? key.str : "";
  auto fieldExpr = [&]() {
    if (key.kind == VKind::String && !key.str.empty() &&
        key.str.find_first_of(" .-/:") == std::string::npos)
      return objText + "." + key.str;
    return objText + "[" + valueText(p, key, 30) + "]";
  };
  switch (obj.kind) {
  case VKind::Table: {
    const Table& t = p.heap->table(obj.ref);
    if (key.kind == VKind::Unknown) {
      Unknown u;
      u.expr = fieldExpr();
      u.file = ctx_.file;
      u.line = line(p);
      if (t.complete)
        for (const auto& [k, v] : t.entries)
          if (v.kind == VKind::Closure || v.kind == VKind::Native) {
            u.candidates.push_back(v);
            u.candidateIf.push_back(sourceText(key, *p.heap, 40) +
                                    " == " + sourceText(k, *p.heap, 40));
          }
      return Value::of(ctx_.makeUnknown(std::move(u)));
    }
    if (const Value* v = t.find(key))
      return *v;
    // A class: look the key up in the metatable's __index table (a few levels deep).
    for (int meta = t.meta, depth = 0; meta >= 0 && depth < 8; ++depth) {
      const Value* idx = p.heap->table(meta).find(Value::string_("__index"));
      if (!idx || idx->kind != VKind::Table)
        break;
      const Table& cls = p.heap->table(idx->ref);
      if (const Value* v = cls.find(key))
        return *v;
      if (!cls.complete) {
        meta = -1;
        break;
      }
      meta = cls.meta;
    }
    if (t.cls == "_ENV" && key.kind == VKind::String) {
      if (const auto* g = sigs.global(key.str)) {
        if (g->kind == types::GlobalKind::Module)
          return Value::moduleTable(key.str);
        if (g->kind == types::GlobalKind::Function)
          return Value::native(key.str, g->function);
        if (key.str == "_G" || key.str == "_ENV")
          return obj;
        return Value::of(unknown(p, key.str, g->type));
      }
      return Value::nil();
    }
    if (t.cls == "TaskBuilder" || t.cls == "Task") {
      if (sigs.method("TaskBuilder", keyText))
        return Value::native("TaskBuilder:" + keyText, sigs.method("TaskBuilder", keyText));
    } else if (t.cls == "Workflow") {
      if (sigs.method("workflow.Builder", keyText))
        return Value::native("workflow.Builder:" + keyText,
                             sigs.method("workflow.Builder", keyText));
    }
    if (t.complete)
      return Value::nil();
    Unknown u;
    u.expr = fieldExpr();
    u.file = ctx_.file;
    u.line = line(p);
    u.fromParams = t.expr.rfind("params", 0) == 0;
    if (t.type)
      if (const types::Field* f = sigs.types().findField(t.type, keyText)) {
        u.type = f->type;
        u.secret = f->secret;
      }
    return Value::of(ctx_.makeUnknown(std::move(u)));
  }
  case VKind::Native:
    if (obj.module && key.kind == VKind::String) {
      if (const auto* f = sigs.function(obj.str, key.str))
        return Value::native(f->qualifiedName, f);
      if (const auto* m = sigs.module(obj.str)) {
        auto it = m->values.find(key.str);
        if (it != m->values.end())
          return Value::of(unknown(p, obj.str + "." + key.str, it->second->type));
      }
      return Value::nil();
    }
    return Value::of(unknown(p, fieldExpr()));
  case VKind::String:
    if (const auto* f = sigs.function("string", keyText))
      return Value::native(f->qualifiedName, f);
    return Value::nil();
  case VKind::Unknown: {
    const Unknown& base = *obj.unknown;
    Unknown u;
    u.expr = fieldExpr();
    u.file = ctx_.file;
    u.line = line(p);
    u.secret = base.secret;
    u.fromParams = base.fromParams;
    types::TypeRef type = base.type ? sigs.types().resolve(base.type) : nullptr;
    if (type && type->kind() == types::TypeKind::Union) {
      // `T?`: index the non-nil member.
      types::TypeRef only = nullptr;
      for (types::TypeRef m : type->members())
        if (m->kind() != types::TypeKind::Nil)
          only = only ? nullptr : m;
      type = only ? sigs.types().resolve(only) : nullptr;
    }
    if (type && (type->kind() == types::TypeKind::String ||
                 type->kind() == types::TypeKind::StringLiteral)) {
      if (const auto* f = sigs.function("string", keyText))
        return Value::native(f->qualifiedName, f);
    }
    if (type && type->kind() == types::TypeKind::Record) {
      if (const auto* m = sigs.method(type->name(), keyText))
        return Value::native(m->qualifiedName, m);
      if (const types::Field* f = sigs.types().findField(type, keyText)) {
        u.type = f->type;
        u.secret = u.secret || f->secret;
      }
    } else if (!type && (!base.parts.empty() || method)) {
      if (const auto* f = sigs.function("string", keyText))
        return Value::native(f->qualifiedName, f);
    }
    return Value::of(ctx_.makeUnknown(std::move(u)));
  }
  default:
    return Value::of(unknown(p, fieldExpr()));
  }
}

// A closure's name in source terms: the local, upvalue or global that holds it.
std::string Machine::functionName(const Path& p, const Value& fn) const {
  const Frame& f = p.frames.back();
  int active = 0;
  for (const LocVar& lv : f.proto->locvars)
    if (lv.startpc <= f.pc && f.pc < lv.endpc) {
      if (read(p, active) == fn)
        return lv.name;
      ++active;
    }
  const Closure& self = *p.heap->closures[static_cast<std::size_t>(f.closure)];
  for (std::size_t u = 0; u < self.cells.size(); ++u)
    if (p.heap->cells[static_cast<std::size_t>(self.cells[u])] == fn)
      return f.proto->upvalues[u].name;
  if (!p.heap->tables.empty() && p.heap->table(0).cls == "_ENV")
    for (const auto& [k, v] : p.heap->table(0).entries)
      if (v == fn && k.kind == VKind::String)
        return k.str;
  return valueText(p, fn);
}

void Machine::step(Path& p, std::vector<std::unique_ptr<Path>>& forks) {
  Frame& f = p.frames.back();
  const Proto& proto = *f.proto;
  if (f.pc < 0 || f.pc >= static_cast<int>(proto.code.size())) {
    raise(p, "the function ran past its end");
    return;
  }
  Instruction i = proto.code[static_cast<std::size_t>(f.pc)];
  OpCode op = GET_OPCODE(i);
  curLine_ = proto.lineAt(f.pc);
  int a = GETARG_A(i), b = GETARG_B(i), c = GETARG_C(i);
  auto K = [&](int k) { return constantValue(proto, k); };
  auto RK = [&](int x) { return GETARG_k(i) ? K(x) : read(p, x); };
  auto next = [&](int n = 1) { p.frames.back().pc += n; };
  auto upval = [&](int u) -> Value& {
    const Closure& cl = *p.heap->closures[static_cast<std::size_t>(p.frames.back().closure)];
    return p.heap->cells[static_cast<std::size_t>(cl.cells[static_cast<std::size_t>(u)])];
  };
  auto upvalName = [&](int u) { return proto.upvalues[static_cast<std::size_t>(u)].name; };
  auto setIndex = [&](const Value& obj, const Value& key, Value v) {
    if (obj.kind == VKind::Table) {
      Table& t = p.heap->mutableTable(obj.ref);
      if (key.kind == VKind::Unknown || key.isNil())
        t.complete = false;
      else
        t.set(key, std::move(v));
      if (inRepeatingLoop(p))
        t.complete = false;
      return true;
    }
    if (obj.kind == VKind::Unknown || obj.kind == VKind::Native)
      return true; // a field of something the run knows: nothing to track
    return false;  // indexing nil, a number, ...: the run fails here
  };
  auto arithmetic = [&](const Value& x, const Value& y, bool swapped = false) {
    const Value& l = swapped ? y : x;
    const Value& r = swapped ? x : y;
    if (auto v = arith(opText(op), l, r))
      write(p, a, *v);
    else
      write(p, a,
            Value::of(unknown(
                p, fmt::format("{} {} {}", valueText(p, l, 30), opText(op), valueText(p, r, 30)),
                ctx_.signatures.types().number())));
    next(2); // the MMBIN* that follows is the metamethod fallback
  };

  switch (op) {
  case OpCode::MOVE:
    write(p, a, read(p, b));
    return next();
  case OpCode::LOADI:
    write(p, a, Value::integer_(GETARG_sBx(i)));
    return next();
  case OpCode::LOADF:
    write(p, a, Value::number_(GETARG_sBx(i)));
    return next();
  case OpCode::LOADK:
    write(p, a, K(GETARG_Bx(i)));
    return next();
  case OpCode::LOADKX:
    write(p, a, K(GETARG_Ax(proto.code[static_cast<std::size_t>(f.pc) + 1])));
    return next(2);
  case OpCode::LOADFALSE:
    write(p, a, Value::boolean_(false));
    return next();
  case OpCode::LFALSESKIP:
    write(p, a, Value::boolean_(false));
    return next(2);
  case OpCode::LOADTRUE:
    write(p, a, Value::boolean_(true));
    return next();
  case OpCode::LOADNIL:
    for (int r = a; r <= a + b; ++r)
      write(p, r, Value::nil());
    return next();
  case OpCode::GETUPVAL:
    write(p, a, upval(b));
    return next();
  case OpCode::SETUPVAL:
    upval(b) = read(p, a);
    return next();
  case OpCode::GETTABUP: {
    Value env = upval(b);
    std::string name = upvalName(b) == "_ENV" ? "" : upvalName(b);
    Value key = K(c);
    Value v = index(p, env, key, name.empty() ? "_ENV" : name);
    if (v.kind == VKind::Unknown && upvalName(b) == "_ENV" && key.kind == VKind::String &&
        v.unknown->expr.rfind("_ENV.", 0) == 0) {
      Unknown u = *v.unknown;
      u.expr = key.str;
      v = Value::of(ctx_.makeUnknown(std::move(u)));
    }
    if (v.isNil() && key.kind == VKind::String) // for "attempt to call a nil value (global 'f')"
      p.frames.back().loadedNames[a] = {v, "global '" + key.str + "'"};
    write(p, a, v);
    return next();
  }
  case OpCode::GETTABLE:
  case OpCode::GETI:
  case OpCode::GETFIELD: {
    Value key = op == OpCode::GETTABLE ? read(p, c)
                : op == OpCode::GETI   ? Value::integer_(c)
                                       : K(c);
    Value obj = read(p, b);
    std::string objText = regText(p, b);
    if (obj.kind == VKind::Nil || obj.kind == VKind::Boolean || obj.isNumber())
      return raise(p, fmt::format("attempt to index a {} value ({})", luaTypeName(obj), objText));
    Value v = index(p, obj, key, objText);
    if (v.kind == VKind::Closure && key.kind == VKind::String)
      p.frames.back().loadedNames[a] = {v, objText + "." + key.str};
    else if (v.isNil() && key.kind == VKind::String)
      p.frames.back().loadedNames[a] = {v, "field '" + objText + "." + key.str + "'"};
    write(p, a, v);
    return next();
  }
  case OpCode::SETTABUP:
    if (!setIndex(upval(a), K(b), RK(c)))
      return raise(p, fmt::format("attempt to index a {} value", luaTypeName(upval(a))));
    return next();
  case OpCode::SETTABLE:
    if (!setIndex(read(p, a), read(p, b), RK(c)))
      return raise(p, fmt::format("attempt to index a {} value ({})", luaTypeName(read(p, a)),
                                  regText(p, a)));
    return next();
  case OpCode::SETI:
    if (!setIndex(read(p, a), Value::integer_(b), RK(c)))
      return raise(p, fmt::format("attempt to index a {} value ({})", luaTypeName(read(p, a)),
                                  regText(p, a)));
    return next();
  case OpCode::SETFIELD:
    if (!setIndex(read(p, a), K(b), RK(c)))
      return raise(p, fmt::format("attempt to index a {} value ({})", luaTypeName(read(p, a)),
                                  regText(p, a)));
    return next();
  case OpCode::NEWTABLE:
    write(p, a, Value::table(p.heap->newTable()));
    return next(2); // EXTRAARG follows
  case OpCode::SELF: {
    Value obj = read(p, b);
    std::string text = regText(p, b);
    if (obj.kind == VKind::Nil || obj.kind == VKind::Boolean || obj.isNumber())
      return raise(p, fmt::format("attempt to index a {} value ({})", luaTypeName(obj), text));
    Value key = RK(c);
    Value fn = index(p, obj, key, text, true);
    p.frames.back().selfLines[a] = curLine_;
    if (fn.kind == VKind::Closure && key.kind == VKind::String)
      p.frames.back().loadedNames[a] = {fn, text + ":" + key.str};
    write(p, a + 1, obj);
    write(p, a, fn);
    return next();
  }
  case OpCode::ADDI:
    return arithmetic(read(p, b), Value::integer_(GETARG_sC(i)));
  case OpCode::ADDK:
  case OpCode::SUBK:
  case OpCode::MULK:
  case OpCode::MODK:
  case OpCode::POWK:
  case OpCode::DIVK:
  case OpCode::IDIVK:
  case OpCode::BANDK:
  case OpCode::BORK:
  case OpCode::BXORK:
    return arithmetic(read(p, b), K(c));
  case OpCode::SHRI:
    return arithmetic(read(p, b), Value::integer_(GETARG_sC(i)));
  case OpCode::SHLI:
    return arithmetic(read(p, b), Value::integer_(GETARG_sC(i)), true);
  case OpCode::ADD:
  case OpCode::SUB:
  case OpCode::MUL:
  case OpCode::MOD:
  case OpCode::POW:
  case OpCode::DIV:
  case OpCode::IDIV:
  case OpCode::BAND:
  case OpCode::BOR:
  case OpCode::BXOR:
  case OpCode::SHL:
  case OpCode::SHR:
    return arithmetic(read(p, b), read(p, c));
  case OpCode::MMBIN:
  case OpCode::MMBINI:
  case OpCode::MMBINK:
  case OpCode::EXTRAARG:
  case OpCode::VARARGPREP:
  case OpCode::TBC:
    return next();
  case OpCode::UNM: {
    Value v = read(p, b);
    if (v.kind == VKind::Integer)
      write(p, a,
            Value::integer_(static_cast<std::int64_t>(0 - static_cast<std::uint64_t>(v.integer))));
    else if (v.kind == VKind::Float)
      write(p, a, Value::number_(-v.number));
    else
      write(p, a,
            Value::of(unknown(p, "-" + valueText(p, v, 30), ctx_.signatures.types().number())));
    return next();
  }
  case OpCode::BNOT: {
    Value v = read(p, b);
    if (v.kind == VKind::Integer)
      write(p, a, Value::integer_(~v.integer));
    else
      write(p, a,
            Value::of(unknown(p, "~" + valueText(p, v, 30), ctx_.signatures.types().number())));
    return next();
  }
  case OpCode::NOT: {
    Value v = read(p, b);
    if (auto t = truthiness(v)) {
      write(p, a, Value::boolean_(!*t));
    } else {
      Unknown u;
      u.expr = "not " + v.unknown->expr;
      u.negationOf = v.unknown;
      u.type = ctx_.signatures.types().boolean();
      u.file = ctx_.file;
      u.line = line(p);
      write(p, a, Value::of(ctx_.makeUnknown(std::move(u))));
    }
    return next();
  }
  case OpCode::LEN: {
    Value v = read(p, b);
    if (v.kind == VKind::String)
      write(p, a, Value::integer_(static_cast<std::int64_t>(v.str.size())));
    else if (v.kind == VKind::Table && p.heap->table(v.ref).complete)
      write(p, a, Value::integer_(p.heap->table(v.ref).border()));
    else
      write(p, a, Value::of(unknown(p, "#" + regText(p, b), ctx_.signatures.types().integer())));
    return next();
  }
  case OpCode::CONCAT: {
    std::vector<Value> parts;
    for (int r = a; r < a + b; ++r)
      parts.push_back(read(p, r));
    Value joined = concatValues(*this, p, parts);
    if (joined.isNil())
      return raise(p, "attempt to concatenate a nil or boolean value");
    write(p, a, joined);
    return next();
  }
  case OpCode::CLOSE: {
    Frame& fr = p.frames.back();
    for (int r = a; r < static_cast<int>(fr.cellOf.size()); ++r)
      fr.cellOf[static_cast<std::size_t>(r)] = -1;
    return next();
  }
  case OpCode::JMP:
    takeJump(p, f.pc + 1 + GETARG_sJ(i));
    return;
  case OpCode::EQ:
  case OpCode::LT:
  case OpCode::LE:
  case OpCode::EQK:
  case OpCode::EQI:
  case OpCode::LTI:
  case OpCode::LEI:
  case OpCode::GTI:
  case OpCode::GEI: {
    Value x = read(p, a);
    Value y;
    const char* rel = "==";
    bool swap = false;
    switch (op) {
    case OpCode::EQ:
      y = read(p, b);
      break;
    case OpCode::LT:
      y = read(p, b);
      rel = "<";
      break;
    case OpCode::LE:
      y = read(p, b);
      rel = "<=";
      break;
    case OpCode::EQK:
      y = K(b);
      break;
    case OpCode::EQI:
      y = c ? Value::number_(GETARG_sB(i)) : Value::integer_(GETARG_sB(i));
      break;
    case OpCode::LTI:
      y = Value::integer_(GETARG_sB(i));
      rel = "<";
      break;
    case OpCode::LEI:
      y = Value::integer_(GETARG_sB(i));
      rel = "<=";
      break;
    case OpCode::GTI:
      y = Value::integer_(GETARG_sB(i));
      rel = "<";
      swap = true;
      break;
    default: // GEI
      y = Value::integer_(GETARG_sB(i));
      rel = "<=";
      swap = true;
      break;
    }
    const Value& l = swap ? y : x;
    const Value& r = swap ? x : y;
    std::string ltext = swap ? valueText(p, l, 40) : regText(p, a);
    std::string rtext = swap ? regText(p, a)
                        : (op == OpCode::EQ || op == OpCode::LT || op == OpCode::LE)
                            ? regText(p, b)
                            : valueText(p, r, 40);
    Value test;
    if (auto known = compare(rel, l, r)) {
      test = Value::boolean_(*known);
    } else {
      Unknown u;
      std::string rs = rel;
      if (rs == "==") {
        u.expr = ltext + " == " + rtext;
        u.negExpr = ltext + " ~= " + rtext;
      } else if (swap) { // written `r > l` / `r >= l` in the source
        u.expr = rtext + (rs == "<" ? " > " : " >= ") + ltext;
        u.negExpr = rtext + (rs == "<" ? " <= " : " < ") + ltext;
      } else {
        u.expr = ltext + " " + rs + " " + rtext;
        u.negExpr = ltext + (rs == "<" ? " >= " : " > ") + rtext;
      }
      u.type = ctx_.signatures.types().boolean();
      u.file = ctx_.file;
      u.line = line(p);
      if (!scalar(l) || !scalar(r)) {
        auto sec = [](const Value& v) { return v.kind == VKind::Unknown && v.unknown->secret; };
        u.secret = sec(l) || sec(r);
      }
      test = Value::of(ctx_.makeUnknown(std::move(u)));
    }
    // if ((test) ~= k) then pc++ : the JMP is taken when test == k.
    branch(p, test, GETARG_k(i) != 0, forks);
    return;
  }
  case OpCode::TEST:
    branch(p, read(p, a), GETARG_k(i) == 0 ? false : true, forks);
    return;
  case OpCode::TESTSET: {
    // if (not R[B] == k) then pc++ else { R[A] := R[B]; (JMP) }
    Value v = read(p, b);
    bool jumpWhenTruthy = GETARG_k(i) != 0;
    std::size_t before = forks.size();
    int pc = f.pc;
    branch(p, v, jumpWhenTruthy, forks);
    auto fix = [&](Path& path) {
      if (path.ended || path.frames.empty())
        return;
      if (path.frames.back().pc != pc + 2) // took the JMP: R[A] := R[B]
        write(path, a, read(path, b));
    };
    fix(p);
    for (std::size_t k = before; k < forks.size(); ++k)
      fix(*forks[k]);
    return;
  }
  case OpCode::CALL:
  case OpCode::TAILCALL: {
    Value fn = read(p, a);
    int nargs = b != 0 ? b - 1 : p.frames.back().top - a - 1;
    std::vector<Value> args;
    for (int r = a + 1; r <= a + nargs; ++r)
      args.push_back(read(p, r));
    std::string text = fn.kind == VKind::Native    ? fn.str
                       : fn.kind == VKind::Closure ? functionName(p, fn)
                                                   : regText(p, a);
    auto& names = p.frames.back().loadedNames;
    if (auto at = names.find(a); at != names.end()) {
      if (at->second.first == fn &&
          (fn.isNil() || (fn.kind == VKind::Closure && text.rfind("function@", 0) == 0)))
        text = at->second.second;
      names.erase(at);
    }
    int retC = op == OpCode::TAILCALL ? 0 : c;
    if (auto at = p.frames.back().selfLines.find(a); at != p.frames.back().selfLines.end()) {
      curLine_ = at->second;
      p.frames.back().selfLines.erase(at);
    }
    next(); // the callee returns to the next instruction
    inCall_ = true;
    call(p, fn, std::move(args), a, retC, text, forks);
    inCall_ = false;
    return;
  }
  case OpCode::RETURN:
  case OpCode::RETURN0:
  case OpCode::RETURN1: {
    std::vector<Value> results;
    if (op == OpCode::RETURN1) {
      results.push_back(read(p, a));
    } else if (op == OpCode::RETURN) {
      int n = b != 0 ? b - 1 : p.frames.back().top - a;
      for (int r = a; r < a + n; ++r)
        results.push_back(read(p, r));
    }
    Frame done = std::move(p.frames.back());
    p.frames.pop_back();
    leaveFrame(p, done);
    if (p.frames.empty()) {
      out_.ends.push_back({std::move(results), p.conds, p.heap, false, {}});
      p.ended = true;
      return;
    }
    if (done.kind == FrameKind::Discard)
      return;
    if (done.kind == FrameKind::Pcall) {
      // Any module call inside may fail: the status is the run's to know.
      std::vector<Value> withStatus{
          Value::of(unknown(p, done.statusExpr, ctx_.signatures.types().boolean()))};
      withStatus.insert(withStatus.end(), results.begin(), results.end());
      results = std::move(withStatus);
    }
    deliver(p, std::move(results), done.retA, done.retC);
    return;
  }
  case OpCode::FORPREP: {
    Value init = read(p, a), limit = read(p, a + 1), stepv = read(p, a + 2);
    int exitPc = f.pc + GETARG_Bx(i) + 2;
    if (init.isNumber() && limit.isNumber() && stepv.isNumber() && stepv.asNumber() != 0) {
      bool ints = init.kind == VKind::Integer && stepv.kind == VKind::Integer;
      double s = stepv.asNumber();
      bool runs = s > 0 ? init.asNumber() <= limit.asNumber() : init.asNumber() >= limit.asNumber();
      if (!runs) {
        p.frames.back().pc = exitPc;
        return;
      }
      write(p, a + 3, ints ? init : Value::number_(init.asNumber()));
      return next();
    }
    // Bounds only the run knows: walk the body once.
    int first = f.pc + 1, last = f.pc + 1 + GETARG_Bx(i);
    next();
    markRepeating(p, first, last, p.conds.size());
    Frame& fr = p.frames.back();
    std::string var = localName(fr, a + 3);
    write(p, a, Value::of(unknown(p, "(loop counter)")));
    write(p, a + 3,
          Value::of(
              unknown(p, var.empty() ? "(loop counter)" : var, ctx_.signatures.types().number())));
    return;
  }
  case OpCode::FORLOOP: {
    Frame& fr = p.frames.back();
    for (const auto& loop : fr.repeating)
      if (loop.last == fr.pc) {
        RepeatingLoop l = loop;
        next();
        leaveRepeatingLoop(p, l);
        return;
      }
    Value idx = read(p, a), limit = read(p, a + 1), stepv = read(p, a + 2);
    Value nextIdx = idx.kind == VKind::Integer && stepv.kind == VKind::Integer
                        ? Value::integer_(idx.integer + stepv.integer)
                        : Value::number_(idx.asNumber() + stepv.asNumber());
    double s = stepv.asNumber();
    bool more =
        s > 0 ? nextIdx.asNumber() <= limit.asNumber() : nextIdx.asNumber() >= limit.asNumber();
    if (!more)
      return next();
    if (++fr.backEdges[fr.pc] > kMaxLoopIterations) {
      int first = fr.pc + 1 - GETARG_Bx(i), last = fr.pc;
      markRepeating(p, first, last, p.conds.size());
      RepeatingLoop l = p.frames.back().repeating.back();
      next();
      leaveRepeatingLoop(p, l);
      return;
    }
    write(p, a, nextIdx);
    write(p, a + 3, nextIdx);
    fr.pc = fr.pc + 1 - GETARG_Bx(i);
    return;
  }
  case OpCode::TFORPREP:
    p.frames.back().pc += GETARG_Bx(i) + 1;
    return;
  case OpCode::TFORCALL: {
    Frame& fr = p.frames.back();
    int loopPc = fr.pc + 1; // the TFORLOOP
    Instruction loopI = proto.code[static_cast<std::size_t>(loopPc)];
    int first = loopPc + 1 - GETARG_Bx(loopI);
    bool walkedOnce = false;
    for (const auto& loop : fr.repeating)
      if (loop.last == loopPc)
        walkedOnce = true;
    if (walkedOnce) { // the body ran once for "any number of times": end the loop
      write(p, a + 4, Value::nil());
      return next();
    }
    Value iter = read(p, a), state = read(p, a + 1), control = read(p, a + 2);
    if (iter.kind == VKind::Native && (iter.str == "ipairs_iter" || iter.str == "next") &&
        state.kind == VKind::Table && p.heap->table(state.ref).complete) {
      const Table& t = p.heap->table(state.ref);
      if (++fr.backEdges[loopPc] <= kMaxLoopIterations) {
        if (iter.str == "ipairs_iter") {
          std::int64_t n = control.kind == VKind::Integer ? control.integer + 1 : 1;
          const Value* v = t.find(Value::integer_(n));
          write(p, a + 4, v ? Value::integer_(n) : Value::nil());
          write(p, a + 5, v ? *v : Value::nil());
        } else {
          std::size_t at = 0;
          if (!control.isNil()) {
            at = t.entries.size();
            for (std::size_t e = 0; e < t.entries.size(); ++e)
              if (t.entries[e].first == control)
                at = e + 1;
          }
          bool has = at < t.entries.size();
          write(p, a + 4, has ? t.entries[at].first : Value::nil());
          write(p, a + 5, has ? t.entries[at].second : Value::nil());
        }
        for (int r = a + 6; r <= a + 3 + c; ++r)
          write(p, r, Value::nil());
        return next();
      }
    }
    // Iterations only the run knows: walk the body once, marked "repeats".
    markRepeating(p, first, loopPc, p.conds.size());
    Frame& fr2 = p.frames.back();
    fr2.pc = loopPc;
    std::string itemText = state.kind == VKind::Table || state.kind == VKind::Unknown
                               ? regText(p, a + 1)
                               : "the iterator";
    for (int r = a + 4; r <= a + 3 + c; ++r) {
      fr2.pc = first; // name the loop variables as the body sees them
      std::string var = localName(fr2, r);
      fr2.pc = loopPc;
      Unknown u;
      u.expr = var.empty() ? "(an item of " + itemText + ")" : var;
      u.file = ctx_.file;
      u.line = line(p);
      if (state.kind == VKind::Unknown) {
        u.fromParams = state.unknown->fromParams;
        u.secret = state.unknown->secret;
      }
      write(p, r, Value::of(ctx_.makeUnknown(std::move(u))));
    }
    if (iter.kind == VKind::Closure)
      runCallbacks(p, {iter}); // a custom iterator may act: plan it once
    return;
  }
  case OpCode::TFORLOOP: {
    Value v = read(p, a + 4);
    if (!v.isNil()) {
      write(p, a + 2, v);
      p.frames.back().pc = p.frames.back().pc + 1 - GETARG_Bx(i);
      return;
    }
    Frame& fr = p.frames.back();
    for (const auto& loop : fr.repeating)
      if (loop.last == fr.pc) {
        RepeatingLoop l = loop;
        next();
        leaveRepeatingLoop(p, l);
        return;
      }
    fr.backEdges.erase(fr.pc);
    return next();
  }
  case OpCode::SETLIST: {
    Value t = read(p, a);
    int n = b != 0 ? b : p.frames.back().top - a - 1;
    std::int64_t last = c;
    if (GETARG_k(i)) {
      last += static_cast<std::int64_t>(GETARG_Ax(proto.code[static_cast<std::size_t>(f.pc) + 1])) *
              (MAXARG_C + 1);
      next();
    }
    if (t.kind == VKind::Table) {
      Table& tab = p.heap->mutableTable(t.ref);
      for (int k = 1; k <= n; ++k)
        tab.set(Value::integer_(last + k), read(p, a + k));
    }
    return next();
  }
  case OpCode::CLOSURE: {
    const Closure& parent = *p.heap->closures[static_cast<std::size_t>(f.closure)];
    const Proto* child = proto.p[static_cast<std::size_t>(GETARG_Bx(i))].get();
    auto cl = std::make_shared<Closure>();
    cl->proto = child;
    for (const UpvalDesc& d : child->upvalues) {
      if (d.instack) {
        Frame& fr = p.frames.back();
        if (d.index >= fr.cellOf.size()) {
          fr.regs.resize(d.index + 1u);
          fr.cellOf.resize(d.index + 1u, -1);
        }
        int& cell = fr.cellOf[d.index];
        if (cell < 0)
          cell = p.heap->newCell(fr.regs[d.index]);
        cl->cells.push_back(cell);
      } else {
        cl->cells.push_back(parent.cells[d.index]);
      }
    }
    p.heap->closures.push_back(std::move(cl));
    write(p, a, Value::closure(static_cast<int>(p.heap->closures.size()) - 1));
    return next();
  }
  case OpCode::VARARG: {
    Frame& fr = p.frames.back();
    std::vector<Value> vs = fr.varargs;
    int n = c != 0 ? c - 1 : static_cast<int>(vs.size());
    for (int k = 0; k < n; ++k)
      write(p, a + k, k < static_cast<int>(vs.size()) ? vs[static_cast<std::size_t>(k)] : Value());
    if (c == 0)
      p.frames.back().top = a + n;
    return next();
  }
  }
  next();
}

} // namespace sloth::plan
