#include "sloth/frontend/AstDump.h"

#include <cstdio>

namespace sloth {

using namespace sloth::ast;

namespace {

class Dumper {
public:
  std::string out;

  void function(const FunctionBody* f, int indent) {
    out += "(function \"" + f->name + "\" (";
    for (size_t i = 0; i < f->params.size(); ++i)
      out += (i ? " " : "") + local(f->params[i]);
    if (f->isVararg)
      out += f->params.empty() ? "..." : " ...";
    out += ")";
    if (!f->captures.empty()) {
      out += " (captures";
      for (const Local* l : f->captures)
        out += " " + l->name;
      out += ")";
    }
    block(f->body, indent + 1);
    out += ")";
  }

private:
  int indent_ = 0; // of the statement being printed: nested function bodies go one deeper

  static std::string local(const Local* l) {
    std::string s = l->name;
    if (l->attrib == Attrib::Const)
      s += "<const>";
    else if (l->attrib == Attrib::Close)
      s += "<close>";
    if (l->captured)
      s += "^";
    return s;
  }

  void newline(int indent) {
    out += "\n";
    out.append(static_cast<size_t>(indent) * 2, ' ');
  }

  void block(const Block* b, int indent) {
    for (const Stat* s : b->stats) {
      newline(indent);
      statement(s, indent);
    }
  }

  void list(const char* head, const std::vector<Expr*>& exprs) {
    out += "(";
    out += head;
    for (const Expr* e : exprs) {
      out += " ";
      expr(e);
    }
    out += ")";
  }

  void statement(const Stat* s, int indent) {
    indent_ = indent;
    for (const Comment* c : s->leadingComments)
      out += "(comment \"" + escape(c->text) + "\") ";
    switch (s->kind) {
    case StatKind::Local: {
      auto* st = s->as<LocalStat>();
      out += "(local (";
      for (size_t i = 0; i < st->locals.size(); ++i)
        out += (i ? " " : "") + local(st->locals[i]);
      out += ") ";
      list("values", st->values);
      out += ")";
      break;
    }
    case StatKind::Assign: {
      auto* st = s->as<AssignStat>();
      out += "(assign ";
      list("targets", st->targets);
      out += " ";
      list("values", st->values);
      out += ")";
      break;
    }
    case StatKind::Call:
      out += "(call-stat ";
      expr(s->as<CallStat>()->call);
      out += ")";
      break;
    case StatKind::Do:
      out += "(do";
      block(s->as<DoStat>()->body, indent + 1);
      out += ")";
      break;
    case StatKind::While:
      out += "(while ";
      expr(s->as<WhileStat>()->condition);
      block(s->as<WhileStat>()->body, indent + 1);
      out += ")";
      break;
    case StatKind::Repeat:
      out += "(repeat";
      block(s->as<RepeatStat>()->body, indent + 1);
      newline(indent + 1);
      out += "(until ";
      expr(s->as<RepeatStat>()->condition);
      out += "))";
      break;
    case StatKind::If: {
      auto* st = s->as<IfStat>();
      out += "(if";
      for (size_t i = 0; i < st->conditions.size(); ++i) {
        newline(indent + 1);
        out += "(cond ";
        expr(st->conditions[i]);
        block(st->blocks[i], indent + 2);
        out += ")";
      }
      if (st->elseBlock) {
        newline(indent + 1);
        out += "(else";
        block(st->elseBlock, indent + 2);
        out += ")";
      }
      out += ")";
      break;
    }
    case StatKind::NumericFor: {
      auto* st = s->as<NumericForStat>();
      out += "(for " + local(st->var) + " ";
      expr(st->start);
      out += " ";
      expr(st->limit);
      if (st->step) {
        out += " ";
        expr(st->step);
      }
      block(st->body, indent + 1);
      out += ")";
      break;
    }
    case StatKind::GenericFor: {
      auto* st = s->as<GenericForStat>();
      out += "(for-in (";
      for (size_t i = 0; i < st->vars.size(); ++i)
        out += (i ? " " : "") + local(st->vars[i]);
      out += ") ";
      list("values", st->values);
      block(st->body, indent + 1);
      out += ")";
      break;
    }
    case StatKind::Function: {
      auto* st = s->as<FunctionStat>();
      out += st->isMethod ? "(method-stat " : "(function-stat ";
      expr(st->target);
      out += " ";
      function(st->body, indent);
      out += ")";
      break;
    }
    case StatKind::LocalFunction: {
      auto* st = s->as<LocalFunctionStat>();
      out += "(local-function " + local(st->local) + " ";
      function(st->body, indent);
      out += ")";
      break;
    }
    case StatKind::Return:
      list("return", s->as<ReturnStat>()->values);
      break;
    case StatKind::Break:
      out += "(break)";
      break;
    case StatKind::Goto:
      out += "(goto " + s->as<GotoStat>()->label +
             (s->as<GotoStat>()->target ? "" : " unresolved") + ")";
      break;
    case StatKind::Label:
      out += "(label " + s->as<LabelStat>()->name + ")";
      break;
    case StatKind::Empty:
      out += "(empty)";
      break;
    }
  }

