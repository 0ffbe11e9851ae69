#include "AstBuilder.h"

#include <algorithm>
#include <string>

namespace sloth {

using grammar::LuaParser;
using namespace sloth::ast;

namespace {

class AstBuilder {
public:
  AstBuilder(std::string_view source, LexedSource& lexed, FileId file, AstContext& context,
             DiagnosticEngine& diags)
      : source_(source), tokens_(lexed.tokens), comments_(lexed.comments), file_(file),
        ctx_(context), diags_(diags) {}

  bool ok() const { return ok_; }

  FunctionBody* buildMain(LuaParser::ChunkContext* tree) {
    auto* main = ctx_.make<FunctionBody>();
    main->isVararg = true;
    main->name = "main chunk";
    uint32_t end = tokens_.empty() ? 0 : tokens_.back().range.end;
    main->range = {0, end};
    FunctionBody* saved = function_;
    function_ = main;
    main->body = block(tree->block());
    function_ = saved;
    return main;
  }

private:
  std::string_view source_;
  const std::vector<Token>& tokens_;
  const std::vector<std::unique_ptr<Comment>>& comments_;
  FileId file_;
  AstContext& ctx_;
  DiagnosticEngine& diags_;
  FunctionBody* function_ = nullptr;
  bool ok_ = true;

  // -- positions -------------------------------------------------------------------------------

  const Token& token(antlr4::Token* t) const { return tokens_[t->getTokenIndex()]; }
  const Token& token(antlr4::tree::TerminalNode* n) const { return token(n->getSymbol()); }
  SourceRange range(antlr4::tree::TerminalNode* n) const { return token(n).range; }

  SourceRange range(antlr4::ParserRuleContext* c) const {
    size_t first = c->getStart()->getTokenIndex();
    const Token& start = tokens_[first];
    if (!c->getStop() || c->getStop()->getTokenIndex() < first ||
        c->getStop()->getTokenIndex() >= tokens_.size())
      return {start.range.begin, start.range.begin}; // empty rule (an empty block)
    return {start.range.begin, tokens_[c->getStop()->getTokenIndex()].range.end};
  }

  // Lua's "near 'x'" for the token after `c`.
  std::string nearAfter(antlr4::ParserRuleContext* c) const {
    size_t next = c->getStop()->getTokenIndex() + 1;
    return near(tokens_[std::min(next, tokens_.size() - 1)]);
  }

  std::string near(const Token& t) const { return describeToken(t, source_); }

  void error(std::string code, SourceRange where, std::string message) {
    ok_ = false;
    diags_.error(std::move(code), file_, where, std::move(message));
  }

  // -- blocks and statements -------------------------------------------------------------------

  Block* block(LuaParser::BlockContext* c) {
    auto* b = ctx_.make<Block>();
    b->range = range(c);
    for (auto* s : c->stat())
      if (Stat* stat = statement(s)) {
        attachComments(stat, s);
        b->stats.push_back(stat);
      }
    if (auto* r = c->retstat()) {
      auto* ret = ctx_.make<ReturnStat>(range(r));
      if (r->explist())
        ret->values = exprList(r->explist());
      attachComments(ret, r);
      b->stats.push_back(ret);
    }
    return b;
  }

  // `---` comments between the previous token and the statement belong to the statement.
  void attachComments(Stat* stat, antlr4::ParserRuleContext* c) {
    size_t index = c->getStart()->getTokenIndex();
    uint32_t from = index == 0 ? 0 : tokens_[index - 1].range.end;
    uint32_t to = tokens_[index].range.begin;
    auto it = std::lower_bound(comments_.begin(), comments_.end(), from,
                               [](const std::unique_ptr<Comment>& cm, uint32_t offset) {
                                 return cm->range.begin < offset;
                               });
    for (; it != comments_.end() && (*it)->range.end <= to; ++it)
      if (!(*it)->isLong && !(*it)->text.empty() && (*it)->text[0] == '-')
        stat->leadingComments.push_back(it->get());
  }

  Local* declare(antlr4::tree::TerminalNode* name) {
    auto* local = ctx_.make<Local>();
    local->name = token(name).text;
    local->range = range(name);
    local->owner = function_;
    return local;
  }

