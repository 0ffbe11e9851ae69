// The data module: JSON, YAML and TOML parsing and JSON encoding, with Python's json, yaml
// (PyYAML) and tomllib as oracles for what a document means. (Encoding YAML and TOML is checked
// against the same oracles by test/lit/modules/data-encode-python-oracle.test.)
#include "ModuleFixture.h"

#include "sloth/stdlib/modules/DataModule.h"

#include <cmath>
#include <cstdlib>

namespace stdlibtest {
namespace {

class DataModule : public ModuleTest {
protected:
  DataModule() { sloth::stdlib::openData(L); }

  // data.json_encode(data.<format>_parse(text)), or "error: ...".
  std::string reencode(const char* format, const std::string& text) {
    int base = L.top();
    pushPath("data.json_encode");
    pushPath(std::string("data.") + format + "_parse");
    L.pushString(text);
    std::string out;
    if (L.pcall(1, 1, 0) != sloth::vm::Status::Ok || L.pcall(1, 1, 0) != sloth::vm::Status::Ok)
      out = "error: " + std::string(L.toDisplayString(-1));
    else
      out = std::string(L.toDisplayString(-1));
    L.setTop(base);
    return out;
  }

  // Whether Python's parser agrees with ours on every document (values and types); one Python
  // run for all of them.
  ::testing::AssertionResult agreeWithPython(const char* format,
                                             std::initializer_list<std::string> documents) {
    int i = 0;
    for (const std::string& text : documents) {
      std::string ours = reencode(format, text);
      if (ours.starts_with("error: "))
        return ::testing::AssertionFailure() << ours << " for:\n" << text;
      writeFile(at("input" + std::to_string(i)), text);
      writeFile(at("ours" + std::to_string(i)), ours);
      i++;
    }
    std::string command = "/usr/bin/python3 " SLOTH_SOURCE_DIR
                          "/test/unit/stdlib/modules/data_oracle.py " +
                          std::string(format) + " " + dir.string() + " " + std::to_string(i) +
                          " > " + at("report") + " 2>&1";
    if (std::system(command.c_str()) == 0)
      return ::testing::AssertionSuccess();
    return ::testing::AssertionFailure() << readFile(at("report"));
  }
};

TEST_F(DataModule, JsonParseKeepsIntegersFloatsAndStructure) {
  EXPECT_EQ(call("data.json_parse", {"42"}), "42");
  EXPECT_EQ(call("data.json_parse", {"42.0"}), "42.0");
  EXPECT_EQ(call("data.json_parse", {"-1.5e3"}), "-1500.0");
  EXPECT_EQ(call("data.json_parse", {"18446744073709551615"}), "1.844674407371e+19");
  EXPECT_EQ(call("data.json_parse", {"\"a\\u00e9\""}), "\"a\xc3\xa9\"");
  EXPECT_EQ(call("data.json_parse", {"null"}), "data.null");
  EXPECT_EQ(call("data.json_parse", {"true"}), "true");
  callKeep("data.json_parse", {R"({"servers": [{"port": 80}, {"port": 443}], "name": "web"})"});
  L.getField(-1, "servers");
  L.rawGetI(-1, 2);
  L.getField(-1, "port");
  EXPECT_EQ(show(-1), "443");
  L.setTop(0);
}

TEST_F(DataModule, JsonParseErrorsGiveLineAndColumn) {
  EXPECT_EQ(call("data.json_parse", {"{\n  \"a\": 1,\n  \"b\": tru\n}"}),
            "error: data.json_parse: line 3, column 10: syntax error while parsing value - "
            "invalid literal; last read: '\"b\": tru<U+000A>'");
  EXPECT_EQ(call("data.json_parse", {""}),
            "error: data.json_parse: line 1, column 1: syntax error while parsing value - "
            "unexpected end of input; expected '[', '{', or a literal");
  EXPECT_EQ(call("data.json_parse", {}),
            "error: bad argument #1 to 'data.json_parse' (string expected, got no value)");
}

TEST_F(DataModule, JsonEncodeArraysObjectsAndNumbers) {
  callKeep("data.json_parse", {R"({"b": [1, 2.5, "x", true, {}], "a": {"k": -3}})"});
  EXPECT_EQ(call("data.json_encode", {Arg::stack(L.top())}),
            R"("{"a":{"k":-3},"b":[1,2.5,"x",true,{}]}")");
  L.setTop(0);
  EXPECT_EQ(call("data.json_encode", {1.0}), "\"1.0\"");
  EXPECT_EQ(call("data.json_encode", {7}), "\"7\"");
  EXPECT_EQ(call("data.json_encode", {"tab\there \"q\""}), R"(""tab\there \"q\""")");
  EXPECT_EQ(call("data.json_encode", {nullptr}), "\"null\"");
  L.newTable();
  L.pushString("ten");
  L.rawSetI(-2, 10);
  EXPECT_EQ(call("data.json_encode", {Arg::stack(L.top())}), R"("{"10":"ten"}")")
      << "a sparse table is an object";
  L.setTop(0);
}

TEST_F(DataModule, JsonEncodeRefusesWhatJsonCannotHold) {
  L.newTable();
  L.newTable();
  L.pushValue(-2);
  L.setField(-2, "parent"); // child.parent = root
  L.setField(-2, "child");  // root.child = child
  EXPECT_EQ(call("data.json_encode", {Arg::stack(L.top())}),
            "error: data.json_encode: at child.parent: a table contains itself");
  L.setTop(0);
  L.newTable();
  pushPath("print");
  L.setField(-2, "callback");
  EXPECT_EQ(call("data.json_encode", {Arg::stack(L.top())}),
            "error: data.json_encode: at callback: cannot encode a function");
  L.setTop(0);
  EXPECT_EQ(call("data.json_encode", {std::nan("")}),
            "error: data.json_encode: JSON has no representation for NaN");
  EXPECT_EQ(call("data.json_encode", {"\xff"}),
            "error: data.json_encode: a string is not valid UTF-8 (JSON text must be UTF-8)");
  EXPECT_EQ(call("data.json_encode", {}),
            "error: bad argument #1 to 'data.json_encode' (value expected)");
}

TEST_F(DataModule, JsonRoundTripsAgreeWithPython) {
  EXPECT_TRUE(agreeWithPython(
      "json",
      {
          R"({"name": "app", "version": "1.0", "replicas": 3, "ratio": 0.25})",
          R"([1, -2, 3.0, 1e100, 1.5e-7, "x", false, true, [[]], {"a": {"b": {"c": [1]}}}])",
          R"({"unicode": "h\u00e9llo \u2603 \ud83d\ude00", "escapes": "a\"b\\c\/d\n\t"})",
          R"({"big": 9223372036854775807, "small": -9223372036854775808, "zero": -0.0})",
          R"({"nested": [{"id": 1, "tags": ["a", "b"]}, {"id": 2, "tags": []}]})",
      }));
}

