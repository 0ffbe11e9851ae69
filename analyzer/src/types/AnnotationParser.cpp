// Turns the ANTLR parse tree of one annotation line into an Annotation. The tree is walked with
// the generated accessors (antlrcpp::Any would silently drop strings and vectors in 4.9).
#include "sloth/analyzer/types/Annotation.h"

#include "sloth/analyzer/types/TypeContext.h"

#include <DeferredInitializers.h>
#include <LuaAnnotationLexer.h>
#include <LuaAnnotationParser.h>
#include <antlr4-runtime.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdlib>

namespace sloth::types {

namespace {

using P = grammar::LuaAnnotationParser;

class CollectErrors : public antlr4::BaseErrorListener {
public:
  explicit CollectErrors(std::vector<AnnotationError>& errors) : errors_(errors) {}
  // ANTLR's own wording ("mismatched input ... expecting {...}") lists grammar token names;
  // the user gets the offending text instead.
  void syntaxError(antlr4::Recognizer*, antlr4::Token* offending, size_t, size_t column,
                   const std::string&, std::exception_ptr) override {
    std::string message = !offending || offending->getType() == antlr4::Token::EOF
                              ? "unexpected end of annotation"
                              : "unexpected '" + offending->getText() + "'";
    errors_.push_back({static_cast<int>(column) + 1, std::move(message)});
  }

private:
  std::vector<AnnotationError>& errors_;
};

// ANTLRInputStream rejects invalid UTF-8 with an exception; comments are bytes, so replace
// what does not decode (only descriptions can hold such bytes, and they are kept as text).
std::string validUtf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    auto c = static_cast<unsigned char>(text[i]);
    size_t len = c < 0x80           ? 1
                 : (c >> 5) == 0x6  ? 2
                 : (c >> 4) == 0xE  ? 3
                 : (c >> 3) == 0x1E ? 4
                                    : 0;
    bool ok = len > 0 && i + len <= text.size();
    for (size_t k = 1; ok && k < len; ++k)
      ok = (static_cast<unsigned char>(text[i + k]) & 0xC0) == 0x80;
    if (ok) {
      out.append(text.substr(i, len));
      i += len;
    } else {
      out += '?';
      ++i;
    }
  }
  return out;
}

bool hasToken(antlr4::ParserRuleContext* ctx, std::string_view text) {
  for (antlr4::tree::ParseTree* child : ctx->children)
    if (auto* term = dynamic_cast<antlr4::tree::TerminalNode*>(child))
      if (term->getText() == text)
        return true;
  return false;
}

std::string unquote(const std::string& literal) {
  std::string out;
  for (size_t i = 1; i + 1 < literal.size(); ++i) {
    if (literal[i] == '\\' && i + 2 < literal.size()) {
      char c = literal[++i];
      out += c == 'n' ? '\n' : c == 't' ? '\t' : c;
    } else {
      out += literal[i];
    }
  }
  return out;
}

int columnOf(antlr4::ParserRuleContext* ctx) {
  return static_cast<int>(ctx->getStart()->getCharPositionInLine()) + 1;
}

class TreeReader {
public:
  TreeReader(TypeContext& types, antlr4::CharStream& input,
             const std::vector<std::string>& genericNames, std::vector<TypeNameUse>& names)
      : types_(types), input_(input), generics_(genericNames), names_(names) {}

  // `---@class List<T>` / `---@alias Fn<T> fun(x: T)`: T stands for any in this line.
  void addGenerics(P::GenericNamesContext* ctx) {
    if (ctx)
      for (P::IdentifierContext* id : ctx->identifier())
        generics_.push_back(id->getText());
  }

  TypeRef type(P::TypeContext* ctx) {
    std::vector<TypeRef> members;
    for (P::PostfixTypeContext* p : ctx->postfixType())
      members.push_back(postfix(p));
    return types_.unionOf(members);
  }