  Stat* statement(LuaParser::StatContext* c) {
    SourceRange r = range(c);
    if (dynamic_cast<LuaParser::EmptyStatContext*>(c))
      return ctx_.make<EmptyStat>(r);
    if (auto* s = dynamic_cast<LuaParser::ExprStatContext*>(c))
      return exprStatement(s);
    if (auto* s = dynamic_cast<LuaParser::LocalStatContext*>(c)) {
      auto* stat = ctx_.make<LocalStat>(r);
      for (auto* a : s->attname()) {
        Local* local = declare(a->NAME(0));
        if (a->NAME().size() > 1) {
          const std::string& attrib = token(a->NAME(1)).text;
          if (attrib == "const")
            local->attrib = Attrib::Const;
          else if (attrib == "close")
            local->attrib = Attrib::Close;
          else
            error("unknown-attribute", range(a->NAME(1)), "unknown attribute '" + attrib + "'");
        }
        stat->locals.push_back(local);
      }
      if (s->explist())
        stat->values = exprList(s->explist());
      return stat;
    }
    if (auto* s = dynamic_cast<LuaParser::IfStatContext*>(c)) {
      auto* stat = ctx_.make<IfStat>(r);
      auto conditions = s->exp();
      auto blocks = s->block();
      for (size_t i = 0; i < conditions.size(); ++i) {
        stat->conditions.push_back(expr(conditions[i]));
        stat->blocks.push_back(block(blocks[i]));
      }
      if (blocks.size() > conditions.size())
        stat->elseBlock = block(blocks.back());
      return stat;
    }
    if (auto* s = dynamic_cast<LuaParser::WhileStatContext*>(c)) {
      auto* stat = ctx_.make<WhileStat>(r);
      stat->condition = expr(s->exp());
      stat->body = block(s->block());
      return stat;
    }
    if (auto* s = dynamic_cast<LuaParser::DoStatContext*>(c)) {
      auto* stat = ctx_.make<DoStat>(r);
      stat->body = block(s->block());
      return stat;
    }
    if (auto* s = dynamic_cast<LuaParser::RepeatStatContext*>(c)) {
      auto* stat = ctx_.make<RepeatStat>(r);
      stat->body = block(s->block());
      stat->condition = expr(s->exp());
      return stat;
    }
    if (auto* s = dynamic_cast<LuaParser::NumericForStatContext*>(c)) {
      auto* stat = ctx_.make<NumericForStat>(r);
      auto e = s->exp();
      stat->start = expr(e[0]);
      stat->limit = expr(e[1]);
      if (e.size() > 2)
        stat->step = expr(e[2]);
      stat->var = declare(s->NAME());
      stat->var->isLoopControl = true;
      stat->body = block(s->block());
      return stat;
    }
    if (auto* s = dynamic_cast<LuaParser::GenericForStatContext*>(c)) {
      auto* stat = ctx_.make<GenericForStat>(r);
      stat->values = exprList(s->explist());
      for (auto* n : s->NAME()) {
        Local* var = declare(n);
        var->isLoopControl = true;
        stat->vars.push_back(var);
      }
      stat->body = block(s->block());
      return stat;
    }
    if (auto* s = dynamic_cast<LuaParser::FunctionStatContext*>(c))
      return functionStatement(s, r);
    if (auto* s = dynamic_cast<LuaParser::LocalFunctionStatContext*>(c)) {
      auto* stat = ctx_.make<LocalFunctionStat>(r);
      stat->local = declare(s->NAME());
      stat->body =
          functionBody(s->funcbody(), stat->local->name, false, range(s->FUNCTION()).begin);
      return stat;
    }
    if (dynamic_cast<LuaParser::BreakStatContext*>(c))
      return ctx_.make<BreakStat>(r);
    if (auto* s = dynamic_cast<LuaParser::GotoStatContext*>(c))
      return ctx_.make<GotoStat>(r, token(s->NAME()).text);
    if (auto* s = dynamic_cast<LuaParser::LabelStatContext*>(c))
      return ctx_.make<LabelStat>(r, token(s->NAME()).text);
    return nullptr;
  }

  Stat* functionStatement(LuaParser::FunctionStatContext* s, SourceRange r) {
    auto* stat = ctx_.make<FunctionStat>(r);
    auto* f = s->funcname();
    auto names = f->NAME();
    std::string fullName = token(names[0]).text;
    Expr* target = ctx_.make<NameExpr>(range(names[0]), token(names[0]).text);
    size_t fields = f->COLON() ? names.size() - 1 : names.size();
    for (size_t i = 1; i < names.size(); ++i) {
      const std::string& field = token(names[i]).text;
      if (i < fields) {
        auto* key = ctx_.make<StringExpr>(range(names[i]), field);
        target =
            ctx_.make<IndexExpr>(SourceRange::cover(target->range, key->range), target, key, true);
        fullName += "." + field;
      } else {
        // The method name is the last field; the method flag adds `self`.
        auto* key = ctx_.make<StringExpr>(range(names[i]), field);
        target =
            ctx_.make<IndexExpr>(SourceRange::cover(target->range, key->range), target, key, true);
        fullName += ":" + field;
      }
    }
    stat->target = target;
    stat->isMethod = f->COLON() != nullptr;
    stat->body = functionBody(s->funcbody(), fullName, stat->isMethod, range(s->FUNCTION()).begin);
    return stat;
  }

