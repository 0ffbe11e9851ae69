// The abstract syntax tree of a Lua 5.4 chunk, shared by the analyzer, the compiler and the
// planner. Built by frontend/src/AstBuilder from the ANTLR parse tree; nothing here knows ANTLR.
//
// Ownership: every node is owned by the AstContext that created it (nodes point at each other
// with plain pointers and live as long as the context). Every node carries the byte range it
// spans in its source file; SourceManager turns offsets into line:column.
//
// Name resolution is done once, by the Resolver (frontend/src/Resolver), which fills in
// NameExpr::local, GotoStat::target and FunctionBody::captures* so that downstream passes do not
// each re-implement Lua's scoping rules.
#pragma once

#include "sloth/frontend/SourceRange.h"

#include <cstdint>
#include <memory>
#include <string>
#include <type_traits>
#include <vector>

namespace sloth::ast {

struct Block;
struct FunctionBody;
struct Comment;

// ---------------------------------------------------------------------------------------------
// Expressions

enum class ExprKind : uint8_t {
  Nil,
  True,
  False,
  Number,
  String,
  Vararg,
  Function,
  Table,
  Name,
  Index,
  Call,
  MethodCall,
  Paren,
  Unary,
  Binary,
};

struct Expr {
  ExprKind kind;
  SourceRange range;

  explicit Expr(ExprKind k, SourceRange r) : kind(k), range(r) {}
  virtual ~Expr() = default;

  // Checked downcast: `if (auto* call = e->as<CallExpr>())`.
  template <class T> T* as() { return kind == T::Kind ? static_cast<T*>(this) : nullptr; }
  template <class T> const T* as() const {
    return kind == T::Kind ? static_cast<const T*>(this) : nullptr;
  }
  template <class T> bool is() const { return kind == T::Kind; }

