// data.template and template.render: the Jinja2 subset, with Python's jinja2 as the oracle for
// what a template renders to, and template.render's file handling on the real filesystem.
#include "ModuleFixture.h"

#include "sloth/stdlib/modules/DataModule.h"
#include "sloth/stdlib/modules/TemplateModule.h"

#include <cstdlib>
#include <utility>

namespace stdlibtest {
namespace {

class TemplateModule : public ModuleTest {
protected:
  TemplateModule() {
    sloth::stdlib::openData(L);
    sloth::stdlib::openTemplate(L);
  }

  // data.template(text, data.json_parse(varsJson)), or "error: ...".
  std::string render(const std::string& text, const std::string& varsJson) {
    int base = L.top();
    pushPath("data.template");
    L.pushString(text);
    pushPath("data.json_parse");
    L.pushString(varsJson);
    std::string out;
    if (L.pcall(1, 1, 0) != sloth::vm::Status::Ok || L.pcall(2, 1, 0) != sloth::vm::Status::Ok)
      out = "error: " + std::string(L.toDisplayString(-1));
    else
      out = std::string(L.toDisplayString(-1));
    L.setTop(base);
    return out;
  }

  // Whether jinja2 renders every (template, variables) pair as we do; one Python run.
  ::testing::AssertionResult
  agreeWithJinja2(std::initializer_list<std::pair<std::string, std::string>> cases) {
    int i = 0;
    for (const auto& [text, vars] : cases) {
      std::string ours = render(text, vars);
      if (ours.starts_with("error: "))
        return ::testing::AssertionFailure() << ours << " for:\n" << text;
      writeFile(at("template" + std::to_string(i)), text);
      writeFile(at("vars" + std::to_string(i)), vars);
      writeFile(at("ours" + std::to_string(i)), ours);
      i++;
    }
    std::string command = "python3 " SLOTH_SOURCE_DIR
                          "/test/unit/stdlib/modules/template_oracle.py " +
                          dir.string() + " " + std::to_string(i) + " > " + at("report") + " 2>&1";
    if (std::system(command.c_str()) == 0)
      return ::testing::AssertionSuccess();
    return ::testing::AssertionFailure() << readFile(at("report"));
  }
};

TEST_F(TemplateModule, RendersAsJinja2Does) {
  EXPECT_TRUE(agreeWithJinja2({
      {"Hello {{ name }}, version {{ version }}\n", R"({"name": "User", "version": "1.0"})"},
      {"{{ name | upper }} {{ name|lower }} {{ items | join(', ') }} {{ items|length }} "
       "{{ missing | default('none') }} {{ text | replace('a', 'b') }} {{ name|length }}",
       R"({"name": "MixEd", "items": ["x", 2, 3.5], "text": "banana"})"},
      {"{% for p in ports %}{% if p == 80 %}http{% elif p == 443 %}https{% else %}other{% endif "
       "%} {% endfor %}",
       R"({"ports": [80, 443, 8080]})"},
      {"{% for s in servers %}{{ loop.index }}/{{ loop.length }}:{{ s.host }}:{{ s['port'] }}"
       "{% if loop.first %}(first){% endif %}{% if not loop.last %}, {% endif %}{% endfor %}",
       R"({"servers": [{"host": "a", "port": 80}, {"host": "b", "port": 81}]})"},
      {"<ul>\n{% for x in xs -%}\n  <li>{{ x }}</li>\n{%- endfor %}\n</ul>\n",
       R"({"xs": ["one", "two"]})"},
      {"a{# a comment #}b {#- trimmed -#} c", "{}"},
      {"{% for x in nothing %}{{ x }}{% else %}empty{% endfor %}", R"({"nothing": []})"},
      {"{% for k, v in env.items() %}{{ k }}={{ v }}\n{% endfor %}",
       R"({"env": {"A": "1", "HOME": "/root", "PATH": "/bin"}})"},
      {"{{ 1.0 }} {{ ratio }} {{ flag }} {{ count + 1 }} {{ 7 // 2 }} {{ 7 / 2 }} {{ -7 % 3 }} "
       "{{ 'x' * 3 }} {{ none }} {{ [1, 'a'] }}",
       R"({"ratio": 0.25, "flag": true, "count": 41})"},
      {"{% if foo is defined %}yes{% else %}no{% endif %} {{ bar is defined }} {{ 3 is odd }}",
       R"({"bar": 1})"},
      {"{% set greeting = 'hi ' ~ name %}{{ greeting }} {{ 'on' if enabled else 'off' }} "
       "{% if 'b' in letters %}has b{% endif %} {% if 'x' not in letters %}no x{% endif %}",
       R"({"name": "bob", "enabled": false, "letters": ["a", "b"]})"},
      {"server {\n    listen {{ port }};\n    server_name {{ server_name }};\n"
       "{% for loc in locations %}\n    location {{ loc.path }} {\n        proxy_pass "
       "{{ loc.backend | default('http://127.0.0.1') }};\n    }\n{% endfor %}\n}\n",
       R"({"port": 80, "server_name": "example.com", "locations": [{"path": "/"}, )"
       R"({"path": "/api", "backend": "http://api:8080"}]})"},
      {"{{ words | sort | join(' ') }} {{ words | first }} {{ words | last | capitalize }} "
       "{{ '  pad  ' | trim }}|{{ 'hello world' | title }} {{ '42' | int + 1 }} {{ -3 | abs }}",
       R"({"words": ["pear", "apple", "fig"]})"},
      {"{{ a and b }} {{ a or b }} {{ not a }} {{ a == 1 and b != 2 }} {{ 2 < 3 }} {{ 3 >= 4 }}",
       R"({"a": 1, "b": 0})"},
  }));
}

TEST_F(TemplateModule, UndefinedVariablesRaiseWithTheLine) {
  EXPECT_EQ(render("Hello\n{{ name }}", "{}"),
            "error: data.template: line 2: undefined variable 'name'");
  EXPECT_EQ(render("{{ server.port }}", R"({"server": {}})"),
            "error: data.template: line 1: undefined variable 'server.port'");
  EXPECT_EQ(render("a\n\n{% for x in xs %}{% endfor %}", "{}"),
            "error: data.template: line 3: undefined variable 'xs'");
  EXPECT_EQ(render("{{ name | default('anon') }}", "{}"), "anon");
}

TEST_F(TemplateModule, SyntaxErrorsRaiseWithTheLine) {
  EXPECT_EQ(render("x\n{% if a %}\nnever closed", R"({"a": 1})"),
            "error: data.template: line 2: 'if' is never closed (expected 'endif')");
  EXPECT_EQ(render("{{ a + }}", "{}"),
            "error: data.template: line 1: expected an expression, found the end of the tag");
  EXPECT_EQ(render("{{ a | nosuch }}", R"({"a": 1})"),
            "error: data.template: line 1: unknown filter 'nosuch'");
  EXPECT_EQ(render("{% while %}", "{}"), "error: data.template: line 1: unknown tag 'while'");
  EXPECT_EQ(render("{{ a", "{}"), "error: data.template: line 1: unclosed '{{'");
}

TEST_F(TemplateModule, RenderWritesTheDestinationOnlyWhenItChanges) {
  writeFile(at("motd.j2"), "Welcome to {{ host }}\n{% for u in users %}- {{ u }}\n{% endfor %}");
  L.newTable();
  L.pushString("web1");
  L.setField(-2, "host");
  L.newTable();
  L.pushString("alice");
  L.rawSetI(-2, 1);
  L.setField(-2, "users");
  int vars = L.top();
  EXPECT_EQ(callFields("template.render", {at("motd.j2"), at("motd"), Arg::stack(vars)},
                       {"changed", "path"}),
            "changed=true path=\"" + at("motd") + "\"");
  EXPECT_EQ(readFile(at("motd")), "Welcome to web1\n- alice\n");
  EXPECT_EQ(
      callFields("template.render", {at("motd.j2"), at("motd"), Arg::stack(vars)}, {"changed"}),
      "changed=false");
  setCheckMode(true);
  L.pushString("web2");
  L.setField(vars, "host");
  EXPECT_EQ(
      callFields("template.render", {at("motd.j2"), at("motd"), Arg::stack(vars)}, {"changed"}),
      "changed=true");
  EXPECT_EQ(readFile(at("motd")), "Welcome to web1\n- alice\n");
  L.setTop(0);
}

TEST_F(TemplateModule, RenderErrorsNameTheTemplateFileAndLine) {
  writeFile(at("bad.j2"), "ok\n{{ missing }}\n");
  EXPECT_EQ(callFields("template.render", {at("bad.j2"), at("out")}, {"changed"}),
            "error: template.render: " + at("bad.j2") + ":2: undefined variable 'missing'");
  EXPECT_EQ(callFields("template.render", {at("none.j2"), at("out")}, {"changed"}),
            "error: template.render: cannot read '" + at("none.j2") +
                "': No such file or directory");
  EXPECT_FALSE(std::filesystem::exists(at("out")));
}

} // namespace
} // namespace stdlibtest