  Stat* exprStatement(LuaParser::ExprStatContext* s) {
    SourceRange r = range(s);
    auto targets = s->suffixedexp();
    if (!s->ASSIGN()) {
      auto* only = targets[0];
      auto suffixes = only->suffix();
      bool isCall =
          !suffixes.empty() && (dynamic_cast<LuaParser::CallSuffixContext*>(suffixes.back()) ||
                                dynamic_cast<LuaParser::MethodSuffixContext*>(suffixes.back()));
      if (!isCall) {
        const Token& first = token(only->getStart());
        if (suffixes.empty() && first.kind == TokenKind::Name && first.text == "continue")
          error("syntax-error", first.range,
                "Lua has no 'continue' statement; write 'goto continue' and put "
                "'::continue::' at the end of the loop body");
        else
          error("syntax-error", range(only),
                "syntax error near " + nearAfter(only) +
                    "; an expression on its own is not a statement (only a call is)");
        return nullptr;
      }
      return ctx_.make<CallStat>(r, suffixed(only));
    }
    auto* stat = ctx_.make<AssignStat>(r);
    for (auto* t : targets) {
      Expr* target = suffixed(t);
      if (!target->is<NameExpr>() && !target->is<IndexExpr>()) {
        error("syntax-error", range(t),
              "syntax error near " + nearAfter(t) +
                  "; only a variable, a field or an index can be assigned to");
        return nullptr;
      }
      stat->targets.push_back(target);
    }
    stat->values = exprList(s->explist());
    return stat;
  }

  FunctionBody* functionBody(LuaParser::FuncbodyContext* c, std::string name, bool isMethod,
                             uint32_t begin) {
    auto* body = ctx_.make<FunctionBody>();
    body->name = std::move(name);
    body->parent = function_;
    body->range = {begin, range(c).end};
    FunctionBody* saved = function_;
    function_ = body;
    if (isMethod) {
      auto* self = ctx_.make<Local>();
      self->name = "self";
      self->range = {begin, begin};
      self->owner = body;
      self->isParam = true;
      self->isSelf = true;
      body->params.push_back(self);
    }
    if (auto* p = c->parlist()) {
      for (auto* n : p->NAME()) {
        Local* param = declare(n);
        param->isParam = true;
        body->params.push_back(param);
      }
      body->isVararg = p->ELLIPSIS() != nullptr;
    }
    body->body = block(c->block());
    function_ = saved;
    return body;
  }

  // -- expressions -----------------------------------------------------------------------------

  std::vector<Expr*> exprList(LuaParser::ExplistContext* c) {
    std::vector<Expr*> out;
    for (auto* e : c->exp())
      out.push_back(expr(e));
    return out;
  }

