#include "DataToml.h"

#include "DataError.h"
#include "DataLuaTables.h"
#include "DataNull.h"

#include <toml++/toml.h>

#include <sstream>

namespace sloth::stdlib::modules {

namespace {

template <typename T> void pushAsText(vm::Thread& L, const T& value) {
  std::ostringstream text;
  text << value;
  L.pushString(text.str());
}

void pushNode(vm::Thread& L, const toml::node& node) {
  L.checkStack(3);
  switch (node.type()) {
  case toml::node_type::table: {
    const toml::table& table = *node.as_table();
    L.newTable(0, static_cast<int>(table.size()));
    for (const auto& [key, value] : table) {
      L.pushString(key.str());
      pushNode(L, value);
      L.rawSet(-3);
    }
    return;
  }
  case toml::node_type::array: {
    const toml::array& array = *node.as_array();
    L.newTable(static_cast<int>(array.size()), 0);
    std::int64_t i = 1;
    for (const toml::node& item : array) {
      pushNode(L, item);
      L.rawSetI(-2, i++);
    }
    markArray(L);
    return;
  }
  case toml::node_type::string:
    L.pushString(node.as_string()->get());
    return;
  case toml::node_type::integer:
    L.pushInteger(node.as_integer()->get());
    return;
  case toml::node_type::floating_point:
    L.pushNumber(node.as_floating_point()->get());
    return;
  case toml::node_type::boolean:
    L.pushBoolean(node.as_boolean()->get());
    return;
  case toml::node_type::date:
    pushAsText(L, node.as_date()->get());
    return;
  case toml::node_type::time:
    pushAsText(L, node.as_time()->get());
    return;
  case toml::node_type::date_time:
    pushAsText(L, node.as_date_time()->get());
    return;
  case toml::node_type::none:
    L.pushNil();
    return;
  }
}

class TomlEncoder {
public:
  explicit TomlEncoder(vm::Thread& L) : L(L) {}

  toml::table document(int index) {
    index = L.absIndex(index);
    if (L.type(index) != vm::Type::Table || encodesAsArray(L, index))
      throw DataError(std::string("a TOML document is a table with named keys, got ") +
                      (L.type(index) == vm::Type::Table ? "an array" : L.typeNameAt(index)));
    return table(index, "");
  }

private:
  toml::table table(int index, const std::string& path) {
    visited.enter(L, index, path);
    toml::table result;
    L.pushNil();
    while (L.next(index)) {
      std::string childPath = keyPath(path, L, -2);
      std::string key = objectKey(L, -2, childPath);
      insert(L.top(), childPath, [&](auto&& value) {
        result.insert_or_assign(key, std::forward<decltype(value)>(value));
      });
      L.pop();
    }
    visited.leave(L, index);
    return result;
  }

  toml::array array(int index, const std::string& path) {
    visited.enter(L, index, path);
    toml::array result;
    std::size_t n = L.rawLen(index);
    for (std::size_t i = 1; i <= n; i++) {
      L.rawGetI(index, static_cast<std::int64_t>(i));
      insert(L.top(), path + "[" + std::to_string(i) + "]",
             [&](auto&& value) { result.push_back(std::forward<decltype(value)>(value)); });
      L.pop();
    }
    visited.leave(L, index);
    return result;
  }

  // Converts the value at `index` and hands it to `add` (which puts it in a table or array).
  template <typename Add> void insert(int index, const std::string& path, Add&& add) {
    L.checkStack(4);
    switch (L.type(index)) {
    case vm::Type::Boolean:
      add(L.toBoolean(index));
      return;
    case vm::Type::Number:
      if (L.isInteger(index))
        add(L.toInteger(index));
      else
        add(L.toNumber(index));
      return;
    case vm::Type::String: {
      std::string_view view;
      L.toStringView(index, view);
      add(std::string(view));
      return;
    }
    case vm::Type::Table:
      if (encodesAsArray(L, index))
        add(array(L.absIndex(index), path));
      else
        add(table(L.absIndex(index), path));
      return;
    default:
      throw DataError("at " + path + ": " +
                      (isNull(L, index) ? std::string("TOML has no null")
                                        : "cannot encode a " + std::string(L.typeNameAt(index))));
    }
  }

  vm::Thread& L;
  VisitedTables visited;
};

} // namespace

std::string encodeToml(vm::Thread& L, int index) {
  toml::table document = TomlEncoder(L).document(index);
  std::ostringstream text;
  text << toml::toml_formatter(document, toml::toml_formatter::default_flags &
                                             ~toml::format_flags::indentation);
  std::string result = text.str();
  if (!result.empty() && result.back() != '\n')
    result += '\n';
  return result;
}

void pushParsedToml(vm::Thread& L, std::string_view text) {
  toml::table document;
  try {
    document = toml::parse(text);
  } catch (const toml::parse_error& e) {
    const toml::source_position& at = e.source().begin;
    throw DataError("line " + std::to_string(at.line) + ", column " + std::to_string(at.column) +
                    ": " + std::string(e.description()));
  }
  pushNode(L, document);
}

} // namespace sloth::stdlib::modules