  std::string description(P::DescriptionContext* ctx) {
    if (!ctx)
      return "";
    std::string text = input_.getText(
        antlr4::misc::Interval(ctx->getStart()->getStartIndex(), ctx->getStop()->getStopIndex()));
    // LuaLS allows `# text` to set a description apart from the type.
    if (!text.empty() && text[0] == '#')
      text.erase(0, 1);
    size_t start = text.find_first_not_of(" \t");
    return start == std::string::npos ? "" : text.substr(start);
  }

  std::string name(P::QualifiedNameContext* ctx) {
    std::string out;
    for (P::IdentifierContext* id : ctx->identifier())
      out += (out.empty() ? "" : ".") + id->getText();
    return out;
  }

  TypeRef functionType(P::FunctionTypeContext* ctx) {
    std::vector<FunctionParam> params;
    for (P::FunctionParamContext* p : ctx->functionParam()) {
      FunctionParam param;
      param.variadic = p->ELLIPSIS() != nullptr;
      param.name = param.variadic ? "..." : p->identifier()->getText();
      param.optional = param.variadic || hasToken(p, "?");
      param.type = p->type() ? type(p->type()) : types_.any();
      params.push_back(std::move(param));
    }
    std::vector<FunctionReturn> returns;
    if (P::FunctionReturnsContext* rs = ctx->functionReturns()) {
      for (P::FunctionReturnContext* r : rs->functionReturn()) {
        FunctionReturn ret;
        ret.variadic = r->ELLIPSIS() != nullptr;
        if (r->identifier())
          ret.name = r->identifier()->getText();
        ret.type = r->type() ? type(r->type()) : types_.any();
        if (hasToken(r, "?"))
          ret.type = types_.optional(ret.type);
        returns.push_back(std::move(ret));
      }
    }
    return types_.function(std::move(params), std::move(returns));
  }

private:
  TypeRef postfix(P::PostfixTypeContext* ctx) {
    TypeRef t = primary(ctx->primaryType());
    for (P::TypeSuffixContext* s : ctx->typeSuffix())
      t = dynamic_cast<P::ArraySuffixContext*>(s) ? types_.array(t) : types_.optional(t);
    return t;
  }

  TypeRef primary(P::PrimaryTypeContext* ctx) {
    if (auto* f = dynamic_cast<P::FunTypeContext*>(ctx))
      return functionType(f->functionType());
    if (auto* p = dynamic_cast<P::ParenTypeContext*>(ctx))
      return type(p->type());
    if (auto* s = dynamic_cast<P::StringLiteralTypeContext*>(ctx))
      return types_.stringLiteral(unquote(s->STRING()->getText()));
    if (auto* n = dynamic_cast<P::NumberLiteralTypeContext*>(ctx))
      return number(n->NUMBER()->getText());
    if (dynamic_cast<P::BooleanLiteralTypeContext*>(ctx))
      return types_.booleanLiteral(ctx->getText() == "true");
    if (dynamic_cast<P::VarargTypeContext*>(ctx) ||
        dynamic_cast<P::CapturedGenericTypeContext*>(ctx))
      return types_.any();
    if (auto* t = dynamic_cast<P::TableLiteralTypeContext*>(ctx))
      return tableLiteral(t);
    return named(dynamic_cast<P::NamedTypeContext*>(ctx));
  }