  // Calls and `...` produce multiple values when last in a list; everything else one.
  bool isMultiValue() const {
    return kind == ExprKind::Call || kind == ExprKind::MethodCall || kind == ExprKind::Vararg;
  }
};

struct NilExpr : Expr {
  static constexpr ExprKind Kind = ExprKind::Nil;
  explicit NilExpr(SourceRange r) : Expr(Kind, r) {}
};

struct TrueExpr : Expr {
  static constexpr ExprKind Kind = ExprKind::True;
  explicit TrueExpr(SourceRange r) : Expr(Kind, r) {}
};

struct FalseExpr : Expr {
  static constexpr ExprKind Kind = ExprKind::False;
  explicit FalseExpr(SourceRange r) : Expr(Kind, r) {}
};

// A numeral, already converted as Lua does: decimal integers that overflow become floats, hex
// integers wrap around modulo 2^64.
struct NumberExpr : Expr {
  static constexpr ExprKind Kind = ExprKind::Number;
  bool isInteger = true;
  int64_t integer = 0; // valid when isInteger
  double number = 0;   // valid when !isInteger
  explicit NumberExpr(SourceRange r) : Expr(Kind, r) {}
};

// A string literal with its escapes decoded: `value` holds the bytes the program sees.
struct StringExpr : Expr {
  static constexpr ExprKind Kind = ExprKind::String;
  std::string value;
  StringExpr(SourceRange r, std::string v) : Expr(Kind, r), value(std::move(v)) {}
};

struct VarargExpr : Expr {
  static constexpr ExprKind Kind = ExprKind::Vararg;
  explicit VarargExpr(SourceRange r) : Expr(Kind, r) {}
};

struct FunctionExpr : Expr {
  static constexpr ExprKind Kind = ExprKind::Function;
  FunctionBody* body = nullptr;
  FunctionExpr(SourceRange r, FunctionBody* b) : Expr(Kind, r), body(b) {}
};

// One entry of a table constructor: `v` (Positional), `name = v` (Named), `[k] = v` (Keyed).
struct TableField {
  enum class Kind : uint8_t { Positional, Named, Keyed };
  Kind kind = Kind::Positional;
  Expr* key = nullptr; // StringExpr for Named, any expression for Keyed, nullptr for Positional
  Expr* value = nullptr;
  SourceRange range;
};

struct TableExpr : Expr {
  static constexpr ExprKind Kind = ExprKind::Table;
  std::vector<TableField> fields;
  explicit TableExpr(SourceRange r) : Expr(Kind, r) {}
};

struct Local;

// A name in an expression. After resolution `local` is the local variable it denotes (possibly
// in an enclosing function: then it is an upvalue), or nullptr for a global (`_ENV.name`).
struct NameExpr : Expr {
  static constexpr ExprKind Kind = ExprKind::Name;
  std::string name;
  Local* local = nullptr;
  NameExpr(SourceRange r, std::string n) : Expr(Kind, r), name(std::move(n)) {}
};

// `object[key]`; `object.name` is an IndexExpr whose key is a StringExpr and isField is true.
struct IndexExpr : Expr {
  static constexpr ExprKind Kind = ExprKind::Index;
  Expr* object = nullptr;
  Expr* key = nullptr;
  bool isField = false;
  IndexExpr(SourceRange r, Expr* o, Expr* k, bool field)
      : Expr(Kind, r), object(o), key(k), isField(field) {}
};

// `callee(args)`, `callee "str"`, `callee {table}`.
struct CallExpr : Expr {
  static constexpr ExprKind Kind = ExprKind::Call;
  Expr* callee = nullptr;
  std::vector<Expr*> args;
  SourceRange argsRange; // the parenthesised list, string or table that holds the arguments
  CallExpr(SourceRange r, Expr* c) : Expr(Kind, r), callee(c) {}
};

// `object:method(args)`.
struct MethodCallExpr : Expr {
  static constexpr ExprKind Kind = ExprKind::MethodCall;
  Expr* object = nullptr;
  std::string method;
  SourceRange methodRange;
  std::vector<Expr*> args;
  SourceRange argsRange;
  MethodCallExpr(SourceRange r, Expr* o, std::string m) : Expr(Kind, r), object(o), method(m) {}
};

// `(e)`: kept because it truncates a multi-valued expression to one value.
struct ParenExpr : Expr {
  static constexpr ExprKind Kind = ExprKind::Paren;
  Expr* inner = nullptr;
  ParenExpr(SourceRange r, Expr* e) : Expr(Kind, r), inner(e) {}
};

// The expression inside any number of parentheses (`((x))` is `x`), for passes that read an
// expression's shape; the one-value truncation parentheses also mean is the caller's concern.
inline const Expr* stripParens(const Expr* e) {
  while (const auto* p = e->as<ParenExpr>())
    e = p->inner;
  return e;
}

enum class UnaryOp : uint8_t { Not, Neg, Len, BNot };

struct UnaryExpr : Expr {
  static constexpr ExprKind Kind = ExprKind::Unary;
  UnaryOp op;
  Expr* operand = nullptr;
  SourceRange opRange;
  UnaryExpr(SourceRange r, UnaryOp o, Expr* e) : Expr(Kind, r), op(o), operand(e) {}
};

enum class BinaryOp : uint8_t {
  Add,
  Sub,
  Mul,
  Div,
  IDiv,
  Mod,
  Pow,
  Concat,
  BAnd,
  BOr,
  BXor,
  Shl,
  Shr,
  Eq,
  Ne,
  Lt,
  Le,
  Gt,
  Ge,
  And,
  Or,
};

struct BinaryExpr : Expr {
  static constexpr ExprKind Kind = ExprKind::Binary;
  BinaryOp op;
  Expr* lhs = nullptr;
  Expr* rhs = nullptr;
  SourceRange opRange;
  BinaryExpr(SourceRange r, BinaryOp o, Expr* a, Expr* b) : Expr(Kind, r), op(o), lhs(a), rhs(b) {}
};

// Lua's spelling of an operator, for messages and dumps ("+", "..", "not", "~=").
const char* spelling(UnaryOp op);
const char* spelling(BinaryOp op);

// ---------------------------------------------------------------------------------------------
// Locals

enum class Attrib : uint8_t { None, Const, Close };

// A local variable (or parameter, or loop control variable) declared somewhere in a function.
struct Local {
  std::string name;
  Attrib attrib = Attrib::None;
  SourceRange range;             // the declaring name
  FunctionBody* owner = nullptr; // the function whose frame holds it
  bool captured = false;         // referenced from a nested function (needs an upvalue)
  bool assigned = false;         // assigned after its declaration
  bool isParam = false;
  bool isLoopControl = false; // for-loop variable
  bool isSelf = false;        // implicit `self` of a method
  unsigned useCount = 0;
};

// ---------------------------------------------------------------------------------------------
// Statements

enum class StatKind : uint8_t {
  Local,
  Assign,
  Call,
  Do,
  While,
  Repeat,
  If,
  NumericFor,
  GenericFor,
  Function,
  LocalFunction,
  Return,
  Break,
  Goto,
  Label,
  Empty,
};

struct Stat {
  StatKind kind;
  SourceRange range;
  // `---` comments directly above the statement (LuaLS annotations live here), or nullptr.
  std::vector<const Comment*> leadingComments;

