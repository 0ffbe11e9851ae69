#include "sloth/stdlib/text/LibValue.h"

#include "sloth/stdlib/text/LibError.h"

namespace sloth::stdlib::text {

std::string luaTypeName(const LibValue& value) {
  switch (value.index()) {
  case 0:
    return "nil";
  case 1:
    return "boolean";
  case 2:
  case 3:
    return "number";
  case 4:
    return "string";
  default:
    return std::string(std::get<OtherValue>(value).typeName);
  }
}

LuaNumber checkNumber(const LibValue* value, int argument) {
  if (value != nullptr) {
    if (const auto* i = std::get_if<std::int64_t>(value))
      return *i;
    if (const auto* d = std::get_if<double>(value))
      return *d;
    if (const auto* s = std::get_if<std::string_view>(value))
      if (auto number = stringToNumber(*s))
        return *number;
  }
  throw LibError("number expected, got " + (value ? luaTypeName(*value) : "no value"), argument);
}

double checkFloat(const LibValue* value, int argument) {
  LuaNumber number = checkNumber(value, argument);
  if (const auto* i = std::get_if<std::int64_t>(&number))
    return static_cast<double>(*i);
  return std::get<double>(number);
}

std::int64_t checkInteger(const LibValue* value, int argument) {
  LuaNumber number = checkNumber(value, argument);
  if (const auto* i = std::get_if<std::int64_t>(&number))
    return *i;
  if (auto exact = floatToInteger(std::get<double>(number)))
    return *exact;
  throw LibError("number has no integer representation", argument);
}

std::string checkString(const LibValue* value, int argument) {
  if (value != nullptr) {
    if (const auto* s = std::get_if<std::string_view>(value))
      return std::string(*s);
    if (value->index() == 2 || value->index() == 3)
      return luaToString(*value);
  }
  throw LibError("string expected, got " + (value ? luaTypeName(*value) : "no value"), argument);
}

std::string luaToString(const LibValue& value) {
  switch (value.index()) {
  case 0:
    return "nil";
  case 1:
    return std::get<bool>(value) ? "true" : "false";
  case 2:
    return integerToString(std::get<std::int64_t>(value));
  case 3:
    return floatToString(std::get<double>(value));
  case 4:
    return std::string(std::get<std::string_view>(value));
  default:
    return std::get<OtherValue>(value).toString();
  }
}

} // namespace sloth::stdlib::text