  static bool binaryOp(LuaParser::ExpContext* c, BinaryOp& op, antlr4::Token*& opToken) {
    using P = LuaParser;
    if (auto* e = dynamic_cast<P::AddExpContext*>(c)) {
      opToken = e->op;
      op = e->op->getType() == P::PLUS ? BinaryOp::Add : BinaryOp::Sub;
    } else if (auto* e = dynamic_cast<P::MulExpContext*>(c)) {
      opToken = e->op;
      switch (e->op->getType()) {
      case P::STAR:
        op = BinaryOp::Mul;
        break;
      case P::SLASH:
        op = BinaryOp::Div;
        break;
      case P::DSLASH:
        op = BinaryOp::IDiv;
        break;
      default:
        op = BinaryOp::Mod;
        break;
      }
    } else if (auto* e = dynamic_cast<P::ShiftExpContext*>(c)) {
      opToken = e->op;
      op = e->op->getType() == P::SHL ? BinaryOp::Shl : BinaryOp::Shr;
    } else if (auto* e = dynamic_cast<P::CompareExpContext*>(c)) {
      opToken = e->op;
      switch (e->op->getType()) {
      case P::LT:
        op = BinaryOp::Lt;
        break;
      case P::GT:
        op = BinaryOp::Gt;
        break;
      case P::LE:
        op = BinaryOp::Le;
        break;
      case P::GE:
        op = BinaryOp::Ge;
        break;
      case P::NE:
        op = BinaryOp::Ne;
        break;
      default:
        op = BinaryOp::Eq;
        break;
      }
    } else if (auto* e = dynamic_cast<P::PowerExpContext*>(c)) {
      opToken = e->CARET()->getSymbol();
      op = BinaryOp::Pow;
    } else if (auto* e = dynamic_cast<P::ConcatExpContext*>(c)) {
      opToken = e->CONCAT()->getSymbol();
      op = BinaryOp::Concat;
    } else if (auto* e = dynamic_cast<P::BandExpContext*>(c)) {
      opToken = e->AMP()->getSymbol();
      op = BinaryOp::BAnd;
    } else if (auto* e = dynamic_cast<P::BxorExpContext*>(c)) {
      opToken = e->TILDE()->getSymbol();
      op = BinaryOp::BXor;
    } else if (auto* e = dynamic_cast<P::BorExpContext*>(c)) {
      opToken = e->PIPE()->getSymbol();
      op = BinaryOp::BOr;
    } else if (auto* e = dynamic_cast<P::AndExpContext*>(c)) {
      opToken = e->AND()->getSymbol();
      op = BinaryOp::And;
    } else if (auto* e = dynamic_cast<P::OrExpContext*>(c)) {
      opToken = e->OR()->getSymbol();
      op = BinaryOp::Or;
    } else {
      return false;
    }
    return true;
  }

  // Binary operators: the parse tree of `a+b+c+...` is a deep left spine, so walk it with a
  // loop (right operands are shallow: their depth is bounded by the nesting pre-pass).
  Expr* binary(LuaParser::ExpContext* top) {
    struct Step {
      LuaParser::ExpContext* ctx;
      BinaryOp op;
      antlr4::Token* opToken;
    };
    std::vector<Step> spine;
    LuaParser::ExpContext* c = top;
    BinaryOp op;
    antlr4::Token* opToken = nullptr;
    while (binaryOp(c, op, opToken)) {
      spine.push_back({c, op, opToken});
      c = dynamic_cast<LuaParser::ExpContext*>(c->children[0]);
      if (!c)
        break;
    }
    if (spine.size() > kMaxExpressionChain) {
      error("expression-too-complex", range(top),
            "expression too complex: more than " + std::to_string(kMaxExpressionChain) +
                " chained operators; split it with local variables");
      return ctx_.make<NilExpr>(range(top));
    }
    Expr* lhs = expr(c);
    for (auto it = spine.rbegin(); it != spine.rend(); ++it) {
      Expr* rhs = expr(static_cast<LuaParser::ExpContext*>(it->ctx->children.back()));
      lhs = ctx_.make<BinaryExpr>(range(it->ctx), it->op, lhs, rhs);
      lhs->as<BinaryExpr>()->opRange = token(it->opToken).range;
    }
    return lhs;
  }

  Expr* expr(LuaParser::ExpContext* c) {
    using P = LuaParser;
    SourceRange r = range(c);
    if (dynamic_cast<P::NilExpContext*>(c))
      return ctx_.make<NilExpr>(r);
    if (dynamic_cast<P::TrueExpContext*>(c))
      return ctx_.make<TrueExpr>(r);
    if (dynamic_cast<P::FalseExpContext*>(c))
      return ctx_.make<FalseExpr>(r);
    if (auto* e = dynamic_cast<P::NumberExpContext*>(c)) {
      const Token& t = token(e->NUMERAL());
      auto* n = ctx_.make<NumberExpr>(r);
      n->isInteger = t.isInteger;
      n->integer = t.integer;
      n->number = t.number;
      return n;
    }
    if (auto* e = dynamic_cast<P::StringExpContext*>(c))
      return ctx_.make<StringExpr>(r, token(e->STRING()).text);
    if (dynamic_cast<P::VarargExpContext*>(c))
      return ctx_.make<VarargExpr>(r);
    if (auto* e = dynamic_cast<P::FunctionExpContext*>(c))
      return ctx_.make<FunctionExpr>(r, functionBody(e->funcbody(), "anonymous", false, r.begin));
    if (auto* e = dynamic_cast<P::SuffixedExprContext*>(c))
      return suffixed(e->suffixedexp());
    if (auto* e = dynamic_cast<P::TableExpContext*>(c))
      return table(e->tableconstructor());
    if (auto* e = dynamic_cast<P::UnaryExpContext*>(c)) {
      UnaryOp op = UnaryOp::Not;
      switch (e->op->getType()) {
      case P::NOT:
        op = UnaryOp::Not;
        break;
      case P::HASH:
        op = UnaryOp::Len;
        break;
      case P::MINUS:
        op = UnaryOp::Neg;
        break;
      default:
        op = UnaryOp::BNot;
        break;
      }
      auto* u = ctx_.make<UnaryExpr>(r, op, expr(e->exp()));
      u->opRange = token(e->op).range;
      return u;
    }
    return binary(c);
  }