  TypeRef number(const std::string& text) {
    bool negative = text[0] == '-';
    std::string digits = negative ? text.substr(1) : text;
    if (digits.size() > 2 && (digits[1] == 'x' || digits[1] == 'X')) {
      int64_t v = static_cast<int64_t>(std::strtoull(digits.c_str() + 2, nullptr, 16));
      return types_.integerLiteral(negative ? -v : v);
    }
    if (digits.find_first_of(".eE") == std::string::npos) {
      int64_t v = 0;
      auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), v);
      if (ec == std::errc())
        return types_.integerLiteral(negative ? -v : v);
    }
    return types_.numberLiteral(std::strtod(text.c_str(), nullptr));
  }

  TypeRef tableLiteral(P::TableLiteralTypeContext* ctx) {
    std::vector<Field> fields;
    std::vector<IndexField> indexFields;
    for (P::TableTypeFieldContext* f : ctx->tableTypeField()) {
      if (f->identifier()) {
        Field field;
        field.name = f->identifier()->getText();
        field.optional = hasToken(f, "?");
        field.type = type(f->type(0));
        fields.push_back(std::move(field));
      } else {
        indexFields.push_back({type(f->type(0)), type(f->type(1))});
      }
    }
    return types_.tableLiteral(std::move(fields), std::move(indexFields));
  }

  TypeRef named(P::NamedTypeContext* ctx) {
    std::string n = name(ctx->qualifiedName());
    std::vector<P::TypeContext*> args = ctx->type();
    if (n == "table" && args.size() == 2)
      return types_.map(type(args[0]), type(args[1]));
    if (n == "table" && args.size() == 1)
      return types_.array(type(args[0]));
    for (P::TypeContext* a : args) // generic arguments of other names are checked, then ignored
      type(a);
    if (std::find(generics_.begin(), generics_.end(), n) != generics_.end())
      return types_.any();
    TypeRef t = types_.named(n);
    if (t->kind() == TypeKind::Named)
      names_.push_back({n, columnOf(ctx)});
    return t;
  }

  TypeContext& types_;
  antlr4::CharStream& input_;
  std::vector<std::string> generics_;
  std::vector<TypeNameUse>& names_;
};

