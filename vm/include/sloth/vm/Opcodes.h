// The sloth bytecode: instruction encoding and the opcode table.
//
// Modelled on Lua 5.4's lopcodes.h so a compiler written against Lua 5.4's design needs no
// translation: same formats, same field widths, same opcode semantics (including the MMBIN
// fallback scheme for arithmetic). Differences from Lua 5.4 are marked "sloth:".
//
// Encoding (32 bits, opcode in the low 7 bits):
//
//   iABC   C(8) | B(8) | k(1) | A(8) | Op(7)
//   iABx        Bx(17)      | A(8) | Op(7)
//   iAsBx      sBx(17)      | A(8) | Op(7)
//   iAx            Ax(25)          | Op(7)
//   isJ            sJ(25)          | Op(7)
//
// Signed fields use excess-K: sBx = Bx - OFFSET_sBx, sJ = J - OFFSET_sJ, sB/sC = B/C - OFFSET_sC.
//
// Notation in the table: R[x] register x of the current frame; K[x] constant x; RK(x) is K[x]
// when the instruction's k bit is set, else R[x]; UpValue[x]; sB/sC signed 8-bit immediates;
// "pc++" skips the next instruction. A jump target is pc + 1 + offset.
//
// Conditional tests (EQ, LT, LE, EQK, EQI, LTI, LEI, GTI, GEI, TEST, TESTSET) are always followed
// by a JMP: "if (cond ~= k) then pc++" means the JMP is skipped when the condition differs from k.
//
// Arithmetic and bitwise instructions (ADD..SHR, ADDI, ADDK..BXORK, SHRI, SHLI) try the fast path
// (numbers) and on success skip the next instruction. The compiler must follow each of them with
// the matching MMBIN / MMBINI / MMBINK, which performs the metamethod (or raises the error):
//   ADD A B C          ->  MMBIN  B C TM_ADD        (A of MMBIN = first operand)
//   ADDI A B sC        ->  MMBINI B sC TM_ADD k=0   (k=1 when the immediate was the left operand)
//   ADDK A B C         ->  MMBINK B C TM_ADD k=0    (likewise)
// MMBIN* stores its result in R[A] of the *previous* instruction, as in Lua 5.4.
#pragma once

#include <cstdint>