  static std::string escape(const std::string& s) {
    std::string r;
    for (unsigned char c : s) {
      if (c == '"' || c == '\\') {
        r += '\\';
        r += static_cast<char>(c);
      } else if (c < 0x20 || c >= 0x7f) {
        r += "\\" + std::to_string(c);
      } else {
        r += static_cast<char>(c);
      }
    }
    return r;
  }

  static std::string number(const NumberExpr* n) {
    if (n->isInteger)
      return "(int " + std::to_string(n->integer) + ")";
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.17g", n->number);
    return std::string("(float ") + buf + ")";
  }

  void expr(const Expr* e) {
    switch (e->kind) {
    case ExprKind::Nil:
      out += "nil";
      break;
    case ExprKind::True:
      out += "true";
      break;
    case ExprKind::False:
      out += "false";
      break;
    case ExprKind::Number:
      out += number(e->as<NumberExpr>());
      break;
    case ExprKind::String:
      out += "\"" + escape(e->as<StringExpr>()->value) + "\"";
      break;
    case ExprKind::Vararg:
      out += "...";
      break;
    case ExprKind::Function: {
      int saved = indent_;
      function(e->as<FunctionExpr>()->body, indent_);
      indent_ = saved;
      break;
    }
    case ExprKind::Table: {
      out += "(table";
      for (const TableField& f : e->as<TableExpr>()->fields) {
        out += " ";
        if (f.kind == TableField::Kind::Positional) {
          expr(f.value);
          continue;
        }
        out += "(";
        expr(f.key);
        out += " = ";
        expr(f.value);
        out += ")";
      }
      out += ")";
      break;
    }
    case ExprKind::Name: {
      auto* n = e->as<NameExpr>();
      out += "(" + std::string(n->local ? "local" : "global") + " " + n->name + ")";
      break;
    }
    case ExprKind::Index: {
      auto* i = e->as<IndexExpr>();
      out += "(index ";
      expr(i->object);
      out += " ";
      expr(i->key);
      out += ")";
      break;
    }
    case ExprKind::Call: {
      auto* c = e->as<CallExpr>();
      out += "(call ";
      expr(c->callee);
      for (const Expr* a : c->args) {
        out += " ";
        expr(a);
      }
      out += ")";
      break;
    }
    case ExprKind::MethodCall: {
      auto* c = e->as<MethodCallExpr>();
      out += "(method ";
      expr(c->object);
      out += " " + c->method;
      for (const Expr* a : c->args) {
        out += " ";
        expr(a);
      }
      out += ")";
      break;
    }
    case ExprKind::Paren:
      out += "(paren ";
      expr(e->as<ParenExpr>()->inner);
      out += ")";
      break;
    case ExprKind::Unary: {
      auto* u = e->as<UnaryExpr>();
      out += "(" + std::string(spelling(u->op)) + " ";
      expr(u->operand);
      out += ")";
      break;
    }
    case ExprKind::Binary: {
      auto* b = e->as<BinaryExpr>();
      out += "(" + std::string(spelling(b->op)) + " ";
      expr(b->lhs);
      out += " ";
      expr(b->rhs);
      out += ")";
      break;
    }
    }
  }
};

} // namespace

std::string dumpAst(const Chunk& chunk) {
  Dumper d;
  d.function(chunk.main, 0);
  d.out += "\n";
  return d.out;
}

} // namespace sloth
