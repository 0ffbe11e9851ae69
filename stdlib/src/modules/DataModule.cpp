// Lua bindings of the data module.
#include "sloth/stdlib/modules/DataModule.h"

#include "DataError.h"
#include "DataJson.h"
#include "DataNull.h"
#include "DataToml.h"
#include "DataYaml.h"
#include "TemplateEngine.h"
#include "TemplateError.h"
#include "lib/LibSupport.h"
#include "sloth/stdlib/modules/Options.h"

#include <new>

namespace sloth::stdlib {

using namespace modules;
using vm::Thread;

namespace {

// Runs a conversion; its DataError becomes the Lua error "data.json_parse: cause".
template <typename Conversion>
auto reportingErrors(Thread& L, const char* function, Conversion&& conversion)
    -> decltype(conversion()) {
  std::string cause;
  int top = L.top();
  try {
    return conversion();
  } catch (const DataError& e) {
    cause = e.what();
  } catch (const std::bad_alloc&) {
    cause = "not enough memory";
  }
  L.setTop(top);
  L.runError(std::string(function) + ": " + cause);
}

int dataJsonParse(Thread& L) {
  std::string_view text = L.checkString(1);
  reportingErrors(L, "data.json_parse", [&] { pushParsedJson(L, text); });
  return 1;
}

int dataJsonEncode(Thread& L) {
  L.checkAny(1);
  Options options(L, 2, "data.json_encode", {"pretty"});
  bool pretty = options.boolean("pretty").value_or(false);
  L.pushString(reportingErrors(L, "data.json_encode", [&] { return encodeJson(L, 1, pretty); }));
  return 1;
}

int dataYamlParse(Thread& L) {
  std::string_view text = L.checkString(1);
  reportingErrors(L, "data.yaml_parse", [&] { pushParsedYaml(L, text); });
  return 1;
}

int dataYamlEncode(Thread& L) {
  L.checkAny(1);
  L.pushString(reportingErrors(L, "data.yaml_encode", [&] { return encodeYaml(L, 1); }));
  return 1;
}

int dataTomlEncode(Thread& L) {
  L.checkAny(1);
  L.pushString(reportingErrors(L, "data.toml_encode", [&] { return encodeToml(L, 1); }));
  return 1;
}

int dataTomlParse(Thread& L) {
  std::string_view text = L.checkString(1);
  reportingErrors(L, "data.toml_parse", [&] { pushParsedToml(L, text); });
  return 1;
}

int dataTemplate(Thread& L) {
  std::string_view text = L.checkString(1);
  std::string cause;
  try {
    TemplateMap variables = templateVariables(L, 2);
    L.pushString(renderTemplate(text, variables));
    return 1;
  } catch (const TemplateError& e) {
    cause = e.what();
  } catch (const std::bad_alloc&) {
    cause = "not enough memory";
  }
  L.runError("data.template: " + cause);
}

} // namespace

void openData(Thread& L) {
  lib::newModule(L, "data",
                 {{"json_parse", dataJsonParse},
                  {"json_encode", dataJsonEncode},
                  {"yaml_parse", dataYamlParse},
                  {"yaml_encode", dataYamlEncode},
                  {"toml_parse", dataTomlParse},
                  {"toml_encode", dataTomlEncode},
                  {"template", dataTemplate}});
  pushNull(L);
  L.setField(-2, "null");
  L.pop();
}

} // namespace sloth::stdlib
