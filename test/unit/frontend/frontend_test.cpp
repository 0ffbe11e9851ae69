#include "sloth/frontend/AstDump.h"
#include "sloth/frontend/Frontend.h"

#include <gtest/gtest.h>

#include <string>

namespace {

using namespace sloth;
using namespace sloth::ast;

struct Parsed {
  SourceManager sources;
  DiagnosticEngine diags;
  std::optional<ParsedChunk> chunk;
  FileId file = 0;

  const Block& main() const { return *chunk->chunk.main->body; }
  std::string firstMessage() const {
    return diags.diagnostics().empty() ? "" : diags.diagnostics().front().message;
  }
};

std::unique_ptr<Parsed> parse(std::string text) {
  auto p = std::make_unique<Parsed>();
  p->chunk = parseSource(p->sources, "test.lua", std::move(text), p->diags);
  p->file = 0;
  return p;
}

TEST(SourceManager, LinesAndColumnsAreOneBasedBytes) {
  SourceManager sm;
  FileId f = sm.addBuffer("a.lua", "ab\ncd\r\nef\n\rgh");
  EXPECT_EQ(sm.lineCount(f), 4u);
  EXPECT_EQ(sm.describe(f, 0), "a.lua:1:1");
  EXPECT_EQ(sm.describe(f, 4), "a.lua:2:2");
  EXPECT_EQ(sm.describe(f, 7), "a.lua:3:1");
  EXPECT_EQ(sm.lineOf(f, 11), 4u);
  EXPECT_EQ(sm.lineText(f, 2), "cd");
  EXPECT_EQ(sm.lineText(f, 9), "");
  EXPECT_EQ(sm.describe(f, 1000), "a.lua:4:3"); // clamps to the end
}

TEST(SourceManager, UnreadableFileSaysWhy) {
  SourceManager sm;
  std::string error;
  EXPECT_FALSE(sm.addFile("/nonexistent/x.lua", error));
  EXPECT_EQ(error, "No such file or directory");
}

TEST(Builder, EveryNodeHasItsSourceRange) {
  auto p = parse("local x = a.b + f(1)");
  ASSERT_TRUE(p->chunk);
  auto* local = p->main().stats[0]->as<LocalStat>();
  ASSERT_TRUE(local);
  EXPECT_EQ(local->range.begin, 0u);
  EXPECT_EQ(local->range.end, 20u);
  auto* add = local->values[0]->as<BinaryExpr>();
  ASSERT_TRUE(add);
  EXPECT_EQ(add->op, BinaryOp::Add);
  EXPECT_EQ(add->opRange.begin, 14u);
  auto* call = add->rhs->as<CallExpr>();
  ASSERT_TRUE(call);
  EXPECT_EQ(call->range.begin, 16u);
  EXPECT_EQ(call->argsRange.begin, 17u);
  EXPECT_EQ(call->argsRange.end, 20u);
}

TEST(Builder, NumbersAndStringsAreDecoded) {
  auto p = parse("return 0x10, 1e1, '\\u{48}\\105'");
  ASSERT_TRUE(p->chunk);
  auto* ret = p->main().stats[0]->as<ReturnStat>();
  ASSERT_EQ(ret->values.size(), 3u);
  EXPECT_EQ(ret->values[0]->as<NumberExpr>()->integer, 16);
  EXPECT_EQ(ret->values[1]->as<NumberExpr>()->number, 10.0);
  EXPECT_FALSE(ret->values[1]->as<NumberExpr>()->isInteger);
  EXPECT_EQ(ret->values[2]->as<StringExpr>()->value, "Hi");
}

TEST(Builder, MethodDefinitionGetsSelf) {
  auto p = parse("function obj.field:method(a) return self end");
  ASSERT_TRUE(p->chunk);
  auto* fn = p->main().stats[0]->as<FunctionStat>();
  ASSERT_TRUE(fn);
  EXPECT_TRUE(fn->isMethod);
  EXPECT_EQ(fn->body->name, "obj.field:method");
  ASSERT_EQ(fn->body->params.size(), 2u);
  EXPECT_TRUE(fn->body->params[0]->isSelf);
  auto* ret = fn->body->body->stats[0]->as<ReturnStat>();
  EXPECT_EQ(ret->values[0]->as<NameExpr>()->local, fn->body->params[0]);
}

TEST(Builder, LeadingTripleDashCommentsAttachToTheStatement) {
  auto p = parse("-- not this\n\n---@param x string\n---@return nil\nfunction f(x) end\n");
  ASSERT_TRUE(p->chunk);
  const Stat* s = p->main().stats[0];
  ASSERT_EQ(s->leadingComments.size(), 2u);
  EXPECT_EQ(s->leadingComments[0]->text, "-@param x string");
  EXPECT_EQ(p->chunk->chunk.comments.size(), 3u);
}

TEST(Builder, StatementShapeErrors) {
  EXPECT_FALSE(parse("x")->chunk);
  EXPECT_FALSE(parse("(f)() = 1")->chunk);
  EXPECT_FALSE(parse("(a) = 1")->chunk);
  EXPECT_TRUE(parse("(f)()")->chunk);
  EXPECT_TRUE(parse("a.b[c], d = 1, 2")->chunk);
}

TEST(Resolver, LocalsGlobalsAndUpvalues) {
  auto p = parse("local a = 1\n"
                 "local function f()\n"
                 "  local b = a\n"
                 "  return function() return a, b, c end\n"
                 "end\n");
  ASSERT_TRUE(p->chunk);
  auto* a = p->main().stats[0]->as<LocalStat>()->locals[0];
  auto* f = p->main().stats[1]->as<LocalFunctionStat>();
  EXPECT_TRUE(a->captured);
  EXPECT_EQ(a->useCount, 2u);
  EXPECT_EQ(a->owner, p->chunk->chunk.main);
  ASSERT_EQ(f->body->captures.size(), 1u);
  EXPECT_EQ(f->body->captures[0], a);
  auto* ret = f->body->body->stats[1]->as<ReturnStat>();
  FunctionBody* inner = ret->values[0]->as<FunctionExpr>()->body;
  EXPECT_EQ(inner->parent, f->body);
  ASSERT_EQ(inner->captures.size(), 2u);
  EXPECT_EQ(inner->captures[0], a);
  auto* values = inner->body->stats[0]->as<ReturnStat>();
  EXPECT_EQ(values->values[2]->as<NameExpr>()->local, nullptr); // c is a global
  EXPECT_EQ(f->body->locals.size(), 1u);
}

TEST(Resolver, ShadowingAndAssignment) {
  auto p = parse("local x = 1\ndo local x = x; x = 2 end\nx = 3");
  ASSERT_TRUE(p->chunk);
  auto* outer = p->main().stats[0]->as<LocalStat>()->locals[0];
  auto* inner = p->main().stats[1]->as<DoStat>()->body->stats[0]->as<LocalStat>();
  EXPECT_EQ(inner->values[0]->as<NameExpr>()->local, outer); // `local x = x` sees the outer x
  EXPECT_TRUE(inner->locals[0]->assigned);
  EXPECT_TRUE(outer->assigned);
}

TEST(Resolver, RepeatConditionSeesBodyLocals) {
  auto p = parse("repeat local done = true until done");
  ASSERT_TRUE(p->chunk);
  auto* rep = p->main().stats[0]->as<RepeatStat>();
  EXPECT_EQ(rep->condition->as<NameExpr>()->local, rep->body->stats[0]->as<LocalStat>()->locals[0]);
}

TEST(Resolver, GotoTargets) {
  auto p = parse("::top:: goto top\ndo goto out end ::out::");
  ASSERT_TRUE(p->chunk);
  auto* label = p->main().stats[0]->as<LabelStat>();
  EXPECT_EQ(p->main().stats[1]->as<GotoStat>()->target, label);
  auto* inner = p->main().stats[2]->as<DoStat>()->body->stats[0]->as<GotoStat>();
  EXPECT_EQ(inner->target, p->main().stats[3]->as<LabelStat>());
}

TEST(Resolver, LuaCompileTimeErrors) {
  EXPECT_EQ(parse("break")->firstMessage(), "break outside a loop");
  EXPECT_EQ(parse("while true do local function f() break end end")->firstMessage(),
            "break outside a loop");
  EXPECT_EQ(parse("goto x")->firstMessage(), "no visible label 'x' for <goto>");
  EXPECT_EQ(parse("do ::x:: end goto x")->firstMessage(), "no visible label 'x' for <goto>");
  EXPECT_EQ(parse("::x:: local function f() goto x end")->firstMessage(),
            "no visible label 'x' for <goto>");
  EXPECT_EQ(parse("goto x; local a; ::x:: print(a)")->firstMessage(),
            "<goto x> at line 1 jumps into the scope of local 'a'");
  EXPECT_EQ(parse("::a:: do ::a:: end")->firstMessage(), "label 'a' already defined on line 1");
  EXPECT_EQ(parse("local c <const> = 1; function c() end")->firstMessage(),
            "attempt to assign to const variable 'c'");
  EXPECT_EQ(parse("local function f() return ... end")->firstMessage(),
            "cannot use '...' outside a vararg function near '...'");
}

TEST(Resolver, ValidGotoForms) {
  // A label at the end of a block may be jumped to past local declarations (Lua 5.4 §3.3.4).
  EXPECT_TRUE(parse("do goto e; local a ::e:: end")->chunk);
  EXPECT_TRUE(parse("do goto e; local a ::e:: ; ::f:: end")->chunk);
  // But not in a repeat block, whose `until` still sees the locals.
  EXPECT_FALSE(parse("repeat goto e; local a ::e:: until a")->chunk);
  // Sibling blocks may reuse a label name.
  EXPECT_TRUE(parse("do ::a:: end do ::a:: end")->chunk);
  EXPECT_TRUE(parse("for i = 1, 2 do goto continue; ::continue:: end")->chunk);
}

TEST(Frontend, EmptyAndCommentOnlyFilesParse) {
  EXPECT_TRUE(parse("")->chunk);
  EXPECT_TRUE(parse("-- nothing here\n")->chunk);
  EXPECT_TRUE(parse("#!/bin/sloth")->chunk);
}

TEST(Frontend, SllNeverFallsBackOnValidCode) {
  SourceManager sm;
  DiagnosticEngine diags;
  ParseStats stats;
  parseSource(sm, "a.lua", "f(a)(b) g{1}.x = 1\nreturn dir.base_name(f):match('x')\n", diags,
              {true, &stats});
  EXPECT_EQ(diags.errorCount(), 0u);
  EXPECT_EQ(stats.sllFallbacks, 0u);
}

TEST(Frontend, DeepNestingIsAnErrorNotACrash) {
  auto p = parse("x = " + std::string(100000, '(') + "1" + std::string(100000, ')'));
  EXPECT_FALSE(p->chunk);
  EXPECT_EQ(p->diags.diagnostics().at(0).code, "too-many-levels");
  // 190 levels still parse.
  EXPECT_TRUE(parse("x = " + std::string(190, '(') + "1" + std::string(190, ')'))->chunk);
}

} // namespace
