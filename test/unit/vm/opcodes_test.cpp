#include "sloth/vm/Opcodes.h"
#include "sloth/vm/Proto.h"

#include <gtest/gtest.h>

#include <cstring>

using namespace sloth::vm;

TEST(Opcodes, EncodeDecodeRoundTrip) {
  Instruction i = CREATE_ABCk(OpCode::GETFIELD, 3, 200, 255, 1);
  EXPECT_EQ(GET_OPCODE(i), OpCode::GETFIELD);
  EXPECT_EQ(GETARG_A(i), 3);
  EXPECT_EQ(GETARG_B(i), 200);
  EXPECT_EQ(GETARG_C(i), 255);
  EXPECT_EQ(GETARG_k(i), 1);

  Instruction j = CREATE_AsBx(OpCode::LOADI, 7, -5);
  EXPECT_EQ(GETARG_sBx(j), -5);
  EXPECT_EQ(GETARG_A(j), 7);
  Instruction b = CREATE_ABx(OpCode::LOADK, 1, MAXARG_Bx);
  EXPECT_EQ(GETARG_Bx(b), MAXARG_Bx);

  Instruction s = CREATE_sJ(OpCode::JMP, -1000);
  EXPECT_EQ(GET_OPCODE(s), OpCode::JMP);
  EXPECT_EQ(GETARG_sJ(s), -1000);
  SETARG_sJ(s, 12345);
  EXPECT_EQ(GETARG_sJ(s), 12345);

  Instruction c = CREATE_ABC(OpCode::ADDI, 0, 1, int2sC(-3));
  EXPECT_EQ(GETARG_sC(c), -3);
}

TEST(Opcodes, TableIsComplete) {
  EXPECT_EQ(kNumOpcodes, static_cast<int>(OpCode::EXTRAARG) + 1);
  EXPECT_LE(kNumOpcodes, 1 << SIZE_OP);
  EXPECT_STREQ(opName(OpCode::TFORCALL), "TFORCALL");
  EXPECT_STREQ(kOpOperands[static_cast<int>(OpCode::ADDI)], "A B sC");
  // Arithmetic opcodes and metamethod events line up, as MMBIN relies on it.
  EXPECT_EQ(static_cast<int>(OpCode::SHR) - static_cast<int>(OpCode::ADD), TM_SHR - TM_ADD);
}

TEST(Proto, ConstantsKeepIntegerAndFloatApart) {
  Proto p;
  p.k.push_back(Constant::integer(1));
  p.k.push_back(Constant::number(1.0));
  p.k.push_back(Constant::string("x"));
  EXPECT_FALSE(p.k[0] == p.k[1]);
  EXPECT_TRUE(p.k[2] == Constant::string("x"));
  EXPECT_TRUE(Constant::nil().isNil());
}

#include "sloth/vm/Disassembler.h"

TEST(Disasm, ListsInstructionsWithOperandsAndConstants) {
  Proto p;
  p.source = "x.lua";
  p.k.push_back(Constant::string("name"));
  p.code.push_back(CREATE_ABC(OpCode::GETFIELD, 0, 1, 0));
  p.code.push_back(CREATE_ABC(OpCode::ADDI, 0, 0, int2sC(-1)));
  p.code.push_back(CREATE_sJ(OpCode::JMP, -3));
  p.lineinfo = {4, 4, 5};
  EXPECT_EQ(disassembleInstruction(p, 0), "GETFIELD \t0 1 0\t; \"name\"");
  EXPECT_EQ(disassembleInstruction(p, 1), "ADDI     \t0 0 -1");
  EXPECT_EQ(disassembleInstruction(p, 2), "JMP      \t-3\t; to 1");
  std::string all = disassemble(p);
  EXPECT_NE(all.find("\t2\t[4]\tADDI     \t0 0 -1\n"), std::string::npos) << all;
}
