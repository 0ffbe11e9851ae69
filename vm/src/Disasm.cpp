// Bytecode listings.
#include "sloth/vm/Disasm.h"

#include <fmt/format.h>

#include <sstream>

namespace sloth::vm {

static std::string constantText(const Proto& p, int k) {
  if (k < 0 || static_cast<std::size_t>(k) >= p.k.size())
    return "?";
  const Constant& c = p.k[k];
  switch (c.value.index()) {
  case 0:
    return "nil";
  case 1:
    return std::get<bool>(c.value) ? "true" : "false";
  case 2:
    return fmt::format("{}", std::get<std::int64_t>(c.value));
  case 3:
    return fmt::format("{}", std::get<double>(c.value));
  default:
    return fmt::format("\"{}\"", std::get<std::string>(c.value));
  }
}

std::string disassembleInstruction(const Proto& p, int pc) {
  Instruction i = p.code[pc];
  OpCode op = GET_OPCODE(i);
  if (static_cast<int>(op) >= kNumOpcodes)
    return fmt::format("<bad opcode {}>", static_cast<int>(op));
  std::string out = fmt::format("{:<10}", opName(op));
  std::istringstream fields(kOpOperands[static_cast<int>(op)]);
  std::string f;
  bool first = true;
  while (fields >> f) {
    if (f == "k") {
      if (GETARG_k(i))
        out += "k";
      continue;
    }
    int v = 0;
    if (f == "A")
      v = GETARG_A(i);
    else if (f == "B")
      v = GETARG_B(i);
    else if (f == "C")
      v = GETARG_C(i);
    else if (f == "sB")
      v = GETARG_sB(i);
    else if (f == "sC")
      v = GETARG_sC(i);
    else if (f == "Bx")
      v = GETARG_Bx(i);
    else if (f == "sBx")
      v = GETARG_sBx(i);
    else if (f == "Ax")
      v = GETARG_Ax(i);
    else if (f == "sJ")
      v = GETARG_sJ(i);
    out += fmt::format("{}{}", first ? "" : " ", v);
    first = false;
  }
  std::string comment;
  switch (op) {
  case OpCode::LOADK:
    comment = constantText(p, GETARG_Bx(i));
    break;
  case OpCode::GETTABUP:
  case OpCode::GETFIELD:
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
    comment = constantText(p, GETARG_C(i));
    break;
  case OpCode::SETTABUP:
  case OpCode::SETFIELD:
    comment = constantText(p, GETARG_B(i));
    if (GETARG_k(i))
      comment += " " + constantText(p, GETARG_C(i));
    break;
  case OpCode::SELF:
    if (GETARG_k(i))
      comment = constantText(p, GETARG_C(i));
    break;
  case OpCode::EQK:
  case OpCode::MMBINK:
    comment = constantText(p, GETARG_B(i));
    break;
  case OpCode::JMP:
    comment = fmt::format("to {}", pc + 2 + GETARG_sJ(i));
    break;
  case OpCode::FORLOOP:
  case OpCode::TFORLOOP:
    comment = fmt::format("to {}", pc + 2 - GETARG_Bx(i));
    break;
  case OpCode::FORPREP:
    comment = fmt::format("exit to {}", pc + 3 + GETARG_Bx(i));
    break;
  case OpCode::TFORPREP:
    comment = fmt::format("to {}", pc + 2 + GETARG_Bx(i));
    break;
  default:
    break;
  }
  if (!comment.empty())
    out += "\t; " + comment;
  return out;
}

static void listFunction(const Proto& p, bool recursive, std::string& out) {
  out +=
      fmt::format("\n{} <{}:{},{}> ({} instructions)\n", p.linedefined == 0 ? "main" : "function",
                  p.source, p.linedefined, p.lastlinedefined, p.code.size());
  out += fmt::format("{}{} params, {} slots, {} upvalues, {} locals, {} constants, {} functions\n",
                     static_cast<int>(p.numparams), p.is_vararg ? "+" : "",
                     static_cast<int>(p.maxstacksize), p.upvalues.size(), p.locvars.size(),
                     p.k.size(), p.p.size());
  for (std::size_t pc = 0; pc < p.code.size(); pc++) {
    int line = p.lineAt(static_cast<int>(pc));
    out +=
        fmt::format("\t{}\t[{}]\t{}\n", pc + 1, line < 0 ? std::string("-") : std::to_string(line),
                    disassembleInstruction(p, static_cast<int>(pc)));
  }
  out += fmt::format("constants ({}):\n", p.k.size());
  for (std::size_t i = 0; i < p.k.size(); i++)
    out += fmt::format("\t{}\t{}\n", i, constantText(p, static_cast<int>(i)));
  out += fmt::format("locals ({}):\n", p.locvars.size());
  for (std::size_t i = 0; i < p.locvars.size(); i++)
    out += fmt::format("\t{}\t{}\t{}\t{}\n", i, p.locvars[i].name, p.locvars[i].startpc + 1,
                       p.locvars[i].endpc + 1);
  out += fmt::format("upvalues ({}):\n", p.upvalues.size());
  for (std::size_t i = 0; i < p.upvalues.size(); i++)
    out += fmt::format("\t{}\t{}\t{}\t{}\n", i, p.upvalues[i].name, p.upvalues[i].instack ? 1 : 0,
                       static_cast<int>(p.upvalues[i].index));
  if (recursive)
    for (const auto& child : p.p)
      listFunction(*child, true, out);
}

std::string disassemble(const Proto& p, bool recursive) {
  std::string out;
  listFunction(p, recursive, out);
  return out;
}

} // namespace sloth::vm
