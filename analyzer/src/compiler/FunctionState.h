// The state of one function being compiled: the prototype under construction, the registers in
// use, the active local variables, the nested blocks, pending gotos and labels. Its member
// functions are the code generator proper (Lua's lcode.c), split by concern across
// Emit.cpp (instructions, constants, registers), Jumps.cpp (jump lists and patching),
// Discharge.cpp (placing expression values in registers), Operators.cpp (unary, binary,
// comparison operators) and Scopes.cpp (blocks, locals, upvalues, gotos).
#pragma once

#include "ConstantFolding.h"
#include "ExprValue.h"

#include "sloth/analyzer/Compiler.h"
#include "sloth/frontend/Ast.h"
#include "sloth/vm/Proto.h"

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace sloth::compiler {

// Raised for the limits Lua's compiler enforces (registers, upvalues, jump range) and for
// malformed input that the Resolver should have rejected. Caught at the top of compile().
struct CompileFailure {
  SourceRange range;
  std::string message;
};

// A local variable in scope.
struct ActiveVar {
  const ast::Local* local = nullptr; // nullptr for hidden loop-state variables
  std::string name;
  int reg = -1;        // its register; -1 for a compile-time constant
  int debugIndex = -1; // index in Proto::locvars, -1 for a compile-time constant
  bool compileTimeConst = false;
  Constant value;        // valid when compileTimeConst
  uint8_t upvalKind = 0; // Lua's kind for upvalue descriptors: 0 regular, 1 const, 2 close
};

// A lexical block (Lua's BlockCnt).
struct BlockScope {
  BlockScope* previous = nullptr;
  int firstLabel = 0;      // index of this block's first label in FunctionState::labels
  int firstGoto = 0;       // index of this block's first pending goto
  int activeCount = 0;     // active variables outside the block
  bool hasUpvalue = false; // some variable of the block is captured or to-be-closed
  bool isLoop = false;
  bool insideTbc = false; // inside the scope of a to-be-closed variable
};

// A label, or a pending goto (`break` is a goto to the label "break" at the loop's end).
struct JumpLabel {
  std::string name;
  int pc = 0; // the label's position, or the goto's jump list
  SourceRange range;
  int activeCount = 0;     // active variables at the label / goto
  int registerLevel = 0;   // registers in use by variables at that point
  bool needsClose = false; // a goto that leaves the scope of a captured variable
};

// A function's upvalue and what it refers to: a Local of an enclosing function, or the
// implicit `_ENV` (local == nullptr).
struct UpvalueRef {
  const ast::Local* local = nullptr;
};

class FunctionState {
public:
  FunctionState(FunctionState* parent, const ast::FunctionBody* body, const LineOf& lineOf);

  FunctionState* parent;
  const ast::FunctionBody* body;
  std::unique_ptr<vm::Proto> proto;
  BlockScope* block = nullptr;
  std::vector<ActiveVar> vars;
  std::vector<UpvalueRef> upvalueRefs;
  std::vector<JumpLabel> labels;
  std::vector<JumpLabel> pendingGotos;
  int freeReg = 0;
  int lastTarget = 0;       // pc of the last jump target (blocks peephole merges across it)
  bool needsClose = false;  // some return must close upvalues or to-be-closed variables
  int line = 0;             // source line given to the instructions emitted now
  SourceRange currentRange; // the construct being compiled, for limit errors

  // --- source positions (Emit.cpp)
  int lineAt(uint32_t offset) const { return lineOf_(offset); }
  void setLine(SourceRange r) {
    line = lineAt(r.begin);
    currentRange = r;
  }
  // Lua gives an instruction the line of the last token read before it is emitted: for code
  // that follows a whole construct (a store after its values, a block's CLOSE), its last line.
  void setLineToEnd(SourceRange r) { line = lineAt(r.end > r.begin ? r.end - 1 : r.begin); }
  [[noreturn]] void fail(SourceRange r, std::string message) const;
  [[noreturn]] void failHere(std::string message) const;

  // --- instructions (Emit.cpp)
  int pc() const { return static_cast<int>(proto->code.size()); }
  int emit(vm::Instruction i);
  int emitABC(vm::OpCode op, int a, int b, int c, int k = 0);
  int emitABx(vm::OpCode op, int a, int bx);
  int emitAsBx(vm::OpCode op, int a, int sbx);
  int emitExtraArg(int ax);
  vm::Instruction& instructionAt(int at) { return proto->code[static_cast<size_t>(at)]; }
  vm::Instruction& instructionOf(const ExprValue& e) { return instructionAt(e.info); }
  void fixLine(int l) { proto->lineinfo.back() = l; }
  void removeLastInstruction();
  // The previous instruction, when it may be merged with the next one (no jump lands between).
  vm::Instruction* mergeablePrevious();
  void loadNil(int from, int n);
  void loadConstant(int reg, int k);
  void loadInteger(int reg, int64_t i);
  void loadFloat(int reg, double d);
  void emitReturn(int first, int nret);
  void setTableSize(int at, int reg, int arraySize, int hashSize);
  void emitSetList(int base, int stored, int toStore);

  // --- constants (Emit.cpp)
  int constantIndex(const vm::Constant& c);
  int stringConstant(const std::string& s) { return constantIndex(vm::Constant::string(s)); }
  int integerConstant(int64_t i) { return constantIndex(vm::Constant::integer(i)); }
  int floatConstant(double d) { return constantIndex(vm::Constant::number(d)); }

  // --- registers (Emit.cpp)
  void checkStack(int n);
  void reserveRegs(int n);
  void freeRegister(int reg);
  void freeExpr(const ExprValue& e);
  void freeExprs(const ExprValue& e1, const ExprValue& e2);
  // Registers used by the first `count` active variables (compile-time constants use none).
  int registerLevel(int count) const;
  int activeRegisters() const { return registerLevel(static_cast<int>(vars.size())); }

  // --- jumps (Jumps.cpp)
  int jump();
  int conditionalJump(vm::OpCode op, int a, int b, int c, int k);
  int markLabel(); // the current pc, marked as a jump target
  void concatJumps(int& list, int other);
  void patchList(int list, int target);
  void patchToHere(int list);
  void jumpTo(int target) { patchList(jump(), target); }
  int jumpDestination(int at) const;
  void fixJump(int at, int destination);
  void patchListAux(int list, int valueTarget, int reg, int defaultTarget);
  bool needsValue(int list);
  void removeValues(int list);
  bool patchTestRegister(int node, int reg);
  vm::Instruction& jumpControl(int at);
  void negateCondition(ExprValue& e);
  void fixForJump(int at, int destination, bool back);
  void finish(); // final pass: returns of vararg/closing functions, jump chains

  // --- expression values (Discharge.cpp)
  void setReturns(ExprValue& e, int nresults);
  void setMultiReturn(ExprValue& e) { setReturns(e, -1); }
  void setOneReturn(ExprValue& e);
  void dischargeVars(ExprValue& e);
  void dischargeToReg(ExprValue& e, int reg);
  void dischargeToAnyReg(ExprValue& e);
  void exprToReg(ExprValue& e, int reg);
  void exprToNextReg(ExprValue& e);
  int exprToAnyReg(ExprValue& e);
  void exprToAnyRegOrUpval(ExprValue& e);
  void exprToValue(ExprValue& e);
  bool exprToK(ExprValue& e);
  bool exprToRK(ExprValue& e);
  void storeVar(const ExprValue& var, ExprValue& value);
  void self(ExprValue& e, ExprValue& key);
  void indexed(ExprValue& t, ExprValue& key);
  void goIfTrue(ExprValue& e);
  void goIfFalse(ExprValue& e);
  void stringToK(ExprValue& e);
  bool isKString(const ExprValue& e) const;
  static bool isKInt(const ExprValue& e) { return e.kind == ValueKind::KInt && !e.hasJumps(); }
  static ExprValue fromConstant(const Constant& c);
  static bool toConstant(const ExprValue& e, Constant& out);

  // --- operators (Operators.cpp)
  void prefix(ast::UnaryOp op, ExprValue& e, int opLine);
  void infix(ast::BinaryOp op, ExprValue& v);
  void posfix(ast::BinaryOp op, ExprValue& e1, ExprValue& e2, int opLine);

  // --- scopes, variables, upvalues, gotos (Scopes.cpp)
  void enterBlock(BlockScope& b, bool isLoop);
  void leaveBlock();
  // Declares variables (not yet active: their initialisers are compiled first).
  void declareLocal(const ast::Local* local, std::string name);
  // Activates the last `n` declared variables, giving each the next register.
  void activateLocals(int n);
  void removeVars(int toLevel);
  ActiveVar& declaredBack() { return declared_.back(); }
  void markToBeClosed();
  void markUpvalue(int varIndex);
  // Resolves a variable reference: a local of this function, an upvalue, or a compile-time
  // constant. `base` is false when resolving on behalf of a nested function.
  ExprValue resolveLocal(const ast::Local* local, SourceRange at, bool base = true);
  ExprValue resolveGlobal(const std::string& name, SourceRange at);
  ExprValue resolveEnv(SourceRange at); // the name `_ENV` when no local of that name is bound
  int addUpvalue(const ast::Local* local, const std::string& name, const ExprValue& outer);
  void addGoto(const std::string& name, SourceRange at, int jumpList);
  void gotoStatement(const std::string& name, SourceRange at);
  bool createLabel(const std::string& name, SourceRange at, bool last);

private:
  std::vector<ActiveVar> declared_;
  std::map<std::pair<int, std::string>, int> constantSlots_;
  const LineOf& lineOf_;

  int findVar(const ast::Local* local) const;
  int findUpvalue(const ast::Local* local) const;
  bool solveGotos(const JumpLabel& label);
  void moveGotosOut(const BlockScope& b, int outerRegisterLevel);
  const JumpLabel* findLabel(const std::string& name) const;
};

} // namespace sloth::compiler
