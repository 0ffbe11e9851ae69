#include "DataToml.h"

#include "DataError.h"

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

} // namespace

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
