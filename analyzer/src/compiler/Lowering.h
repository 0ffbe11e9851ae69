// The walk over the AST that drives the code generator: expressions (ExprLowering.cpp),
// statements and blocks (StmtLowering.cpp), functions and the chunk (Compiler.cpp).
#pragma once

#include "FunctionState.h"

namespace sloth::compiler {

class Lowering {
public:
  Lowering(const LineOf& lineOf, std::string chunkName)
      : lineOf_(lineOf), chunkName_(std::move(chunkName)) {}

  std::unique_ptr<vm::Proto> compileMain(const ast::FunctionBody& main);

private:
  const LineOf& lineOf_;
  std::string chunkName_;
  FunctionState* fs_ = nullptr;

  // Functions (Compiler.cpp)
  std::unique_ptr<vm::Proto> compileFunction(const ast::FunctionBody& body, bool isMain);
  void closure(const ast::FunctionBody& body, ExprValue& e);

  // Expressions (ExprLowering.cpp)
  void expr(const ast::Expr* e, ExprValue& v);
  int exprList(const std::vector<ast::Expr*>& list, ExprValue& last);
  void name(const ast::NameExpr& n, ExprValue& v);
  void index(const ast::IndexExpr& e, ExprValue& v);
  void call(const ast::CallExpr& c, ExprValue& v);
  void methodCall(const ast::MethodCallExpr& c, ExprValue& v);
  void callArgs(const std::vector<ast::Expr*>& args, ExprValue& f, int line);
  void table(const ast::TableExpr& t, ExprValue& v);
  void binary(const ast::BinaryExpr& b, ExprValue& v);
  void adjustAssign(int nvars, int nexps, ExprValue& e);

  // Statements (StmtLowering.cpp)
  void block(const ast::Block& b, bool isRepeatBody = false);
  void statements(const ast::Block& b, bool isRepeatBody);
  void statement(const ast::Stat& s, bool isLastNoOp);
  void localStat(const ast::LocalStat& s);
  void assignStat(const ast::AssignStat& s);
  void callStat(const ast::CallStat& s);
  void whileStat(const ast::WhileStat& s);
  void repeatStat(const ast::RepeatStat& s);
  void ifStat(const ast::IfStat& s);
  void testThenBlock(const ast::Expr* condition, const ast::Block& then, bool hasMore,
                     int& escapeList);
  void numericFor(const ast::NumericForStat& s);
  void genericFor(const ast::GenericForStat& s);
  void forBody(int base, int line, const std::vector<ast::Local*>& vars, const ast::Block& body,
               bool isGeneric);
  void functionStat(const ast::FunctionStat& s);
  void localFunctionStat(const ast::LocalFunctionStat& s);
  void returnStat(const ast::ReturnStat& s);
  int condition(const ast::Expr* e);
  void checkToClose(int level);
};

} // namespace sloth::compiler