TEST_F(DataModule, YamlParseTypesScalarsByTheCoreSchema) {
  callKeep("data.yaml_parse", {"name: myapp\nversion: 1.0\nport: 8080\nenabled: true\n"
                               "quoted: \"8080\"\nnothing: ~\nhex: 0x1F\noctal: 0o17\n"
                               "answer: yes\nlist:\n  - a\n  - 2\n"});
  for (const char* key :
       {"name", "version", "port", "enabled", "quoted", "nothing", "hex", "octal", "answer"}) {
    L.getField(-1, key);
    EXPECT_EQ(std::string(key) + "=" + show(-1), std::string(key) + "=" +
                                                     (std::string(key) == "name"      ? "\"myapp\""
                                                      : std::string(key) == "version" ? "1.0"
                                                      : std::string(key) == "port"    ? "8080"
                                                      : std::string(key) == "enabled" ? "true"
                                                      : std::string(key) == "quoted"  ? "\"8080\""
                                                      : std::string(key) == "nothing" ? "data.null"
                                                      : std::string(key) == "hex"     ? "31"
                                                      : std::string(key) == "octal"   ? "15"
                                                                                      : "\"yes\""));
    L.pop();
  }
  L.setTop(0);
}

TEST_F(DataModule, YamlInfinityAndIntegerKeys) {
  callKeep("data.yaml_parse", {"up: .inf\ndown: -.Inf\nodd: .nan\n1: one\n"});
  L.getField(-1, "up");
  L.getField(-2, "down");
  L.getField(-3, "odd");
  L.rawGetI(-4, 1);
  EXPECT_EQ(show(-4) + " " + show(-3) + " " + show(-2) + " " + show(-1),
            "inf -inf " + show(-2) + " \"one\"");
  EXPECT_NE(L.toNumber(-2), L.toNumber(-2)) << "NaN";
  L.setTop(0);
}