  explicit Stat(StatKind k, SourceRange r) : kind(k), range(r) {}
  virtual ~Stat() = default;

  template <class T> T* as() { return kind == T::Kind ? static_cast<T*>(this) : nullptr; }
  template <class T> const T* as() const {
    return kind == T::Kind ? static_cast<const T*>(this) : nullptr;
  }
  template <class T> bool is() const { return kind == T::Kind; }
};

// `local a <const>, b = e1, e2`
struct LocalStat : Stat {
  static constexpr StatKind Kind = StatKind::Local;
  std::vector<Local*> locals;
  std::vector<Expr*> values;
  explicit LocalStat(SourceRange r) : Stat(Kind, r) {}
};

// `t1, t2 = e1, e2`; targets are NameExpr or IndexExpr.
struct AssignStat : Stat {
  static constexpr StatKind Kind = StatKind::Assign;
  std::vector<Expr*> targets;
  std::vector<Expr*> values;
  explicit AssignStat(SourceRange r) : Stat(Kind, r) {}
};

// A function or method call used as a statement (CallExpr or MethodCallExpr).
struct CallStat : Stat {
  static constexpr StatKind Kind = StatKind::Call;
  Expr* call = nullptr;
  CallStat(SourceRange r, Expr* c) : Stat(Kind, r), call(c) {}
};

struct DoStat : Stat {
  static constexpr StatKind Kind = StatKind::Do;
  Block* body = nullptr;
  explicit DoStat(SourceRange r) : Stat(Kind, r) {}
};

struct WhileStat : Stat {
  static constexpr StatKind Kind = StatKind::While;
  Expr* condition = nullptr;
  Block* body = nullptr;
  explicit WhileStat(SourceRange r) : Stat(Kind, r) {}
};

// `repeat body until condition`: the condition sees the body's locals.
struct RepeatStat : Stat {
  static constexpr StatKind Kind = StatKind::Repeat;
  Block* body = nullptr;
  Expr* condition = nullptr;
  explicit RepeatStat(SourceRange r) : Stat(Kind, r) {}
};

// `if c1 then b1 elseif c2 then b2 ... else e end`: conditions[i] guards blocks[i].
struct IfStat : Stat {
  static constexpr StatKind Kind = StatKind::If;
  std::vector<Expr*> conditions;
  std::vector<Block*> blocks;
  Block* elseBlock = nullptr; // nullptr when there is no `else`
  explicit IfStat(SourceRange r) : Stat(Kind, r) {}
};

// `for var = start, limit[, step] do body end`
struct NumericForStat : Stat {
  static constexpr StatKind Kind = StatKind::NumericFor;
  Local* var = nullptr;
  Expr* start = nullptr;
  Expr* limit = nullptr;
  Expr* step = nullptr; // nullptr when omitted (step 1)
  Block* body = nullptr;
  explicit NumericForStat(SourceRange r) : Stat(Kind, r) {}
};

// `for v1, v2 in e1, e2 do body end`
struct GenericForStat : Stat {
  static constexpr StatKind Kind = StatKind::GenericFor;
  std::vector<Local*> vars;
  std::vector<Expr*> values;
  Block* body = nullptr;
  explicit GenericForStat(SourceRange r) : Stat(Kind, r) {}
};

// `function a.b.c:m(params) body end`. `target` is what gets assigned (a NameExpr or an
// IndexExpr chain built from the dotted name); isMethod adds the implicit `self` parameter.
struct FunctionStat : Stat {
  static constexpr StatKind Kind = StatKind::Function;
  Expr* target = nullptr;
  bool isMethod = false;
  FunctionBody* body = nullptr;
  explicit FunctionStat(SourceRange r) : Stat(Kind, r) {}
};

// `local function f(params) body end`: `f` is in scope inside its own body.
struct LocalFunctionStat : Stat {
  static constexpr StatKind Kind = StatKind::LocalFunction;
  Local* local = nullptr;
  FunctionBody* body = nullptr;
  explicit LocalFunctionStat(SourceRange r) : Stat(Kind, r) {}
};

struct ReturnStat : Stat {
  static constexpr StatKind Kind = StatKind::Return;
  std::vector<Expr*> values;
  explicit ReturnStat(SourceRange r) : Stat(Kind, r) {}
};

struct BreakStat : Stat {
  static constexpr StatKind Kind = StatKind::Break;
  explicit BreakStat(SourceRange r) : Stat(Kind, r) {}
};

struct LabelStat;

struct GotoStat : Stat {
  static constexpr StatKind Kind = StatKind::Goto;
  std::string label;
  LabelStat* target = nullptr; // filled by the Resolver
  GotoStat(SourceRange r, std::string l) : Stat(Kind, r), label(std::move(l)) {}
};

struct LabelStat : Stat {
  static constexpr StatKind Kind = StatKind::Label;
  std::string name;
  LabelStat(SourceRange r, std::string n) : Stat(Kind, r), name(std::move(n)) {}
};

struct EmptyStat : Stat {
  static constexpr StatKind Kind = StatKind::Empty;
  explicit EmptyStat(SourceRange r) : Stat(Kind, r) {}
};

// ---------------------------------------------------------------------------------------------
// Blocks, functions, chunks

struct Block {
  std::vector<Stat*> stats; // a ReturnStat, if any, is last
  SourceRange range;
};

struct FunctionBody {
  std::vector<Local*> params; // includes the implicit `self` first for methods
  bool isVararg = false;
  Block* body = nullptr;
  SourceRange range;              // from `function` (or the parameter list) to `end`
  std::string name;               // for messages and tracebacks: "f", "a.b:m", "anonymous"
  FunctionBody* parent = nullptr; // enclosing function; nullptr for the main chunk
  // Filled by the Resolver: locals of enclosing functions this function (or a function nested
  // in it) refers to, in first-use order; the compiler numbers upvalues from this list.
  std::vector<Local*> captures;
  std::vector<Local*> locals; // every local declared directly in this function, in order
};

// A comment, kept for annotations (`---@param`, `---@class`, ...).
struct Comment {
  SourceRange range;
  std::string text; // without the leading `--` (and without long-bracket delimiters)
  bool isLong = false;
};

// A parsed file. The main function is vararg and has no parameters, as in Lua.
struct Chunk {
  FileId file = 0;
  FunctionBody* main = nullptr;
  std::vector<std::unique_ptr<Comment>> comments;
};

// Owns every node of one or more chunks.
class AstContext {
public:
  template <class T, class... Args> T* make(Args&&... args) {
    auto node = std::make_unique<T>(std::forward<Args>(args)...);
    T* raw = node.get();
    if constexpr (std::is_base_of_v<Expr, T>)
      exprs_.push_back(std::move(node));
    else if constexpr (std::is_base_of_v<Stat, T>)
      stats_.push_back(std::move(node));
    else if constexpr (std::is_same_v<T, Block>)
      blocks_.push_back(std::move(node));
    else if constexpr (std::is_same_v<T, FunctionBody>)
      functions_.push_back(std::move(node));
    else if constexpr (std::is_same_v<T, Local>)
      locals_.push_back(std::move(node));
    else
      static_assert(sizeof(T) == 0, "AstContext::make: not an AST node type");
    return raw;
  }

private:
  std::vector<std::unique_ptr<Expr>> exprs_;
  std::vector<std::unique_ptr<Stat>> stats_;
  std::vector<std::unique_ptr<Block>> blocks_;
  std::vector<std::unique_ptr<FunctionBody>> functions_;
  std::vector<std::unique_ptr<Local>> locals_;
};

} // namespace sloth::ast
