// The compiler emits the same instruction shapes as Lua 5.4's luac for basic constructs, built
// here from hand-made ASTs.
#include "AstFixture.h"

using namespace sloth;
using namespace sloth::compiler;
using namespace sloth::compiler::testing;
using ast::BinaryOp;
using Code = std::vector<std::string>;

TEST(CodeShapes, GlobalCallWithStringConstant) {
  AstFixture t;
  t.callStat(t.call(t.global("print"), {t.string("hi")}));
  auto p = t.compileMain();
  ASSERT_TRUE(p);
  EXPECT_EQ(code(*p),
            (Code{"VARARGPREP 0", "GETTABUP 0 0 0", "LOADK 1 1", "CALL 0 2 1", "RETURN 0 1 1"}));
  EXPECT_EQ(p->upvalues.size(), 1u);
  EXPECT_EQ(p->upvalues[0].name, "_ENV");
}

TEST(CodeShapes, AddWithSmallImmediateAndMetamethodFallback) {
  AstFixture t;
  auto* a = t.newLocal("a");
  auto* b = t.newLocal("b");
  t.local({a}, {t.integer(1)});
  t.local({b}, {t.binary(BinaryOp::Add, t.ref(a), t.integer(2))});
  t.ret({t.ref(b)});
  auto p = t.compileMain();
  ASSERT_TRUE(p);
  EXPECT_EQ(code(*p), (Code{"VARARGPREP 0", "LOADI 0 1", "ADDI 1 0 2", "MMBINI 0 2 6 0",
                            "RETURN 1 2 1", "RETURN 2 1 1"}));
  ASSERT_EQ(p->locvars.size(), 2u);
  EXPECT_EQ(p->locvars[0].name, "a");
  EXPECT_EQ(p->locvars[1].name, "b");
}

TEST(CodeShapes, SubtractionOfConstantBecomesAddOfNegatedImmediate) {
  AstFixture t;
  auto* a = t.newLocal("a");
  t.local({a}, {t.global("x")});
  t.ret({t.binary(BinaryOp::Sub, t.ref(a), t.integer(1))});
  auto p = t.compileMain();
  ASSERT_TRUE(p);
  EXPECT_EQ(code(*p), (Code{"VARARGPREP 0", "GETTABUP 0 0 0", "ADDI 1 0 -1", "MMBINI 0 1 7 0",
                            "RETURN 1 2 1", "RETURN 1 1 1"}));
}

TEST(CodeShapes, LiteralArithmeticIsFolded) {
  AstFixture t;
  auto* x = t.newLocal("x");
  auto* y = t.newLocal("y");
  auto* z = t.newLocal("z");
  t.local({x, y, z}, {t.binary(BinaryOp::Pow, t.integer(2), t.integer(10)),
                      t.binary(BinaryOp::IDiv, t.integer(7), t.integer(2)),
                      t.binary(BinaryOp::IDiv, t.integer(1), t.integer(0))});
  auto p = t.compileMain();
  ASSERT_TRUE(p);
  // 1//0 is an error at run time, so it stays an operation.
  EXPECT_EQ(code(*p), (Code{"VARARGPREP 0", "LOADF 0 1024", "LOADI 1 3", "LOADI 2 1", "IDIVK 2 2 0",
                            "MMBINK 2 0 12 0", "RETURN 3 1 1"}));
}

TEST(CodeShapes, ConstLocalWithLiteralIsFoldedAndTakesNoRegister) {
  AstFixture t;
  auto* n = t.newLocal("N", ast::Attrib::Const);
  auto* y = t.newLocal("y");
  t.local({n}, {t.integer(10)});
  t.local({y}, {t.binary(BinaryOp::Mul, t.ref(n), t.integer(2))});
  t.ret({t.ref(y)});
  auto p = t.compileMain();
  ASSERT_TRUE(p);
  EXPECT_EQ(code(*p), (Code{"VARARGPREP 0", "LOADI 0 20", "RETURN 0 2 1", "RETURN 1 1 1"}));
  ASSERT_EQ(p->locvars.size(), 1u); // N is not a run-time variable
}

TEST(CodeShapes, ReturnOfCallIsATailCall) {
  AstFixture t;
  auto* f = t.beginFunction({"x"});
  t.ret({t.call(t.global("g"), {t.ref(f->params[0])})});
  t.endFunction();
  auto* fl = t.newLocal("f");
  t.local({fl}, {t.function(f)});
  auto p = t.compileMain();
  ASSERT_TRUE(p);
  ASSERT_EQ(p->p.size(), 1u);
  EXPECT_EQ(code(*p->p[0]),
            (Code{"GETTABUP 1 0 0", "MOVE 2 0", "TAILCALL 1 2 0", "RETURN 1 0 0", "RETURN0"}));
  // The nested function reaches _ENV through its parent's upvalue 0.
  ASSERT_EQ(p->p[0]->upvalues.size(), 1u);
  EXPECT_FALSE(p->p[0]->upvalues[0].instack);
  EXPECT_EQ(p->p[0]->upvalues[0].index, 0);
}

TEST(CodeShapes, MultipleAssignmentSwapsThroughRegisters) {
  AstFixture t;
  auto* a = t.newLocal("a");
  auto* b = t.newLocal("b");
  t.local({a, b}, {t.integer(1), t.integer(2)});
  t.assign({t.ref(a), t.ref(b)}, {t.ref(b), t.ref(a)});
  auto p = t.compileMain();
  ASSERT_TRUE(p);
  EXPECT_EQ(code(*p), (Code{"VARARGPREP 0", "LOADI 0 1", "LOADI 1 2", "MOVE 2 1", "MOVE 1 0",
                            "MOVE 0 2", "RETURN 2 1 1"}));
}

TEST(CodeShapes, AssignmentConflictCopiesTheTableFirst) {
  // local a = {}; a[1], a = 1, 2  -- a[1] must index the old a
  AstFixture t;
  auto* a = t.newLocal("a");
  t.local({a}, {t.ctx.make<ast::TableExpr>(t.here())});
  t.assign({t.index(t.ref(a), t.integer(1)), t.ref(a)}, {t.integer(1), t.integer(2)});
  auto p = t.compileMain();
  ASSERT_TRUE(p);
  EXPECT_EQ(code(*p), (Code{"VARARGPREP 0", "NEWTABLE 0 0 0", "EXTRAARG 0", "MOVE 1 0", "LOADI 2 1",
                            "LOADI 0 2", "SETI 1 1 2", "RETURN 1 1 1"}));
}

TEST(CodeShapes, FieldAccessUsesGetfieldAndSelf) {
  AstFixture t;
  auto* o = t.newLocal("o");
  t.local({o}, {t.global("obj")});
  auto* m = t.ctx.make<ast::MethodCallExpr>(t.here(), t.ref(o), "run");
  m->args = {t.field(t.ref(o), "name")};
  t.callStat(m);
  auto p = t.compileMain();
  ASSERT_TRUE(p);
  EXPECT_EQ(code(*p), (Code{"VARARGPREP 0", "GETTABUP 0 0 0", "SELF 1 0 1k", "GETFIELD 3 0 2",
                            "CALL 1 3 1", "RETURN 1 1 1"}));
}
