#include "sloth/frontend/Ast.h"

namespace sloth::ast {

const char* spelling(UnaryOp op) {
  switch (op) {
  case UnaryOp::Not:
    return "not";
  case UnaryOp::Neg:
    return "-";
  case UnaryOp::Len:
    return "#";
  case UnaryOp::BNot:
    return "~";
  }
  return "?";
}

const char* spelling(BinaryOp op) {
  switch (op) {
  case BinaryOp::Add:
    return "+";
  case BinaryOp::Sub:
    return "-";
  case BinaryOp::Mul:
    return "*";
  case BinaryOp::Div:
    return "/";
  case BinaryOp::IDiv:
    return "//";
  case BinaryOp::Mod:
    return "%";
  case BinaryOp::Pow:
    return "^";
  case BinaryOp::Concat:
    return "..";
  case BinaryOp::BAnd:
    return "&";
  case BinaryOp::BOr:
    return "|";
  case BinaryOp::BXor:
    return "~";
  case BinaryOp::Shl:
    return "<<";
  case BinaryOp::Shr:
    return ">>";
  case BinaryOp::Eq:
    return "==";
  case BinaryOp::Ne:
    return "~=";
  case BinaryOp::Lt:
    return "<";
  case BinaryOp::Le:
    return "<=";
  case BinaryOp::Gt:
    return ">";
  case BinaryOp::Ge:
    return ">=";
  case BinaryOp::And:
    return "and";
  case BinaryOp::Or:
    return "or";
  }
  return "?";
}

} // namespace sloth::ast
