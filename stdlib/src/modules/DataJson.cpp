#include "DataJson.h"

#include "DataError.h"
#include "DataLuaTables.h"
#include "DataNull.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <limits>

namespace sloth::stdlib::modules {

using nlohmann::json;

namespace {

void pushJson(vm::Thread& L, const json& value) {
  L.checkStack(3);
  switch (value.type()) {
  case json::value_t::null:
    pushNull(L);
    return;
  case json::value_t::discarded:
    L.pushNil();
    return;
  case json::value_t::boolean:
    L.pushBoolean(value.get<bool>());
    return;
  case json::value_t::number_integer:
    L.pushInteger(value.get<std::int64_t>());
    return;
  case json::value_t::number_unsigned: {
    auto n = value.get<std::uint64_t>();
    if (n <= static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
      L.pushInteger(static_cast<std::int64_t>(n));
    else
      L.pushNumber(static_cast<double>(n));
    return;
  }
  case json::value_t::number_float:
    L.pushNumber(value.get<double>());
    return;
  case json::value_t::string:
    L.pushString(value.get_ref<const std::string&>());
    return;
  case json::value_t::binary:
    L.pushNil();
    return;
  case json::value_t::array: {
    L.newTable(static_cast<int>(value.size()), 0);
    std::int64_t i = 1;
    for (const json& item : value) {
      pushJson(L, item);
      L.rawSetI(-2, i++);
    }
    markArray(L);
    return;
  }
  case json::value_t::object:
    L.newTable(0, static_cast<int>(value.size()));
    for (const auto& [key, item] : value.items()) {
      L.pushString(key);
      pushJson(L, item);
      L.rawSet(-3);
    }
    return;
  }
}

json toJson(vm::Thread& L, int index, const std::string& path, VisitedTables& visited);

json tableToJson(vm::Thread& L, int index, const std::string& path, VisitedTables& visited) {
  visited.enter(L, index, path);
  json result;
  if (encodesAsArray(L, index)) {
    result = json::array();
    std::size_t n = L.rawLen(index);
    for (std::size_t i = 1; i <= n; i++) {
      L.rawGetI(index, static_cast<std::int64_t>(i));
      result.push_back(toJson(L, L.top(), path + "[" + std::to_string(i) + "]", visited));
      L.pop();
    }
  } else {
    result = json::object();
    L.pushNil();
    while (L.next(index)) {
      std::string childPath = keyPath(path, L, -2);
      std::string key = objectKey(L, -2, childPath);
      result[key] = toJson(L, L.top(), childPath, visited);
      L.pop();
    }
  }
  visited.leave(L, index);
  return result;
}

json toJson(vm::Thread& L, int index, const std::string& path, VisitedTables& visited) {
  L.checkStack(4);
  switch (L.type(index)) {
  case vm::Type::None:
  case vm::Type::Nil:
    return nullptr;
  case vm::Type::Boolean:
    return L.toBoolean(index);
  case vm::Type::Number: {
    if (L.isInteger(index))
      return L.toInteger(index);
    double n = L.toNumber(index);
    if (!std::isfinite(n))
      throw DataError((path.empty() ? std::string() : "at " + path + ": ") +
                      "JSON has no representation for " + (std::isnan(n) ? "NaN" : "infinity"));
    return n;
  }
  case vm::Type::String: {
    std::string_view s;
    L.toStringView(index, s);
    return std::string(s);
  }
  case vm::Type::Table:
    return tableToJson(L, L.absIndex(index), path, visited);
  case vm::Type::Userdata:
    if (isNull(L, index))
      return nullptr;
    [[fallthrough]];
  default:
    throw DataError((path.empty() ? std::string() : "at " + path + ": ") + "cannot encode a " +
                    L.typeNameAt(index));
  }
}

// nlohmann counts the newline it stopped at as the start of the next line ("line 4, column 0");
// the place users look for is the last character of the offending token.
std::string parseErrorMessage(const json::parse_error& e, std::string_view text) {
  std::size_t offset = std::min<std::size_t>(e.byte > 0 ? e.byte - 1 : 0, text.size());
  while (offset > 0 && (offset >= text.size() || text[offset] == '\n'))
    offset--;
  std::size_t line = 1;
  std::size_t lineStart = 0;
  for (std::size_t i = 0; i < offset; i++)
    if (text[i] == '\n') {
      line++;
      lineStart = i + 1;
    }
  std::string cause = e.what();
  std::size_t colon = cause.find(": ", cause.find("parse error"));
  cause = colon == std::string::npos ? cause : cause.substr(colon + 2);
  return "line " + std::to_string(line) + ", column " + std::to_string(offset - lineStart + 1) +
         ": " + cause;
}

} // namespace

void pushParsedJson(vm::Thread& L, std::string_view text) {
  json value;
  // Nesting is refused while parsing: pushing a deeper value would exhaust the C++ stack.
  auto bounded = [](int depth, json::parse_event_t event, json&) {
    if (event == json::parse_event_t::object_start || event == json::parse_event_t::array_start)
      if (static_cast<std::size_t>(depth) >= kMaxTableNesting)
        throw DataError("arrays and objects nested more than " + std::to_string(kMaxTableNesting) +
                        " levels deep");
    return true;
  };
  try {
    value = json::parse(text, bounded);
  } catch (const json::parse_error& e) {
    throw DataError(parseErrorMessage(e, text));
  } catch (const json::exception& e) { // a number beyond a double (1e400): no position given
    std::string cause = e.what();
    std::size_t tag = cause.find("] ");
    throw DataError(tag == std::string::npos ? cause : cause.substr(tag + 2));
  }
  pushJson(L, value);
}

std::string encodeJson(vm::Thread& L, int index, bool pretty) {
  VisitedTables visited;
  json value = toJson(L, L.absIndex(index), "", visited);
  try {
    return pretty ? value.dump(2) : value.dump();
  } catch (const json::type_error&) {
    throw DataError("a string is not valid UTF-8 (JSON text must be UTF-8)");
  }
}

} // namespace sloth::stdlib::modules