namespace sloth::vm {

using Instruction = std::uint32_t;

// clang-format off
// X(NAME, "operands", "semantics")
#define SLOTH_OPCODES(X) \
  X(MOVE,       "A B",      "R[A] := R[B]")                                              \
  X(LOADI,      "A sBx",    "R[A] := sBx (integer)")                                     \
  X(LOADF,      "A sBx",    "R[A] := (double)sBx")                                       \
  X(LOADK,      "A Bx",     "R[A] := K[Bx]")                                             \
  X(LOADKX,     "A",        "R[A] := K[extra arg] (next instruction is EXTRAARG)")       \
  X(LOADFALSE,  "A",        "R[A] := false")                                             \
  X(LFALSESKIP, "A",        "R[A] := false; pc++")                                       \
  X(LOADTRUE,   "A",        "R[A] := true")                                              \
  X(LOADNIL,    "A B",      "R[A], R[A+1], ..., R[A+B] := nil")                          \
  X(GETUPVAL,   "A B",      "R[A] := UpValue[B]")                                        \
  X(SETUPVAL,   "A B",      "UpValue[B] := R[A]")                                        \
  X(GETTABUP,   "A B C",    "R[A] := UpValue[B][K[C]:string]")                           \
  X(GETTABLE,   "A B C",    "R[A] := R[B][R[C]]")                                        \
  X(GETI,       "A B C",    "R[A] := R[B][C] (C an unsigned integer)")                   \
  X(GETFIELD,   "A B C",    "R[A] := R[B][K[C]:string]")                                 \
  X(SETTABUP,   "A B C k",  "UpValue[A][K[B]:string] := RK(C)")                          \
  X(SETTABLE,   "A B C k",  "R[A][R[B]] := RK(C)")                                       \
  X(SETI,       "A B C k",  "R[A][B] := RK(C) (B an unsigned integer)")                  \
  X(SETFIELD,   "A B C k",  "R[A][K[B]:string] := RK(C)")                                \
  X(NEWTABLE,   "A B C k",  "R[A] := {} (B: log2(hash size)+1 or 0; C: array size, "      \
                            "plus EXTRAARG*(MAXARG_C+1) when k; next is always EXTRAARG)") \
  X(SELF,       "A B C k",  "R[A+1] := R[B]; R[A] := R[B][RK(C):string]")                \
  X(ADDI,       "A B sC",   "R[A] := R[B] + sC")                                         \
  X(ADDK,       "A B C",    "R[A] := R[B] + K[C]:number")                                \
  X(SUBK,       "A B C",    "R[A] := R[B] - K[C]:number")                                \
  X(MULK,       "A B C",    "R[A] := R[B] * K[C]:number")                                \
  X(MODK,       "A B C",    "R[A] := R[B] % K[C]:number")                                \
  X(POWK,       "A B C",    "R[A] := R[B] ^ K[C]:number")                                \
  X(DIVK,       "A B C",    "R[A] := R[B] / K[C]:number")                                \
  X(IDIVK,      "A B C",    "R[A] := R[B] // K[C]:number")                               \
  X(BANDK,      "A B C",    "R[A] := R[B] & K[C]:integer")                               \
  X(BORK,       "A B C",    "R[A] := R[B] | K[C]:integer")                               \
  X(BXORK,      "A B C",    "R[A] := R[B] ~ K[C]:integer")                               \
  X(SHRI,       "A B sC",   "R[A] := R[B] >> sC")                                        \
  X(SHLI,       "A B sC",   "R[A] := sC << R[B]")                                        \
  X(ADD,        "A B C",    "R[A] := R[B] + R[C]")                                       \
  X(SUB,        "A B C",    "R[A] := R[B] - R[C]")                                       \
  X(MUL,        "A B C",    "R[A] := R[B] * R[C]")                                       \
  X(MOD,        "A B C",    "R[A] := R[B] % R[C]")                                       \
  X(POW,        "A B C",    "R[A] := R[B] ^ R[C]")                                       \
  X(DIV,        "A B C",    "R[A] := R[B] / R[C]")                                       \
  X(IDIV,       "A B C",    "R[A] := R[B] // R[C]")                                      \
  X(BAND,       "A B C",    "R[A] := R[B] & R[C]")                                       \
  X(BOR,        "A B C",    "R[A] := R[B] | R[C]")                                       \
  X(BXOR,       "A B C",    "R[A] := R[B] ~ R[C]")                                       \
  X(SHL,        "A B C",    "R[A] := R[B] << R[C]")                                      \
  X(SHR,        "A B C",    "R[A] := R[B] >> R[C]")                                      \
  X(MMBIN,      "A B C",    "call C metamethod over R[A] and R[B]")                      \
  X(MMBINI,     "A sB C k", "call C metamethod over R[A] and sB (k: operands swapped)")  \
  X(MMBINK,     "A B C k",  "call C metamethod over R[A] and K[B] (k: operands swapped)")\
  X(UNM,        "A B",      "R[A] := -R[B]")                                             \
  X(BNOT,       "A B",      "R[A] := ~R[B]")                                             \
  X(NOT,        "A B",      "R[A] := not R[B]")                                          \
  X(LEN,        "A B",      "R[A] := #R[B] (length operator)")                           \
  X(CONCAT,     "A B",      "R[A] := R[A].. ... ..R[A + B - 1]")                         \
  X(CLOSE,      "A",        "close all upvalues >= R[A] (and call pending __close)")     \
  X(TBC,        "A",        "mark variable A \"to be closed\"")                          \
  X(JMP,        "sJ",       "pc += sJ")                                                  \
  X(EQ,         "A B k",    "if ((R[A] == R[B]) ~= k) then pc++")                        \
  X(LT,         "A B k",    "if ((R[A] <  R[B]) ~= k) then pc++")                        \
  X(LE,         "A B k",    "if ((R[A] <= R[B]) ~= k) then pc++")                        \
  X(EQK,        "A B k",    "if ((R[A] == K[B]) ~= k) then pc++")                        \
  X(EQI,        "A sB k",   "if ((R[A] == sB) ~= k) then pc++ (C: 1 if sB came from a float)") \
  X(LTI,        "A sB k",   "if ((R[A] < sB) ~= k) then pc++ (C: isfloat)")              \
  X(LEI,        "A sB k",   "if ((R[A] <= sB) ~= k) then pc++ (C: isfloat)")             \
  X(GTI,        "A sB k",   "if ((R[A] > sB) ~= k) then pc++ (C: isfloat)")              \
  X(GEI,        "A sB k",   "if ((R[A] >= sB) ~= k) then pc++ (C: isfloat)")             \
  X(TEST,       "A k",      "if (not R[A] == k) then pc++")                              \
  X(TESTSET,    "A B k",    "if (not R[B] == k) then pc++ else R[A] := R[B]")            \
  X(CALL,       "A B C",    "R[A], ... ,R[A+C-2] := R[A](R[A+1], ... ,R[A+B-1]) "        \
                            "(B=0: args up to top; C=0: keep all results, set top)")     \
  X(TAILCALL,   "A B C k",  "return R[A](R[A+1], ... ,R[A+B-1]) (C, k: ignored by sloth)") \
  X(RETURN,     "A B C k",  "return R[A], ... ,R[A+B-2] (B=0: up to top; C, k: ignored " \
                            "by sloth, which always closes pending upvalues/tbc)")       \
  X(RETURN0,    "",         "return")                                                    \
  X(RETURN1,    "A",        "return R[A]")                                               \
  X(FORLOOP,    "A Bx",     "update counters; if loop continues then pc-=Bx;")           \
  X(FORPREP,    "A Bx",     "<check values and prepare counters>; if not to run then pc+=Bx+1;") \
  X(TFORPREP,   "A Bx",     "create upvalue for R[A + 3]; pc+=Bx")                       \
  X(TFORCALL,   "A C",      "R[A+4], ... ,R[A+3+C] := R[A](R[A+1], R[A+2]);")            \
  X(TFORLOOP,   "A Bx",     "if R[A+2] ~= nil then { R[A]=R[A+2]; pc -= Bx }")           \
  X(SETLIST,    "A B C k",  "R[A][C+i] := R[A+i], 1 <= i <= B (B=0: up to top; "         \
                            "k: C += EXTRAARG*(MAXARG_C+1))")                             \
  X(CLOSURE,    "A Bx",     "R[A] := closure(KPROTO[Bx])")                               \
  X(VARARG,     "A C",      "R[A], R[A+1], ..., R[A+C-2] = vararg (C=0: all, set top)")  \
  X(VARARGPREP, "A",        "adjust vararg parameters (A = numparams); first instruction " \
                            "of every vararg function")                                  \
  X(EXTRAARG,   "Ax",       "extra (larger) argument for previous opcode")
// clang-format on

enum class OpCode : std::uint8_t {
#define SLOTH_X(name, operands, semantics) name,
  SLOTH_OPCODES(SLOTH_X)
#undef SLOTH_X
};

inline constexpr int kNumOpcodes = 0
#define SLOTH_X(name, operands, semantics) +1
    SLOTH_OPCODES(SLOTH_X)
#undef SLOTH_X
    ;

inline constexpr const char* kOpNames[] = {
#define SLOTH_X(name, operands, semantics) #name,
    SLOTH_OPCODES(SLOTH_X)
#undef SLOTH_X
};
inline constexpr const char* kOpOperands[] = {
#define SLOTH_X(name, operands, semantics) operands,
    SLOTH_OPCODES(SLOTH_X)
#undef SLOTH_X
};
inline constexpr const char* kOpSemantics[] = {
#define SLOTH_X(name, operands, semantics) semantics,
    SLOTH_OPCODES(SLOTH_X)
#undef SLOTH_X
};

inline const char* opName(OpCode op) {
  return kOpNames[static_cast<int>(op)];
}

// Whether an opcode writes register A (Lua's testAMode, with VARARGPREP, which only adjusts the
// frame, counted as not writing). The debug library's variable naming and the planner's loop
// widening both ask this.
inline constexpr bool opSetsA(OpCode op) {
  switch (op) {
  case OpCode::SETUPVAL:
  case OpCode::SETTABUP:
  case OpCode::SETTABLE:
  case OpCode::SETI:
  case OpCode::SETFIELD:
  case OpCode::MMBIN:
  case OpCode::MMBINI:
  case OpCode::MMBINK:
  case OpCode::CLOSE:
  case OpCode::TBC:
  case OpCode::JMP:
  case OpCode::EQ:
  case OpCode::LT:
  case OpCode::LE:
  case OpCode::EQK:
  case OpCode::EQI:
  case OpCode::LTI:
  case OpCode::LEI:
  case OpCode::GTI:
  case OpCode::GEI:
  case OpCode::TEST:
  case OpCode::RETURN:
  case OpCode::RETURN0:
  case OpCode::RETURN1:
  case OpCode::TFORPREP:
  case OpCode::TFORCALL:
  case OpCode::SETLIST:
  case OpCode::EXTRAARG:
  case OpCode::VARARGPREP:
    return false;
  default:
    return true;
  }
}

// Metamethod events, in Lua 5.4's order; MMBIN* carry one of these in C.
// TM_ADD..TM_SHR are in the same order as the opcodes ADD..SHR.
enum TMS : std::uint8_t {
  TM_INDEX,
  TM_NEWINDEX,
  TM_GC,
  TM_MODE,
  TM_LEN,
  TM_EQ,
  TM_ADD,
  TM_SUB,
  TM_MUL,
  TM_MOD,
  TM_POW,
  TM_DIV,
  TM_IDIV,
  TM_BAND,
  TM_BOR,
  TM_BXOR,
  TM_SHL,
  TM_SHR,
  TM_UNM,
  TM_BNOT,
  TM_LT,
  TM_LE,
  TM_CONCAT,
  TM_CALL,
  TM_CLOSE,
  TM_N
};

// --- field layout --------------------------------------------------------------------------
inline constexpr int SIZE_OP = 7;
inline constexpr int SIZE_A = 8;
inline constexpr int SIZE_B = 8;
inline constexpr int SIZE_C = 8;
inline constexpr int SIZE_Bx = SIZE_C + SIZE_B + 1;
inline constexpr int SIZE_Ax = SIZE_Bx + SIZE_A;
inline constexpr int SIZE_sJ = SIZE_Bx + SIZE_A;

inline constexpr int POS_OP = 0;
inline constexpr int POS_A = POS_OP + SIZE_OP;
inline constexpr int POS_k = POS_A + SIZE_A;
inline constexpr int POS_B = POS_k + 1;
inline constexpr int POS_C = POS_B + SIZE_B;
inline constexpr int POS_Bx = POS_k;
inline constexpr int POS_Ax = POS_A;
inline constexpr int POS_sJ = POS_A;

inline constexpr int MAXARG_A = (1 << SIZE_A) - 1;
inline constexpr int MAXARG_B = (1 << SIZE_B) - 1;
inline constexpr int MAXARG_C = (1 << SIZE_C) - 1;
inline constexpr int MAXARG_Bx = (1 << SIZE_Bx) - 1;
inline constexpr int MAXARG_Ax = (1 << SIZE_Ax) - 1;
inline constexpr int MAXARG_sJ = (1 << SIZE_sJ) - 1;
inline constexpr int OFFSET_sBx = MAXARG_Bx >> 1;
inline constexpr int OFFSET_sJ = MAXARG_sJ >> 1;
inline constexpr int OFFSET_sC = MAXARG_C >> 1;

// Lua 5.4: SETLIST flushes every LFIELDS_PER_FLUSH items; maximum registers per frame.
inline constexpr int LFIELDS_PER_FLUSH = 50;
inline constexpr int MAXREGS = 255;

// --- decoding ------------------------------------------------------------------------------
inline constexpr std::uint32_t field(Instruction i, int pos, int size) {
  return (i >> pos) & ((1u << size) - 1u);
}
inline constexpr OpCode GET_OPCODE(Instruction i) {
  return static_cast<OpCode>(field(i, POS_OP, SIZE_OP));
}
inline constexpr int GETARG_A(Instruction i) {
  return static_cast<int>(field(i, POS_A, SIZE_A));
}
inline constexpr int GETARG_B(Instruction i) {
  return static_cast<int>(field(i, POS_B, SIZE_B));
}
inline constexpr int GETARG_C(Instruction i) {
  return static_cast<int>(field(i, POS_C, SIZE_C));
}
inline constexpr int GETARG_k(Instruction i) {
  return static_cast<int>(field(i, POS_k, 1));
}
inline constexpr int GETARG_sB(Instruction i) {
  return GETARG_B(i) - OFFSET_sC;
}
inline constexpr int GETARG_sC(Instruction i) {
  return GETARG_C(i) - OFFSET_sC;
}
inline constexpr int GETARG_Bx(Instruction i) {
  return static_cast<int>(field(i, POS_Bx, SIZE_Bx));
}
inline constexpr int GETARG_sBx(Instruction i) {
  return GETARG_Bx(i) - OFFSET_sBx;
}
inline constexpr int GETARG_Ax(Instruction i) {
  return static_cast<int>(field(i, POS_Ax, SIZE_Ax));
}
inline constexpr int GETARG_sJ(Instruction i) {
  return static_cast<int>(field(i, POS_sJ, SIZE_sJ)) - OFFSET_sJ;
}

// --- encoding ------------------------------------------------------------------------------
// Arguments are not range-checked here; the compiler keeps them within MAXARG_*, and the bundle
// verifier re-checks them.
inline constexpr Instruction CREATE_ABCk(OpCode o, int a, int b, int c, int k) {
  return (static_cast<Instruction>(o) << POS_OP) | (static_cast<Instruction>(a) << POS_A) |
         (static_cast<Instruction>(b) << POS_B) | (static_cast<Instruction>(c) << POS_C) |
         (static_cast<Instruction>(k) << POS_k);
}
inline constexpr Instruction CREATE_ABC(OpCode o, int a, int b, int c) {
  return CREATE_ABCk(o, a, b, c, 0);
}
inline constexpr Instruction CREATE_ABx(OpCode o, int a, int bx) {
  return (static_cast<Instruction>(o) << POS_OP) | (static_cast<Instruction>(a) << POS_A) |
         (static_cast<Instruction>(bx) << POS_Bx);
}
inline constexpr Instruction CREATE_AsBx(OpCode o, int a, int sbx) {
  return CREATE_ABx(o, a, sbx + OFFSET_sBx);
}
inline constexpr Instruction CREATE_Ax(OpCode o, int ax) {
  return (static_cast<Instruction>(o) << POS_OP) | (static_cast<Instruction>(ax) << POS_Ax);
}
inline constexpr Instruction CREATE_sJ(OpCode o, int sj) {
  return (static_cast<Instruction>(o) << POS_OP) |
         (static_cast<Instruction>(sj + OFFSET_sJ) << POS_sJ);
}
// Signed 8-bit immediates (sB, sC) are stored excess-OFFSET_sC.
inline constexpr int int2sC(int i) {
  return i + OFFSET_sC;
}

// Setters, for back-patching jumps and the like.
inline constexpr void setField(Instruction& i, int pos, int size, std::uint32_t v) {
  std::uint32_t mask = ((1u << size) - 1u) << pos;
  i = (i & ~mask) | ((v << pos) & mask);
}
inline constexpr void SETARG_A(Instruction& i, int v) {
  setField(i, POS_A, SIZE_A, v);
}
inline constexpr void SETARG_B(Instruction& i, int v) {
  setField(i, POS_B, SIZE_B, v);
}
inline constexpr void SETARG_C(Instruction& i, int v) {
  setField(i, POS_C, SIZE_C, v);
}
inline constexpr void SETARG_k(Instruction& i, int v) {
  setField(i, POS_k, 1, v);
}
inline constexpr void SETARG_Bx(Instruction& i, int v) {
  setField(i, POS_Bx, SIZE_Bx, v);
}
inline constexpr void SETARG_sBx(Instruction& i, int v) {
  SETARG_Bx(i, v + OFFSET_sBx);
}
inline constexpr void SETARG_sJ(Instruction& i, int v) {
  setField(i, POS_sJ, SIZE_sJ, static_cast<std::uint32_t>(v + OFFSET_sJ));
}

} // namespace sloth::vm
