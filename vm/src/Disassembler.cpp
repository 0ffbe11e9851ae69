#include "sloth/vm/Disassembler.h"

#include <fmt/format.h>

#include <cmath>
#include <variant>

namespace sloth::vm {

namespace {

std::string quoted(const std::string& s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    switch (c) {
    case '"':
      out += "\\\"";
      break;
    case '\\':
      out += "\\\\";
      break;
    case '\n':
      out += "\\n";
      break;
    case '\r':
      out += "\\r";
      break;
    case '\t':
      out += "\\t";
      break;
    case '\a':
      out += "\\a";
      break;
    case '\b':
      out += "\\b";
      break;
    case '\f':
      out += "\\f";
      break;
    case '\v':
      out += "\\v";
      break;
    default:
      if (c < 0x20 || c >= 0x7f)
        out += fmt::format("\\{:03d}", c);
      else
        out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

// A float as Lua prints it (%.14g), with ".0" added when it looks like an integer.
std::string floatText(double d) {
  if (std::isinf(d))
    return d > 0 ? "inf" : "-inf";
  if (std::isnan(d))
    return d != d && std::signbit(d) ? "-nan" : "nan";
  std::string s = fmt::format("{:.14g}", d);
  if (s.find_first_of(".eEn") == std::string::npos)
    s += ".0";
  return s;
}

std::string constantText(const vm::Constant& c) {
  return std::visit(
      [](const auto& v) -> std::string {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, vm::Constant::Nil>)
          return "nil";
        else if constexpr (std::is_same_v<T, bool>)
          return v ? "true" : "false";
        else if constexpr (std::is_same_v<T, int64_t>)
          return std::to_string(v);
        else if constexpr (std::is_same_v<T, double>)
          return floatText(v);
        else
          return quoted(v);
      },
      c.value);
}

char constantTag(const vm::Constant& c) {
  static constexpr char tags[] = {'N', 'B', 'I', 'F', 'S'};
  return tags[c.value.index()];
}

std::string k(const vm::Proto& p, int index) {
  if (index < 0 || static_cast<size_t>(index) >= p.k.size())
    return "?";
  return constantText(p.k[static_cast<size_t>(index)]);
}

std::string upvalueName(const vm::Proto& p, int index) {
  if (index < 0 || static_cast<size_t>(index) >= p.upvalues.size())
    return "-";
  const std::string& name = p.upvalues[static_cast<size_t>(index)].name;
  return name.empty() ? "-" : name;
}

const char* const kEventNames[] = {"index", "newindex", "gc",   "mode", "len", "eq",   "add",
                                   "sub",   "mul",      "mod",  "pow",  "div", "idiv", "band",
                                   "bor",   "bxor",     "shl",  "shr",  "unm", "bnot", "lt",
                                   "le",    "concat",   "call", "close"};

std::string eventName(int e) {
  return e >= 0 && e < vm::TM_N ? std::string("__") + kEventNames[e] : "?";
}

std::string functionHeader(const vm::Proto& p, bool isMain) {
  std::string out =
      fmt::format("\n{} <{}:{},{}> ({} instruction{})\n", isMain ? "main" : "function", p.source,
                  p.linedefined, p.lastlinedefined, p.code.size(), p.code.size() == 1 ? "" : "s");
  auto plural = [](size_t n, const char* word) {
    return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
  };
  out += fmt::format("{}{} param{}, {}, {}, {}, {}, {}\n", static_cast<int>(p.numparams),
                     p.is_vararg ? "+" : "", p.numparams == 1 ? "" : "s",
                     plural(p.maxstacksize, "slot"), plural(p.upvalues.size(), "upvalue"),
                     plural(p.locvars.size(), "local"), plural(p.k.size(), "constant"),
                     plural(p.p.size(), "function"));
  return out;
}

void list(const vm::Proto& p, bool isMain, std::string& out) {
  out += functionHeader(p, isMain);
  for (int pc = 0; pc < static_cast<int>(p.code.size()); ++pc) {
    int line = p.lineAt(pc);
    out += fmt::format("\t{}\t[{}]\t{}\n", pc + 1, line >= 0 ? std::to_string(line) : "-",
                       disassembleInstruction(p, pc));
  }
  out += fmt::format("constants ({}):\n", p.k.size());
  for (size_t i = 0; i < p.k.size(); ++i)
    out += fmt::format("\t{}\t{}\t{}\n", i, constantTag(p.k[i]), constantText(p.k[i]));
  out += fmt::format("locals ({}):\n", p.locvars.size());
  for (size_t i = 0; i < p.locvars.size(); ++i)
    out += fmt::format("\t{}\t{}\t{}\t{}\n", i, p.locvars[i].name, p.locvars[i].startpc + 1,
                       p.locvars[i].endpc + 1);
  out += fmt::format("upvalues ({}):\n", p.upvalues.size());
  for (size_t i = 0; i < p.upvalues.size(); ++i)
    out +=
        fmt::format("\t{}\t{}\t{}\t{}\n", i, p.upvalues[i].name.empty() ? "-" : p.upvalues[i].name,
                    p.upvalues[i].instack ? 1 : 0, static_cast<int>(p.upvalues[i].index));
  for (const auto& child : p.p)
    list(*child, false, out);
}

} // namespace

std::string disassembleInstruction(const vm::Proto& p, int pc) {
  vm::Instruction i = p.code[static_cast<size_t>(pc)];
  OpCode op = vm::GET_OPCODE(i);
  int a = vm::GETARG_A(i), b = vm::GETARG_B(i), c = vm::GETARG_C(i), kbit = vm::GETARG_k(i);
  int sb = vm::GETARG_sB(i), sc = vm::GETARG_sC(i), bx = vm::GETARG_Bx(i);
  int sbx = vm::GETARG_sBx(i);
  std::string operands;
  std::string comment;
  auto rk = [&](int x) { return kbit ? fmt::format("{}k", x) : std::to_string(x); };
  auto rkComment = [&](int x) { return kbit ? k(p, x) : std::string(); };
  switch (op) {
  case OpCode::MOVE:
  case OpCode::UNM:
  case OpCode::BNOT:
  case OpCode::NOT:
  case OpCode::LEN:
  case OpCode::CONCAT:
    operands = fmt::format("{} {}", a, b);
    break;
  case OpCode::LOADI:
  case OpCode::LOADF:
    operands = fmt::format("{} {}", a, sbx);
    break;
  case OpCode::LOADK:
    operands = fmt::format("{} {}", a, bx);
    comment = k(p, bx);
    break;
  case OpCode::LOADKX:
  case OpCode::LOADFALSE:
  case OpCode::LFALSESKIP:
  case OpCode::LOADTRUE:
  case OpCode::CLOSE:
  case OpCode::TBC:
  case OpCode::RETURN1:
    operands = std::to_string(a);
    break;
  case OpCode::VARARGPREP:
    operands = std::to_string(a);
    break;
  case OpCode::LOADNIL:
    operands = fmt::format("{} {}", a, b);
    comment = fmt::format("{} out", b + 1);
    break;
  case OpCode::GETUPVAL:
  case OpCode::SETUPVAL:
    operands = fmt::format("{} {}", a, b);
    comment = upvalueName(p, b);
    break;
  case OpCode::GETTABUP:
    operands = fmt::format("{} {} {}", a, b, c);
    comment = upvalueName(p, b) + " " + k(p, c);
    break;
  case OpCode::GETTABLE:
  case OpCode::GETI:
    operands = fmt::format("{} {} {}", a, b, c);
    break;
  case OpCode::GETFIELD:
    operands = fmt::format("{} {} {}", a, b, c);
    comment = k(p, c);
    break;
  case OpCode::SETTABUP:
    operands = fmt::format("{} {} {}", a, b, rk(c));
    comment = upvalueName(p, a) + " " + k(p, b);
    if (kbit)
      comment += " " + k(p, c);
    break;
  case OpCode::SETTABLE:
  case OpCode::SETI:
    operands = fmt::format("{} {} {}", a, b, rk(c));
    comment = rkComment(c);
    break;
  case OpCode::SETFIELD:
    operands = fmt::format("{} {} {}", a, b, rk(c));
    comment = k(p, b);
    if (kbit)
      comment += " " + k(p, c);
    break;
  case OpCode::NEWTABLE:
    operands = fmt::format("{} {} {}", a, b, c);
    comment = fmt::format(
        "{}", c + (pc + 1 < static_cast<int>(p.code.size()) && kbit
                       ? vm::GETARG_Ax(p.code[static_cast<size_t>(pc) + 1]) * (vm::MAXARG_C + 1)
                       : 0));
    break;
  case OpCode::SELF:
    operands = fmt::format("{} {} {}", a, b, rk(c));
    comment = rkComment(c);
    break;
  case OpCode::ADDI:
  case OpCode::SHRI:
  case OpCode::SHLI:
    operands = fmt::format("{} {} {}", a, b, sc);
    break;
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
    operands = fmt::format("{} {} {}", a, b, c);
    comment = k(p, c);
    break;
  case OpCode::MMBIN:
    operands = fmt::format("{} {} {}", a, b, c);
    comment = eventName(c);
    break;
  case OpCode::MMBINI:
    operands = fmt::format("{} {} {} {}", a, sb, c, kbit);
    comment = eventName(c) + (kbit ? " flip" : "");
    break;
  case OpCode::MMBINK:
    operands = fmt::format("{} {} {} {}", a, b, c, kbit);
    comment = eventName(c) + " " + k(p, b) + (kbit ? " flip" : "");
    break;
  case OpCode::JMP:
    operands = std::to_string(vm::GETARG_sJ(i));
    comment = fmt::format("to {}", vm::GETARG_sJ(i) + pc + 2);
    break;
  case OpCode::EQ:
  case OpCode::LT:
  case OpCode::LE:
    operands = fmt::format("{} {} {}", a, b, kbit);
    break;
  case OpCode::EQK:
    operands = fmt::format("{} {} {}", a, b, kbit);
    comment = k(p, b);
    break;
  case OpCode::EQI:
  case OpCode::LTI:
  case OpCode::LEI:
  case OpCode::GTI:
  case OpCode::GEI:
    operands = fmt::format("{} {} {}", a, sb, kbit);
    break;
  case OpCode::TEST:
    operands = fmt::format("{} {}", a, kbit);
    break;
  case OpCode::TESTSET:
    operands = fmt::format("{} {} {}", a, b, kbit);
    break;
  case OpCode::CALL:
    operands = fmt::format("{} {} {}", a, b, c);
    comment = fmt::format("{} in {} out", b == 0 ? std::string("all") : std::to_string(b - 1),
                          c == 0 ? std::string("all") : std::to_string(c - 1));
    break;
  case OpCode::TAILCALL:
    operands = fmt::format("{} {} {}{}", a, b, c, kbit ? "k" : "");
    comment = fmt::format("{} in", b - 1); // luac prints -1 for "up to the top"
    break;
  case OpCode::RETURN:
    operands = fmt::format("{} {} {}{}", a, b, c, kbit ? "k" : "");
    comment = fmt::format("{} out", b == 0 ? std::string("all") : std::to_string(b - 1));
    break;
  case OpCode::RETURN0:
    break;
  case OpCode::FORLOOP:
  case OpCode::TFORLOOP:
    operands = fmt::format("{} {}", a, bx);
    comment = fmt::format("to {}", pc - bx + 2);
    break;
  case OpCode::FORPREP:
    operands = fmt::format("{} {}", a, bx);
    comment = fmt::format("exit to {}", pc + bx + 3);
    break;
  case OpCode::TFORPREP:
    operands = fmt::format("{} {}", a, bx);
    comment = fmt::format("to {}", pc + bx + 2);
    break;
  case OpCode::TFORCALL:
    operands = fmt::format("{} {}", a, c);
    break;
  case OpCode::SETLIST:
    operands = fmt::format("{} {} {}", a, b, c);
    if (kbit)
      comment = fmt::format(
          "{}", c + (pc + 1 < static_cast<int>(p.code.size())
                         ? vm::GETARG_Ax(p.code[static_cast<size_t>(pc) + 1]) * (vm::MAXARG_C + 1)
                         : 0));
    break;
  case OpCode::CLOSURE:
    operands = fmt::format("{} {}", a, bx);
    break;
  case OpCode::VARARG:
    operands = fmt::format("{} {}", a, c);
    comment = c == 0 ? std::string("all out") : fmt::format("{} out", c - 1);
    break;
  case OpCode::EXTRAARG:
    operands = std::to_string(vm::GETARG_Ax(i));
    break;
  default:
    operands = fmt::format("{} {} {}", a, b, c);
    break;
  }
  std::string text = fmt::format("{:<9}\t{}", vm::opName(op), operands);
  if (!comment.empty())
    text += "\t; " + comment;
  return text;
}

std::string disassemble(const vm::Proto& main) {
  std::string out;
  list(main, true, out);
  return out;
}

} // namespace sloth::vm