void readTag(P::TagContext* tag, TreeReader& r, Annotation& a, TypeContext& types) {
  if (auto* t = dynamic_cast<P::MetaTagContext*>(tag)) {
    a.tag = AnnotationTag::Meta;
    a.name = t->identifier() ? t->identifier()->getText() : "";
    a.description = r.description(t->description());
  } else if (auto* t = dynamic_cast<P::ClassTagContext*>(tag)) {
    a.tag = AnnotationTag::Class;
    r.addGenerics(t->genericNames());
    if (t->classAttributes())
      for (P::IdentifierContext* id : t->classAttributes()->identifier())
        a.classAttributes.push_back(id->getText());
    a.exact = std::find(a.classAttributes.begin(), a.classAttributes.end(), "exact") !=
              a.classAttributes.end();
    std::vector<P::QualifiedNameContext*> names = t->qualifiedName();
    a.name = r.name(names[0]);
    for (size_t i = 1; i < names.size(); ++i)
      a.parents.push_back(r.name(names[i]));
    a.description = r.description(t->description());
  } else if (auto* t = dynamic_cast<P::FieldTagContext*>(tag)) {
    a.tag = AnnotationTag::Field;
    if (t->fieldKey()->identifier())
      a.name = t->fieldKey()->identifier()->getText();
    else
      a.fieldKey = r.type(t->fieldKey()->type());
    a.optional = hasToken(t, "?");
    a.type = r.type(t->type());
    a.description = r.description(t->description());
  } else if (auto* t = dynamic_cast<P::ParamTagContext*>(tag)) {
    a.tag = AnnotationTag::Param;
    a.name = t->paramName()->getText();
    a.optional = hasToken(t, "?");
    a.type = r.type(t->type());
    a.description = r.description(t->description());
  } else if (auto* t = dynamic_cast<P::ReturnTagContext*>(tag)) {
    a.tag = AnnotationTag::Return;
    for (P::ReturnItemContext* item : t->returnItem()) {
      ReturnAnnotation ret;
      ret.type = item->type() ? r.type(item->type()) : types.any();
      ret.variadic = item->ELLIPSIS() != nullptr;
      if (item->identifier())
        ret.name = item->identifier()->getText();
      a.returns.push_back(std::move(ret));
    }
    a.description = r.description(t->description());
  } else if (auto* t = dynamic_cast<P::AliasTagContext*>(tag)) {
    a.tag = AnnotationTag::Alias;
    a.name = r.name(t->qualifiedName());
    r.addGenerics(t->genericNames());
    a.type = t->type() ? r.type(t->type()) : nullptr;
    a.description = r.description(t->description());
  } else if (auto* t = dynamic_cast<P::TypeTagContext*>(tag)) {
    a.tag = AnnotationTag::Type;
    a.type = r.type(t->type(0)); // `---@type A, B` types a multiple assignment; the first is kept
    a.description = r.description(t->description());
  } else if (auto* t = dynamic_cast<P::OverloadTagContext*>(tag)) {
    a.tag = AnnotationTag::Overload;
    a.type = r.functionType(t->functionType());
    a.description = r.description(t->description());
  } else if (auto* t = dynamic_cast<P::GenericTagContext*>(tag)) {
    a.tag = AnnotationTag::Generic;
    for (P::GenericParamContext* g : t->genericParam())
      a.genericNames.push_back(g->identifier()->getText());
    a.description = r.description(t->description());
  } else if (auto* t = dynamic_cast<P::VarargTagContext*>(tag)) {
    a.tag = AnnotationTag::Vararg;
    a.type = r.type(t->type());
    a.description = r.description(t->description());
  } else if (auto* t = dynamic_cast<P::CastTagContext*>(tag)) {
    a.tag = AnnotationTag::Cast;
    a.name = t->identifier()->getText();
    a.type = r.type(t->castType(0)->type());
    a.description = r.description(t->description());
  } else if (auto* t = dynamic_cast<P::EnumTagContext*>(tag)) {
    a.tag = AnnotationTag::Enum;
    a.name = r.name(t->qualifiedName());
    a.description = r.description(t->description());
  } else if (auto* t = dynamic_cast<P::EffectTagContext*>(tag)) {
    a.tag = AnnotationTag::Effect;
    a.name = t->identifier()->getText();
    a.description = r.description(t->description());
  } else if (auto* t = dynamic_cast<P::PlanTagContext*>(tag)) {
    a.tag = AnnotationTag::Plan;
    a.planTemplate = unquote(t->STRING()->getText());
    a.description = r.description(t->description());
  } else {
    // The tags that carry only free text.
    static const std::pair<const char*, AnnotationTag> plain[] = {
        {"deprecated", AnnotationTag::Deprecated},
        {"diagnostic", AnnotationTag::Diagnostic},
        {"see", AnnotationTag::See},
        {"nodiscard", AnnotationTag::Nodiscard},
        {"async", AnnotationTag::Async},
        {"secret", AnnotationTag::Secret}};
    a.tag = AnnotationTag::Other;
    for (const auto& [word, kind] : plain)
      if (a.tagName == word)
        a.tag = kind;
    for (antlr4::tree::ParseTree* child : tag->children)
      if (auto* d = dynamic_cast<P::DescriptionContext*>(child))
        a.description = r.description(d);
  }
}

// One lexer and parser per thread, reset for each line: building them costs more than parsing
// a typical annotation.
struct ParserSet {
  antlr4::ANTLRInputStream input;
  grammar::LuaAnnotationLexer lexer{&input};
  antlr4::CommonTokenStream tokens{&lexer};
  P parser{&tokens};
  ParserSet() {
    lexer.removeErrorListeners(); // the lexer cannot fail: any stray character is an ANY token
    parser.removeErrorListeners();
  }
};

// Limits that keep one annotation's parse small: ANTLR's parser recurses once per nesting level
// (20 000 `(` overflowed the stack) and a chain of `fun(): fun(): ...` return types needs
// full-context prediction at each level (cubic time). Real annotations stay far below.
constexpr size_t kMaxAnnotationLength = 4096;
constexpr int kMaxAnnotationNesting = 32;
constexpr int kMaxFunctionTypes = 16;

