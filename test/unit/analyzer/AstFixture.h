// Builds small ASTs by hand for compiler tests: every node of "line N" gets the byte range
// [N, N], and the line map used with it is the identity, so offsets double as line numbers.
#pragma once

#include "sloth/analyzer/Compiler.h"
#include "sloth/frontend/Ast.h"
#include "sloth/vm/Disassembler.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace sloth::compiler::testing {

class AstFixture {
public:
  ast::AstContext ctx;
  ast::FunctionBody* main = ctx.make<ast::FunctionBody>();
  ast::FunctionBody* current = main;
  unsigned line = 1;

  AstFixture() {
    main->isVararg = true;
    main->body = ctx.make<ast::Block>();
    main->name = "main chunk";
    main->range = {1, 1};
  }

  SourceRange here() const { return {line, line}; }

  // --- expressions
  ast::Expr* nil() { return ctx.make<ast::NilExpr>(here()); }
  ast::Expr* boolean(bool b) {
    return b ? static_cast<ast::Expr*>(ctx.make<ast::TrueExpr>(here()))
             : ctx.make<ast::FalseExpr>(here());
  }
  ast::Expr* integer(int64_t i) {
    auto* n = ctx.make<ast::NumberExpr>(here());
    n->integer = i;
    return n;
  }
  ast::Expr* number(double d) {
    auto* n = ctx.make<ast::NumberExpr>(here());
    n->isInteger = false;
    n->number = d;
    return n;
  }
  ast::StringExpr* string(std::string s) { return ctx.make<ast::StringExpr>(here(), std::move(s)); }
  ast::Expr* ref(ast::Local* l) {
    auto* n = ctx.make<ast::NameExpr>(here(), l->name);
    n->local = l;
    ++l->useCount;
    if (l->owner != current)
      l->captured = true;
    return n;
  }
  ast::Expr* global(std::string name) { return ctx.make<ast::NameExpr>(here(), std::move(name)); }
  ast::Expr* field(ast::Expr* object, std::string name) {
    return ctx.make<ast::IndexExpr>(here(), object, string(std::move(name)), true);
  }
  ast::Expr* index(ast::Expr* object, ast::Expr* key) {
    return ctx.make<ast::IndexExpr>(here(), object, key, false);
  }
  ast::Expr* binary(ast::BinaryOp op, ast::Expr* a, ast::Expr* b) {
    auto* e = ctx.make<ast::BinaryExpr>(here(), op, a, b);
    e->opRange = here();
    return e;
  }
  ast::Expr* unary(ast::UnaryOp op, ast::Expr* a) {
    auto* e = ctx.make<ast::UnaryExpr>(here(), op, a);
    e->opRange = here();
    return e;
  }
  ast::Expr* call(ast::Expr* callee, std::vector<ast::Expr*> args = {}) {
    auto* c = ctx.make<ast::CallExpr>(here(), callee);
    c->args = std::move(args);
    return c;
  }
  ast::Expr* vararg() { return ctx.make<ast::VarargExpr>(here()); }
  ast::Expr* function(ast::FunctionBody* body) { return ctx.make<ast::FunctionExpr>(here(), body); }

  // --- locals and functions
  ast::Local* newLocal(std::string name, ast::Attrib attrib = ast::Attrib::None) {
    auto* l = ctx.make<ast::Local>();
    l->name = std::move(name);
    l->attrib = attrib;
    l->owner = current;
    l->range = here();
    current->locals.push_back(l);
    return l;
  }
  // Starts a nested function; statements go into it until endFunction().
  ast::FunctionBody* beginFunction(std::vector<std::string> params = {}) {
    auto* f = ctx.make<ast::FunctionBody>();
    f->parent = current;
    f->body = ctx.make<ast::Block>();
    f->range = here();
    f->name = "f";
    current = f;
    for (auto& p : params) {
      ast::Local* l = newLocal(p);
      l->isParam = true;
      f->params.push_back(l);
    }
    return f;
  }
  void endFunction() {
    current->range.end = line;
    current = current->parent;
  }

  // --- statements, appended to `block` (the current function's body by default)
  ast::Block* body() { return current->body; }
  template <class T> T* add(T* s, ast::Block* block = nullptr) {
    (block ? block : body())->stats.push_back(s);
    return s;
  }
  ast::LocalStat* local(std::vector<ast::Local*> locals, std::vector<ast::Expr*> values,
                        ast::Block* block = nullptr) {
    auto* s = ctx.make<ast::LocalStat>(here());
    s->locals = std::move(locals);
    s->values = std::move(values);
    return add(s, block);
  }
  ast::AssignStat* assign(std::vector<ast::Expr*> targets, std::vector<ast::Expr*> values,
                          ast::Block* block = nullptr) {
    auto* s = ctx.make<ast::AssignStat>(here());
    s->targets = std::move(targets);
    s->values = std::move(values);
    return add(s, block);
  }
  ast::CallStat* callStat(ast::Expr* c, ast::Block* block = nullptr) {
    return add(ctx.make<ast::CallStat>(here(), c), block);
  }
  ast::ReturnStat* ret(std::vector<ast::Expr*> values, ast::Block* block = nullptr) {
    auto* s = ctx.make<ast::ReturnStat>(here());
    s->values = std::move(values);
    return add(s, block);
  }

  // --- compiling and looking at the result
  std::unique_ptr<vm::Proto> compileMain() {
    ast::Chunk chunk;
    chunk.main = main;
    main->range.end = line;
    CompileResult r = compile(chunk, [](uint32_t off) { return static_cast<int>(off); },
                              {.chunkName = "test.lua"});
    for (const auto& e : r.errors)
      ADD_FAILURE() << "compile error: " << e.message;
    return std::move(r.main);
  }
};

// The instructions of `p` without line numbers and comments: "OPNAME a b c".
inline std::vector<std::string> code(const vm::Proto& p) {
  std::vector<std::string> out;
  for (int pc = 0; pc < static_cast<int>(p.code.size()); ++pc) {
    std::string text = vm::disassembleInstruction(p, pc);
    if (auto semicolon = text.find("\t; "); semicolon != std::string::npos)
      text.resize(semicolon);
    std::string squeezed;
    for (char ch : text) {
      if (ch == '\t' || ch == ' ') {
        if (!squeezed.empty() && squeezed.back() != ' ')
          squeezed += ' ';
      } else {
        squeezed += ch;
      }
    }
    while (!squeezed.empty() && squeezed.back() == ' ')
      squeezed.pop_back();
    out.push_back(squeezed);
  }
  return out;
}

} // namespace sloth::compiler::testing