TEST_F(DataModule, YamlErrorsGiveLineAndColumn) {
  EXPECT_EQ(call("data.yaml_parse", {"a: 1\nb: [1, 2\n"}),
            "error: data.yaml_parse: line 3, column 1: end of sequence flow not found");
  EXPECT_EQ(call("data.yaml_parse", {"? ~\n: 1\n"}),
            "error: data.yaml_parse: line 1, column 3: a mapping key is null");
}

TEST_F(DataModule, YamlAgreesWithPython) {
  EXPECT_TRUE(agreeWithPython(
      "yaml", {
                  "name: myapp\nversion: 1.0\nport: 8080\n",
                  "servers:\n  - host: a.example.com\n    port: 80\n  - host: b\n    port: 443\n",
                  "anchors:\n  base: &b {x: 1, y: [1, 2]}\n  copy: *b\n",
                  "text: |\n  line one\n  line two\nfolded: >\n  a\n  b\n",
                  "numbers: [0, -7, 3.5, -0.5, 1.5e+3, 0.1]\n",
                  "flags: [true, false, True, FALSE]\nempty: []\nnone: {}\n",
                  "'quoted key': \"value: with colon\"\nplain: it's fine\n",
                  "3: three\n10: ten\n",
              }));
}

TEST_F(DataModule, TomlParse) {
  callKeep("data.toml_parse",
           {"title = \"x\"\n[server]\nhost = \"0.0.0.0\"\nport = 8080\nratio = 0.5\n"
            "when = 1979-05-27T07:32:00Z\nday = 1979-05-27\n"});
  L.getField(-1, "server");
  for (const char* key : {"host", "port", "ratio", "when", "day"}) {
    L.getField(-1, key);
    EXPECT_EQ(std::string(key) + "=" + show(-1),
              std::string(key) + "=" +
                  (std::string(key) == "host"    ? "\"0.0.0.0\""
                   : std::string(key) == "port"  ? "8080"
                   : std::string(key) == "ratio" ? "0.5"
                   : std::string(key) == "when"  ? "\"1979-05-27T07:32:00Z\""
                                                 : "\"1979-05-27\""));
    L.pop();
  }
  L.setTop(0);
  EXPECT_EQ(call("data.toml_parse", {"a = 1\nb = \n"}),
            "error: data.toml_parse: line 2, column 5: Error while parsing key-value pair: "
            "expected value, saw '\\n'");
}

TEST_F(DataModule, TomlAgreesWithPython) {
  EXPECT_TRUE(agreeWithPython(
      "toml",
      {
          "[server]\nhost = \"0.0.0.0\"\nport = 8080\n",
          "[[fruit]]\nname = \"apple\"\n[[fruit]]\nname = \"banana\"\ncolors = [\"y\", \"g\"]\n",
          "a.b.c = 1\nfloat = 3.0\nexp = 5e+22\nhex = 0xDEAD_BEEF\nbool = false\n",
          "inline = { x = 1, y = { z = \"deep\" } }\nstr = '''\nraw\\n'''\n",
          "under = 1_000_000\nsigned = -0.5\n",
      }));
}

} // namespace
} // namespace stdlibtest
