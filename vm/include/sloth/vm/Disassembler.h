// A listing of compiled bytecode in the style of `luac -l -l`: each function's header, its
// instructions with line numbers and decoded operands, then its constants, locals and upvalues.
// Addresses are left out so the output is deterministic (lit tests pin it).
#pragma once

#include "sloth/vm/Proto.h"

#include <string>

namespace sloth::vm {

// The listing of `main` and, recursively, of every nested function.
std::string disassemble(const vm::Proto& main);

// One instruction as `OPNAME  A B C  ; comment`, without pc and line.
std::string disassembleInstruction(const vm::Proto& p, int pc);

} // namespace sloth::vm
