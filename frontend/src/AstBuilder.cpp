#include "AstBuilder.h"
#include "ParseTreeAccess.h"

#include <algorithm>
#include <string>

namespace sloth {

using grammar::LuaParser;
using namespace sloth::ast;
using namespace sloth::parse_tree;

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
  // The lexer token of a leaf of the parse tree. A leaf's source interval is its token index;
  // reading it through that virtual avoids a cast down the runtime's virtual-base hierarchy.
  const Token& leaf(antlr4::tree::ParseTree* n) const {
    return tokens_[static_cast<size_t>(n->getSourceInterval().a)];
  }

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
    for (auto* child : c->children) {
      if (isRule(child, LuaParser::RuleStat)) {
        auto* s = static_cast<LuaParser::StatContext*>(child);
        if (Stat* stat = statement(s)) {
          attachComments(stat, s);
          b->stats.push_back(stat);
        }
      } else if (isRule(child, LuaParser::RuleRetstat)) {
        auto* r = static_cast<LuaParser::RetstatContext*>(child);
        auto* ret = ctx_.make<ReturnStat>(range(r));
        if (auto* list = firstRule<LuaParser::ExplistContext>(r, LuaParser::RuleExplist))
          ret->values = exprList(list);
        attachComments(ret, r);
        b->stats.push_back(ret);
      }
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

  Local* declare(const Token& name) {
    auto* local = ctx_.make<Local>();
    local->name = name.text;
    local->range = name.range;
    local->owner = function_;
    return local;
  }

  Stat* statement(LuaParser::StatContext* c) {
    SourceRange r = range(c);
    if (as<LuaParser::EmptyStatContext>(c))
      return ctx_.make<EmptyStat>(r);
    if (auto* s = as<LuaParser::ExprStatContext>(c))
      return exprStatement(s);
    if (auto* s = as<LuaParser::LocalStatContext>(c)) {
      auto* stat = ctx_.make<LocalStat>(r);
      forEachRule<LuaParser::AttnameContext>(s, LuaParser::RuleAttname, [&](auto* a) {
        // NAME ('<' NAME '>')?
        Local* local = declare(tokenAt(a, 0));
        if (a->children.size() > 1) {
          const Token& attribName = tokenAt(a, 2);
          const std::string& attrib = attribName.text;
          if (attrib == "const")
            local->attrib = Attrib::Const;
          else if (attrib == "close")
            local->attrib = Attrib::Close;
          else
            error("unknown-attribute", attribName.range, "unknown attribute '" + attrib + "'");
        }
        stat->locals.push_back(local);
      });
      if (auto* list = firstRule<LuaParser::ExplistContext>(s, LuaParser::RuleExplist))
        stat->values = exprList(list);
      return stat;
    }
    if (auto* s = as<LuaParser::IfStatContext>(c)) {
      auto* stat = ctx_.make<IfStat>(r);
      auto conditions = rules<LuaParser::ExpContext>(s, LuaParser::RuleExp);
      auto blocks = rules<LuaParser::BlockContext>(s, LuaParser::RuleBlock);
      for (size_t i = 0; i < conditions.size(); ++i) {
        stat->conditions.push_back(expr(conditions[i]));
        stat->blocks.push_back(block(blocks[i]));
      }
      if (blocks.size() > conditions.size())
        stat->elseBlock = block(blocks.back());
      return stat;
    }
    if (auto* s = as<LuaParser::WhileStatContext>(c)) {
      auto* stat = ctx_.make<WhileStat>(r);
      stat->condition = expr(ruleAt<LuaParser::ExpContext>(s, 1));
      stat->body = block(ruleAt<LuaParser::BlockContext>(s, 3));
      return stat;
    }
    if (auto* s = as<LuaParser::DoStatContext>(c)) {
      auto* stat = ctx_.make<DoStat>(r);
      stat->body = block(ruleAt<LuaParser::BlockContext>(s, 1));
      return stat;
    }
    if (auto* s = as<LuaParser::RepeatStatContext>(c)) {
      auto* stat = ctx_.make<RepeatStat>(r);
      stat->body = block(ruleAt<LuaParser::BlockContext>(s, 1));
      stat->condition = expr(ruleAt<LuaParser::ExpContext>(s, 3));
      return stat;
    }
    if (auto* s = as<LuaParser::NumericForStatContext>(c)) {
      auto* stat = ctx_.make<NumericForStat>(r);
      auto e = rules<LuaParser::ExpContext>(s, LuaParser::RuleExp);
      stat->start = expr(e[0]);
      stat->limit = expr(e[1]);
      if (e.size() > 2)
        stat->step = expr(e[2]);
      stat->var = declare(tokenAt(s, 1));
      stat->var->isLoopControl = true;
      stat->body = block(firstRule<LuaParser::BlockContext>(s, LuaParser::RuleBlock));
      return stat;
    }
    if (auto* s = as<LuaParser::GenericForStatContext>(c)) {
      auto* stat = ctx_.make<GenericForStat>(r);
      stat->values = exprList(firstRule<LuaParser::ExplistContext>(s, LuaParser::RuleExplist));
      forEachToken(s, TokenKind::Name, [&](const Token& n) {
        Local* var = declare(n);
        var->isLoopControl = true;
        stat->vars.push_back(var);
      });
      stat->body = block(firstRule<LuaParser::BlockContext>(s, LuaParser::RuleBlock));
      return stat;
    }
    if (auto* s = as<LuaParser::FunctionStatContext>(c))
      return functionStatement(s, r);
    if (auto* s = as<LuaParser::LocalFunctionStatContext>(c)) {
      auto* stat = ctx_.make<LocalFunctionStat>(r);
      stat->local = declare(tokenAt(s, 2));
      stat->body = functionBody(ruleAt<LuaParser::FuncbodyContext>(s, 3), stat->local->name, false,
                                tokenAt(s, 1).range.begin);
      return stat;
    }
    if (as<LuaParser::BreakStatContext>(c))
      return ctx_.make<BreakStat>(r);
    if (auto* s = as<LuaParser::GotoStatContext>(c))
      return ctx_.make<GotoStat>(r, tokenAt(s, 1).text);
    if (auto* s = as<LuaParser::LabelStatContext>(c))
      return ctx_.make<LabelStat>(r, tokenAt(s, 1).text);
    return nullptr;
  }

  Stat* functionStatement(LuaParser::FunctionStatContext* s, SourceRange r) {
    auto* stat = ctx_.make<FunctionStat>(r);
    auto* f = ruleAt<LuaParser::FuncnameContext>(s, 1);
    std::vector<const Token*> names;
    forEachToken(f, TokenKind::Name, [&](const Token& n) { names.push_back(&n); });
    bool isMethod = firstToken(f, TokenKind::Colon) != nullptr;
    std::string fullName = names[0]->text;
    Expr* target = ctx_.make<NameExpr>(names[0]->range, names[0]->text);
    size_t fields = isMethod ? names.size() - 1 : names.size();
    for (size_t i = 1; i < names.size(); ++i) {
      const std::string& field = names[i]->text;
      if (i < fields) {
        auto* key = ctx_.make<StringExpr>(names[i]->range, field);
        target =
            ctx_.make<IndexExpr>(SourceRange::cover(target->range, key->range), target, key, true);
        fullName += "." + field;
      } else {
        // The method name is the last field; the method flag adds `self`.
        auto* key = ctx_.make<StringExpr>(names[i]->range, field);
        target =
            ctx_.make<IndexExpr>(SourceRange::cover(target->range, key->range), target, key, true);
        fullName += ":" + field;
      }
    }
    stat->target = target;
    stat->isMethod = isMethod;
    stat->body = functionBody(ruleAt<LuaParser::FuncbodyContext>(s, 2), fullName, isMethod,
                              tokenAt(s, 0).range.begin);
    return stat;
  }

  Stat* exprStatement(LuaParser::ExprStatContext* s) {
    SourceRange r = range(s);
    auto targets = rules<LuaParser::SuffixedexpContext>(s, LuaParser::RuleSuffixedexp);
    if (!firstToken(s, TokenKind::Assign)) {
      auto* only = targets[0];
      // suffixedexp : primaryexp suffix*
      antlr4::tree::ParseTree* last = only->children.back();
      bool hasSuffix = only->children.size() > 1;
      bool isCall = hasSuffix && (is<LuaParser::CallSuffixContext>(last) ||
                                  is<LuaParser::MethodSuffixContext>(last));
      if (!isCall) {
        const Token& first = token(only->getStart());
        if (!hasSuffix && first.kind == TokenKind::Name && first.text == "continue")
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
    stat->values = exprList(firstRule<LuaParser::ExplistContext>(s, LuaParser::RuleExplist));
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
    if (auto* p = firstRule<LuaParser::ParlistContext>(c, LuaParser::RuleParlist)) {
      forEachToken(p, TokenKind::Name, [&](const Token& n) {
        Local* param = declare(n);
        param->isParam = true;
        body->params.push_back(param);
      });
      body->isVararg = firstToken(p, TokenKind::Ellipsis) != nullptr;
    }
    body->body = block(firstRule<LuaParser::BlockContext>(c, LuaParser::RuleBlock));
    function_ = saved;
    return body;
  }

  // -- expressions -----------------------------------------------------------------------------

  std::vector<Expr*> exprList(LuaParser::ExplistContext* c) {
    std::vector<Expr*> out;
    out.reserve(c->children.size() / 2 + 1);
    forEachRule<LuaParser::ExpContext>(c, LuaParser::RuleExp,
                                       [&](LuaParser::ExpContext* e) { out.push_back(expr(e)); });
    return out;
  }

  // Every binary alternative of `exp` is `exp OP exp` (unary ones have two children, the others
  // one or two), so the operator token alone says which.
  bool binaryOp(LuaParser::ExpContext* c, BinaryOp& op, const Token*& opToken) const {
    using P = LuaParser;
    if (c->children.size() != 3 || !isLeaf(c->children[1]))
      return false;
    opToken = &leaf(c->children[1]);
    switch (static_cast<size_t>(opToken->kind)) {
    case P::PLUS:
      op = BinaryOp::Add;
      break;
    case P::MINUS:
      op = BinaryOp::Sub;
      break;
    case P::STAR:
      op = BinaryOp::Mul;
      break;
    case P::SLASH:
      op = BinaryOp::Div;
      break;
    case P::DSLASH:
      op = BinaryOp::IDiv;
      break;
    case P::PERCENT:
      op = BinaryOp::Mod;
      break;
    case P::CARET:
      op = BinaryOp::Pow;
      break;
    case P::CONCAT:
      op = BinaryOp::Concat;
      break;
    case P::SHL:
      op = BinaryOp::Shl;
      break;
    case P::SHR:
      op = BinaryOp::Shr;
      break;
    case P::AMP:
      op = BinaryOp::BAnd;
      break;
    case P::TILDE:
      op = BinaryOp::BXor;
      break;
    case P::PIPE:
      op = BinaryOp::BOr;
      break;
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
    case P::EQ:
      op = BinaryOp::Eq;
      break;
    case P::AND:
      op = BinaryOp::And;
      break;
    case P::OR:
      op = BinaryOp::Or;
      break;
    default:
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
      const Token* opToken;
    };
    std::vector<Step> spine;
    LuaParser::ExpContext* c = top;
    BinaryOp op;
    const Token* opToken = nullptr;
    while (binaryOp(c, op, opToken)) {
      spine.push_back({c, op, opToken});
      c = static_cast<LuaParser::ExpContext*>(c->children[0]);
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
      lhs->as<BinaryExpr>()->opRange = it->opToken->range;
    }
    return lhs;
  }

  Expr* expr(LuaParser::ExpContext* c) {
    using P = LuaParser;
    SourceRange r = range(c);
    if (is<P::SuffixedExprContext>(c))
      return suffixed(ruleAt<P::SuffixedexpContext>(c, 0));
    if (is<P::StringExpContext>(c))
      return ctx_.make<StringExpr>(r, tokenAt(c, 0).text);
    if (is<P::NumberExpContext>(c)) {
      const Token& t = tokenAt(c, 0);
      auto* n = ctx_.make<NumberExpr>(r);
      n->isInteger = t.isInteger;
      n->integer = t.integer;
      n->number = t.number;
      return n;
    }
    if (is<P::NilExpContext>(c))
      return ctx_.make<NilExpr>(r);
    if (is<P::TrueExpContext>(c))
      return ctx_.make<TrueExpr>(r);
    if (is<P::FalseExpContext>(c))
      return ctx_.make<FalseExpr>(r);
    if (is<P::VarargExpContext>(c))
      return ctx_.make<VarargExpr>(r);
    if (is<P::FunctionExpContext>(c)) // FUNCTION funcbody
      return ctx_.make<FunctionExpr>(
          r, functionBody(ruleAt<P::FuncbodyContext>(c, 1), "anonymous", false, r.begin));
    if (is<P::TableExpContext>(c))
      return table(ruleAt<P::TableconstructorContext>(c, 0));
    if (auto* e = as<P::UnaryExpContext>(c)) {
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
      auto* u = ctx_.make<UnaryExpr>(r, op, expr(ruleAt<P::ExpContext>(e, 1)));
      u->opRange = token(e->op).range;
      return u;
    }
    return binary(c);
  }

  // tableconstructor : LBRACE fieldlist? RBRACE
  Expr* table(LuaParser::TableconstructorContext* c) {
    using P = LuaParser;
    auto* t = ctx_.make<TableExpr>(range(c));
    auto* list = c->children.size() == 3 ? ruleAt<P::FieldlistContext>(c, 1) : nullptr;
    if (!list)
      return t;
    t->fields.reserve(list->children.size() / 2 + 1);
    forEachRule<P::FieldContext>(list, P::RuleField, [&](P::FieldContext* f) {
      TableField field;
      field.range = range(f);
      if (is<P::KeyedFieldContext>(f)) { // LBRACKET exp RBRACKET ASSIGN exp
        field.kind = TableField::Kind::Keyed;
        field.key = expr(ruleAt<P::ExpContext>(f, 1));
        field.value = expr(ruleAt<P::ExpContext>(f, 4));
      } else if (is<P::NamedFieldContext>(f)) { // NAME ASSIGN exp
        const Token& name = tokenAt(f, 0);
        field.kind = TableField::Kind::Named;
        field.key = ctx_.make<StringExpr>(name.range, name.text);
        field.value = expr(ruleAt<P::ExpContext>(f, 2));
      } else {
        field.kind = TableField::Kind::Positional;
        field.value = expr(ruleAt<P::ExpContext>(f, 0));
      }
      t->fields.push_back(field);
    });
    return t;
  }

  // `primary suffix*`, built left to right with a loop (long chains stay iterative).
  Expr* suffixed(LuaParser::SuffixedexpContext* c) {
    using P = LuaParser;
    Expr* e = nullptr;
    auto* primary = ruleAt<P::PrimaryexpContext>(c, 0);
    if (is<P::NamePrimaryContext>(primary)) {
      e = ctx_.make<NameExpr>(range(primary), tokenAt(primary, 0).text);
    } else { // LPAREN exp RPAREN
      e = ctx_.make<ParenExpr>(range(primary), expr(ruleAt<P::ExpContext>(primary, 1)));
    }
    size_t suffixes = c->children.size() - 1;
    if (suffixes > kMaxExpressionChain) {
      error("expression-too-complex", range(c),
            "expression too complex: more than " + std::to_string(kMaxExpressionChain) +
                " chained calls or fields; split it with local variables");
      return e;
    }
    uint32_t begin = e->range.begin;
    for (size_t i = 1; i < c->children.size(); ++i) {
      auto* s = static_cast<P::SuffixContext*>(c->children[i]);
      SourceRange r{begin, range(s).end};
      if (is<P::FieldSuffixContext>(s)) { // DOT NAME
        const Token& name = tokenAt(s, 1);
        auto* key = ctx_.make<StringExpr>(name.range, name.text);
        e = ctx_.make<IndexExpr>(r, e, key, true);
      } else if (is<P::IndexSuffixContext>(s)) { // LBRACKET exp RBRACKET
        e = ctx_.make<IndexExpr>(r, e, expr(ruleAt<P::ExpContext>(s, 1)), false);
      } else if (is<P::MethodSuffixContext>(s)) { // COLON NAME args
        const Token& name = tokenAt(s, 1);
        auto* args = ruleAt<P::ArgsContext>(s, 2);
        auto* call = ctx_.make<MethodCallExpr>(r, e, name.text);
        call->methodRange = name.range;
        call->argsRange = range(args);
        call->args = arguments(args);
        e = call;
      } else { // args
        auto* args = ruleAt<P::ArgsContext>(s, 0);
        auto* call = ctx_.make<CallExpr>(r, e);
        call->argsRange = range(args);
        call->args = arguments(args);
        e = call;
      }
    }
    return e;
  }

  // args : LPAREN explist? RPAREN | tableconstructor | STRING
  std::vector<Expr*> arguments(LuaParser::ArgsContext* a) {
    using P = LuaParser;
    antlr4::tree::ParseTree* first = a->children[0];
    if (isToken(first, TokenKind::String))
      return {ctx_.make<StringExpr>(leaf(first).range, leaf(first).text)};
    if (!isLeaf(first))
      return {table(static_cast<P::TableconstructorContext*>(first))};
    if (a->children.size() == 3)
      return exprList(ruleAt<P::ExplistContext>(a, 1));
    return {};
  }

  // -- child access by grammar position --------------------------------------------------------

  // Child `i` of `c`, which the grammar says is a context of class (or rule base class) Ctx.
  template <class Ctx> static Ctx* ruleAt(antlr4::ParserRuleContext* c, size_t i) {
    return static_cast<Ctx*>(c->children[i]);
  }

  // Child `i` of `c`, which the grammar says is a token.
  const Token& tokenAt(antlr4::ParserRuleContext* c, size_t i) const {
    return leaf(c->children[i]);
  }

  bool isToken(antlr4::tree::ParseTree* n, TokenKind kind) const {
    return isLeaf(n) && leaf(n).kind == kind;
  }

  // Calls f(const Token&) for each leaf child of `c` of the given kind, in order.
  template <class F> void forEachToken(antlr4::ParserRuleContext* c, TokenKind kind, F&& f) const {
    for (auto* child : c->children)
      if (isToken(child, kind))
        f(leaf(child));
  }

  const Token* firstToken(antlr4::ParserRuleContext* c, TokenKind kind) const {
    for (auto* child : c->children)
      if (isToken(child, kind))
        return &leaf(child);
    return nullptr;
  }

  template <class Ctx> static std::vector<Ctx*> rules(antlr4::ParserRuleContext* c, size_t rule) {
    std::vector<Ctx*> out;
    forEachRule<Ctx>(c, rule, [&](Ctx* child) { out.push_back(child); });
    return out;
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
