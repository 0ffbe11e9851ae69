// Reading ANTLR parse trees without dynamic_cast. The generated accessors (`ctx->exp()`,
// `ctx->NAME(i)`) and a dynamic_cast per labelled alternative type-test every child through the
// C++ runtime's type_info string compares; on a large corpus that was an eighth of the parse
// time. The parser, its context classes and the ANTLR runtime are all linked statically into
// each binary, so every parse-tree class has exactly one type_info object and an address compare
// tests the exact class.
#pragma once

#include "antlr4-runtime.h"

#include <typeinfo>

namespace sloth::parse_tree {

// Exactly class T (not a subclass).
template <class T> bool is(antlr4::tree::ParseTree* node) {
  return &typeid(*node) == &typeid(T);
}

// For context classes (ANTLR's leaves derive virtually and can't be static_cast to).
template <class T> T* as(antlr4::tree::ParseTree* node) {
  return is<T>(node) ? static_cast<T*>(node) : nullptr;
}

// Trees that reach the AST builder parsed without errors, so every leaf is a plain terminal.
inline bool isLeaf(antlr4::tree::ParseTree* node) {
  return is<antlr4::tree::TerminalNodeImpl>(node);
}

// The rule a child context belongs to (any labelled alternative of it); false for a leaf.
inline bool isRule(antlr4::tree::ParseTree* node, size_t ruleIndex) {
  return !isLeaf(node) && static_cast<antlr4::RuleContext*>(node)->getRuleIndex() == ruleIndex;
}

// Calls f(Ctx*) for each child of `c` in rule `ruleIndex`, in order.
template <class Ctx, class F>
void forEachRule(antlr4::ParserRuleContext* c, size_t ruleIndex, F&& f) {
  for (auto* child : c->children)
    if (isRule(child, ruleIndex))
      f(static_cast<Ctx*>(child));
}

// The first child of `c` in rule `ruleIndex`, or null.
template <class Ctx> Ctx* firstRule(antlr4::ParserRuleContext* c, size_t ruleIndex) {
  for (auto* child : c->children)
    if (isRule(child, ruleIndex))
      return static_cast<Ctx*>(child);
  return nullptr;
}

} // namespace sloth::parse_tree