  Expr* table(LuaParser::TableconstructorContext* c) {
    auto* t = ctx_.make<TableExpr>(range(c));
    auto* list = c->fieldlist();
    if (!list)
      return t;
    for (auto* f : list->field()) {
      TableField field;
      field.range = range(f);
      if (auto* k = dynamic_cast<LuaParser::KeyedFieldContext*>(f)) {
        field.kind = TableField::Kind::Keyed;
        field.key = expr(k->exp(0));
        field.value = expr(k->exp(1));
      } else if (auto* n = dynamic_cast<LuaParser::NamedFieldContext*>(f)) {
        field.kind = TableField::Kind::Named;
        field.key = ctx_.make<StringExpr>(range(n->NAME()), token(n->NAME()).text);
        field.value = expr(n->exp());
      } else {
        field.kind = TableField::Kind::Positional;
        field.value = expr(static_cast<LuaParser::PositionalFieldContext*>(f)->exp());
      }
      t->fields.push_back(field);
    }
    return t;
  }

  // `primary suffix*`, built left to right with a loop (long chains stay iterative).
  Expr* suffixed(LuaParser::SuffixedexpContext* c) {
    Expr* e = nullptr;
    auto* primary = c->primaryexp();
    if (auto* n = dynamic_cast<LuaParser::NamePrimaryContext*>(primary)) {
      e = ctx_.make<NameExpr>(range(n), token(n->NAME()).text);
    } else {
      auto* p = static_cast<LuaParser::ParenPrimaryContext*>(primary);
      e = ctx_.make<ParenExpr>(range(p), expr(p->exp()));
    }
    auto suffixes = c->suffix();
    if (suffixes.size() > kMaxExpressionChain) {
      error("expression-too-complex", range(c),
            "expression too complex: more than " + std::to_string(kMaxExpressionChain) +
                " chained calls or fields; split it with local variables");
      return e;
    }
    uint32_t begin = e->range.begin;
    for (auto* s : suffixes) {
      SourceRange r{begin, range(s).end};
      if (auto* f = dynamic_cast<LuaParser::FieldSuffixContext*>(s)) {
        auto* key = ctx_.make<StringExpr>(range(f->NAME()), token(f->NAME()).text);
        e = ctx_.make<IndexExpr>(r, e, key, true);
      } else if (auto* i = dynamic_cast<LuaParser::IndexSuffixContext*>(s)) {
        e = ctx_.make<IndexExpr>(r, e, expr(i->exp()), false);
      } else if (auto* m = dynamic_cast<LuaParser::MethodSuffixContext*>(s)) {
        auto* call = ctx_.make<MethodCallExpr>(r, e, token(m->NAME()).text);
        call->methodRange = range(m->NAME());
        call->argsRange = range(m->args());
        call->args = arguments(m->args());
        e = call;
      } else {
        auto* a = static_cast<LuaParser::CallSuffixContext*>(s)->args();
        auto* call = ctx_.make<CallExpr>(r, e);
        call->argsRange = range(a);
        call->args = arguments(a);
        e = call;
      }
    }
    return e;
  }

  std::vector<Expr*> arguments(LuaParser::ArgsContext* a) {
    if (a->STRING())
      return {ctx_.make<StringExpr>(range(a->STRING()), token(a->STRING()).text)};
    if (a->tableconstructor())
      return {table(a->tableconstructor())};
    if (a->explist())
      return exprList(a->explist());
    return {};
  }
};

} // namespace

bool buildChunk(LuaParser::ChunkContext* tree, std::string_view source, LexedSource& lexed,
                FileId file, AstContext& context, Chunk& chunk, DiagnosticEngine& diags) {
  AstBuilder builder(source, lexed, file, context, diags);
  chunk.file = file;
  chunk.main = builder.buildMain(tree);
  chunk.comments = std::move(lexed.comments);
  return builder.ok();
}

} // namespace sloth
