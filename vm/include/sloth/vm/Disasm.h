// A listing of a prototype in the style of `luac -l -l` (for `slothc dis` and for debugging the
// compiler's output).
#pragma once

#include "sloth/vm/Proto.h"

#include <string>

namespace sloth::vm {

// One instruction, e.g. "GETFIELD  0 0 1\t; \"name\"" (operands per the opcode table).
std::string disassembleInstruction(const Proto& p, int pc);

// The whole function: header, code with line numbers, constants, locals, upvalues; nested
// functions follow when recursive.
std::string disassemble(const Proto& p, bool recursive = true);

} // namespace sloth::vm