std::optional<AnnotationError> exceedsLimits(std::string_view text) {
  if (text.size() > kMaxAnnotationLength)
    return AnnotationError{1, "annotation too long (limit is " +
                                  std::to_string(kMaxAnnotationLength) + " characters)"};
  int depth = 0;
  int functions = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '(' || c == '<' || c == '{' || c == '[') {
      if (++depth > kMaxAnnotationNesting)
        return AnnotationError{static_cast<int>(i) + 1, "annotation nested too deeply (limit is " +
                                                            std::to_string(kMaxAnnotationNesting) +
                                                            " levels)"};
    } else if (c == ')' || c == '>' || c == '}' || c == ']') {
      depth = std::max(0, depth - 1);
    } else if (text.compare(i, 4, "fun(") == 0 &&
               (i == 0 || !(std::isalnum(static_cast<unsigned char>(text[i - 1])) ||
                            text[i - 1] == '_' || text[i - 1] == '.'))) {
      if (++functions > kMaxFunctionTypes)
        return AnnotationError{static_cast<int>(i) + 1,
                               "annotation has too many function types (limit is " +
                                   std::to_string(kMaxFunctionTypes) + ")"};
    }
  }
  return std::nullopt;
}

} // namespace

AnnotationParse parseAnnotation(std::string_view text, TypeContext& types,
                                const std::vector<std::string>& genericNames) {
  AnnotationParse result;
  if (auto error = exceedsLimits(text)) {
    result.errors.push_back(std::move(*error));
    return result;
  }
  grammar::runAnnotationParserInitializers(); // their ATN, built on the first annotation
  thread_local ParserSet set;
  set.input.load(validUtf8(text));
  set.lexer.setInputStream(&set.input);
  set.tokens.setTokenSource(&set.lexer);
  P& parser = set.parser;
  parser.setTokenStream(&set.tokens);
  // Two stages (research/antlr.md §3): the fast SLL prediction first, bailing out at the first
  // error; only then full LL with error reporting, so errors are exact and valid lines are quick.
  parser.getInterpreter<antlr4::atn::ParserATNSimulator>()->setPredictionMode(
      antlr4::atn::PredictionMode::SLL);
  parser.setErrorHandler(std::make_shared<antlr4::BailErrorStrategy>());
  P::AnnotationContext* tree = nullptr;
  try {
    tree = parser.annotation();
  } catch (const antlr4::ParseCancellationException&) {
    set.tokens.seek(0);
    parser.reset();
    parser.setErrorHandler(std::make_shared<antlr4::DefaultErrorStrategy>());
    parser.getInterpreter<antlr4::atn::ParserATNSimulator>()->setPredictionMode(
        antlr4::atn::PredictionMode::LL);
    CollectErrors errors(result.errors);
    parser.addErrorListener(&errors);
    tree = parser.annotation();
    parser.removeErrorListeners();
    if (!result.errors.empty())
      return result;
  }

  Annotation a;
  P::TagContext* tag = tree->tag();
  a.tagName = tag->getStart()->getText();
  TreeReader reader(types, set.input, genericNames, a.typeNames);
  readTag(tag, reader, a, types);
  result.annotation = std::move(a);
  return result;
}

TypeParse parseTypeExpression(std::string_view text, TypeContext& types) {
  static constexpr std::string_view prefix = "type ";
  TypeParse result;
  AnnotationParse parsed = parseAnnotation(std::string(prefix) + std::string(text), types);
  for (AnnotationError e : parsed.errors) {
    e.column = std::max(1, e.column - static_cast<int>(prefix.size()));
    result.errors.push_back(std::move(e));
  }
  if (!parsed.annotation)
    return result;
  if (!parsed.annotation->description.empty()) {
    result.errors.push_back(
        {0, "unexpected text after the type: '" + parsed.annotation->description + "'"});
    return result;
  }
  result.type = parsed.annotation->type;
  for (TypeNameUse use : parsed.annotation->typeNames) {
    use.column -= static_cast<int>(prefix.size());
    result.typeNames.push_back(std::move(use));
  }
  return result;
}

} // namespace sloth::types
