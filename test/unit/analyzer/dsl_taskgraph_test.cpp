// dsl::extractTaskGraph: what it reads from task/workflow definitions, and what it refuses to
// guess.
#include "sloth/analyzer/dsl/TaskGraph.h"
#include "sloth/frontend/Frontend.h"

#include <gtest/gtest.h>

#include <string>

namespace sloth::dsl {
namespace {

struct Extracted {
  SourceManager sources;
  DiagnosticEngine diags;
  std::optional<ParsedChunk> parsed;
  TaskGraph graph;

  explicit Extracted(std::string source) {
    parsed = parseSource(sources, "t.sloth", std::move(source), diags);
    EXPECT_TRUE(parsed.has_value()) << "the test source does not parse";
    if (parsed)
      graph = extractTaskGraph(parsed->chunk);
  }
  const Task& task(std::string_view name) const {
    for (const Task& t : graph.tasks)
      if (t.name.string() && *t.name.string() == name)
        return t;
    ADD_FAILURE() << "no task " << name;
    static Task none;
    return none;
  }
  // "line:col" of a range's start.
  std::string at(SourceRange r) const {
    auto loc = sources.location(parsed->chunk.file, r.begin);
    return std::to_string(loc.line) + ":" + std::to_string(loc.column);
  }
};

std::vector<std::string> names(const Dependencies& d) {
  std::vector<std::string> out;
  for (const Dependency& dep : d.names)
    out.push_back(dep.name);
  return out;
}

TEST(DslTaskGraph, BuilderChainSettingsAndLocations) {
  Extracted x(R"(local install = task("install")
  :description("Install nginx")
  :timeout("5m"):retries(2)
  :workdir("/srv"):user("deploy"):delegate_to("web1")
  :command(function(this, params, input) return true end)
  :build()
local start = task("start"):depends_on("install")
  :command("systemctl start nginx"):build()
workflow.define("web"):description("Web server"):tasks({install, start})
  :config({max_parallel_tasks = 4, fail_fast = true})
)");
  ASSERT_EQ(x.graph.tasks.size(), 2u);
  const Task& install = x.task("install");
  EXPECT_EQ(install.form, Task::Form::Builder);
  EXPECT_EQ(x.at(install.name.range), "1:22");
  EXPECT_EQ(*install.description.string(), "Install nginx");
  EXPECT_EQ(x.at(install.description.range), "2:16");
  EXPECT_EQ(*install.timeout.string(), "5m");
  EXPECT_EQ(install.retries.number(), 2.0);
  EXPECT_EQ(*install.workdir.string(), "/srv");
  EXPECT_EQ(*install.user.string(), "deploy");
  EXPECT_EQ(*install.delegateTo.string(), "web1");
  EXPECT_EQ(install.command.kind, Action::Kind::Function);
  EXPECT_TRUE(install.built);
  EXPECT_EQ(x.at(install.buildRange), "6:4");
  EXPECT_FALSE(install.opaque);
  EXPECT_TRUE(install.topLevel);
  EXPECT_FALSE(install.dependsOn.set);

  const Task& start = x.task("start");
  EXPECT_EQ(names(start.dependsOn), std::vector<std::string>{"install"});
  EXPECT_TRUE(start.dependsOn.complete);
  EXPECT_EQ(start.command.kind, Action::Kind::Shell);
  EXPECT_EQ(*start.command.shell.string(), "systemctl start nginx");

  ASSERT_EQ(x.graph.workflows.size(), 1u);
  const Workflow& web = x.graph.workflows[0];
  EXPECT_EQ(web.form, Workflow::Form::Fluent);
  EXPECT_EQ(*web.name.string(), "web");
  EXPECT_EQ(*web.description.string(), "Web server");
  EXPECT_TRUE(web.tasksSet);
  EXPECT_TRUE(web.tasksComplete);
  auto tasks = x.graph.tasksOf(web);
  ASSERT_EQ(tasks.size(), 2u);
  EXPECT_EQ(tasks[0], &install);
  EXPECT_EQ(tasks[1], &start);
  EXPECT_TRUE(web.configComplete);
  EXPECT_EQ(web.maxParallelTasks.number(), 4.0);
  EXPECT_EQ(std::get<bool>(web.failFast.value), true);
  EXPECT_EQ(dependencyOrder(x.graph, web), (std::vector<size_t>{0, 1}));
}

TEST(DslTaskGraph, TableFormWorkflowWithTaskTables) {
  Extracted x(R"(local built = task("built"):command("true"):build()
workflow.define("deploy", {
  description = "d", version = "1.0.0",
  tasks = { built, { name = "plain", depends_on = {"built"}, command = "make", timeout = 30 } },
  config = { max_parallel_tasks = 2, timeout = "30m", fail_fast = true },
  on_complete = function(success, results) end,
})
)");
  ASSERT_EQ(x.graph.workflows.size(), 1u);
  const Workflow& w = x.graph.workflows[0];
  EXPECT_EQ(w.form, Workflow::Form::Table);
  EXPECT_EQ(*w.version.string(), "1.0.0");
  EXPECT_TRUE(w.hasOnComplete);
  EXPECT_EQ(*w.configTimeout.string(), "30m");
  ASSERT_EQ(w.tasks.size(), 2u);
  const Task& plain = x.task("plain");
  EXPECT_EQ(plain.form, Task::Form::Table);
  EXPECT_TRUE(plain.built);
  EXPECT_EQ(names(plain.dependsOn), std::vector<std::string>{"built"});
  EXPECT_EQ(plain.timeout.number(), 30.0);
  EXPECT_EQ(*plain.command.shell.string(), "make");
  EXPECT_EQ(dependencyOrder(x.graph, w), (std::vector<size_t>{0, 1}));
}

TEST(DslTaskGraph, NonLiteralValuesAreUnknown) {
  Extracted x(R"(local name = os.getenv("T")
local deps = {"a"}
local root = "/tmp"
local t = task(name):depends_on(deps):timeout(60 * 5):command("rm -rf " .. root):build()
local u = task("u"):depends_on({"a", name}):workdir(root):build()
workflow.define("w"):tasks({t, u, table.unpack(extra)})
)");
  ASSERT_EQ(x.graph.tasks.size(), 2u);
  const Task& t = x.graph.tasks[0];
  EXPECT_TRUE(t.name.unknown());
  EXPECT_TRUE(t.dependsOn.set);
  EXPECT_FALSE(t.dependsOn.complete);
  EXPECT_TRUE(t.timeout.unknown());
  EXPECT_EQ(t.command.kind, Action::Kind::Shell); // a concatenation is a string
  EXPECT_TRUE(t.command.shell.unknown());
  const Task& u = x.task("u");
  EXPECT_EQ(names(u.dependsOn), std::vector<std::string>{"a"});
  EXPECT_FALSE(u.dependsOn.complete);
  // A never-assigned local initialised with a literal is that literal.
  EXPECT_EQ(*u.workdir.string(), "/tmp");
  const Workflow& w = x.graph.workflows[0];
  EXPECT_FALSE(w.tasksComplete);
  EXPECT_EQ(w.tasks.size(), 2u);
  EXPECT_FALSE(dependencyOrder(x.graph, w).has_value());
}

TEST(DslTaskGraph, ParamsLiteralsAndComputedValues) {
  Extracted x(R"(local env = "prod"
local a = task("a"):params({ env = env, port = -8080, ratio = 1.5, hosts = { "w1", "w2" },
  db = { ssl = true, gone = nil }, token = os.getenv("T"), ["x-y"] = 1 }):build()
local b = task("b"):params(defaults):build()
local c = task("c"):params({ [k] = 1, "p", table.unpack(more) }):build()
workflow.define("w", { tasks = { a, b, c, { name = "d", params = { 1 } } } })
)");
  ASSERT_EQ(x.graph.tasks.size(), 4u);
  const ParamValue& a = *x.task("a").params;
  ASSERT_EQ(a.kind, ParamValue::Kind::Table);
  EXPECT_TRUE(a.complete);
  ASSERT_EQ(a.entries.size(), 7u);
  EXPECT_EQ(*a.entries[0].key, "env");
  EXPECT_EQ(*a.entries[0].literal.string(), "prod"); // a constant local is its literal
  EXPECT_EQ(std::get<int64_t>(a.entries[1].literal.value), -8080);
  EXPECT_EQ(a.entries[2].literal.number(), 1.5);
  EXPECT_EQ(a.entries[3].kind, ParamValue::Kind::Table);
  EXPECT_FALSE(a.entries[3].entries[0].key.has_value()); // positional
  EXPECT_EQ(a.entries[4].entries.size(), 1u);            // `gone = nil` adds nothing
  EXPECT_EQ(*a.entries[5].key, "token");
  EXPECT_EQ(a.entries[5].kind, ParamValue::Kind::Computed);
  EXPECT_EQ(*a.entries[6].key, "x-y");
  EXPECT_EQ(x.task("b").params->kind, ParamValue::Kind::Computed);
  const ParamValue& c = *x.task("c").params;
  EXPECT_FALSE(c.complete); // `[k] = ...` and a last call: more keys than written
  EXPECT_EQ(c.entries.size(), 1u);
  EXPECT_EQ(x.graph.tasks[3].params->entries.size(), 1u); // the table form's `params =`
}

TEST(DslTaskGraph, MissingBuildAndDiscardedChains) {
  Extracted x(R"(local a = task("a"):command("true")
task("lost"):command("true")
local b = task("b"):command("true")
b:build()
workflow.define("w"):tasks({a, b, a:build()})
)");
  const Task& a = x.task("a");
  EXPECT_TRUE(a.built); // by the third entry
  EXPECT_FALSE(a.opaque);
  EXPECT_FALSE(a.discarded);
  EXPECT_TRUE(x.task("lost").discarded);
  EXPECT_FALSE(x.task("lost").built);
  const Workflow& w = x.graph.workflows[0];
  ASSERT_EQ(w.tasks.size(), 3u);
  EXPECT_TRUE(w.tasks[0].unbuiltBuilder);
  EXPECT_TRUE(w.tasks[1].unbuiltBuilder); // b:build() returned a task; b is still the builder
  EXPECT_FALSE(w.tasks[2].unbuiltBuilder);
  EXPECT_EQ(x.at(w.tasks[0].range), "5:29");
}

TEST(DslTaskGraph, BuildersChangedOutOfSightAreOpaque) {
  Extracted x(R"(local a = task("a")
if os.getenv("X") then a:depends_on("z") end
local b = task("b")
configure(b)
local c = task("c")
c:depends_on("a")
local built = c:build()
workflow.define("w"):tasks({a:build(), b:build(), built})
)");
  EXPECT_TRUE(x.task("a").opaque);
  EXPECT_FALSE(x.task("a").dependsOn.complete);
  EXPECT_TRUE(x.task("b").opaque);
  const Task& c = x.task("c");
  EXPECT_FALSE(c.opaque);
  EXPECT_EQ(names(c.dependsOn), std::vector<std::string>{"a"});
  EXPECT_TRUE(c.built);
  const Workflow& w = x.graph.workflows[0];
  EXPECT_TRUE(w.tasksComplete);
  EXPECT_EQ(w.tasks.size(), 3u);
}

TEST(DslTaskGraph, ShadowedTaskIsNotTheDsl) {
  Extracted x(R"(local function task(n) return {n} end
local t = task("x")
)");
  EXPECT_TRUE(x.graph.tasks.empty());
}

TEST(DslTaskGraph, TasksInsideFunctionsAreNotTopLevel) {
  Extracted x(R"(local function make(n)
  return task(n):command("echo"):build()
end
workflow.define("w"):tasks({make("a"), make("b")})
)");
  ASSERT_EQ(x.graph.tasks.size(), 1u);
  EXPECT_FALSE(x.graph.tasks[0].topLevel);
  EXPECT_TRUE(x.graph.tasks[0].name.unknown());
  EXPECT_FALSE(x.graph.workflows[0].tasksComplete);
}

TEST(DslTaskGraph, DependencyOrderFollowsDependencies) {
  Extracted x(R"(local c = task("c"):depends_on({"a", "b"}):build()
local b = task("b"):depends_on("a"):build()
local a = task("a"):build()
workflow.define("w"):tasks({c, b, a})
workflow.define("cyclic", { tasks = {
  { name = "x", depends_on = "y" }, { name = "y", depends_on = "x" } } })
)");
  auto order = dependencyOrder(x.graph, x.graph.workflows[0]);
  ASSERT_TRUE(order.has_value());
  EXPECT_EQ(*order, (std::vector<size_t>{2, 1, 0}));
  EXPECT_FALSE(dependencyOrder(x.graph, x.graph.workflows[1]).has_value());
}

TEST(DslTaskGraph, ExamplesParse) {
  for (const char* example : {"examples/quickstart.sloth", "examples/multi-task.sloth"}) {
    SourceManager sources;
    DiagnosticEngine diags;
    std::string error;
    auto file = sources.addFile(std::string(SLOTH_SOURCE_DIR) + "/" + example, error);
    ASSERT_TRUE(file) << error;
    auto parsed = parseFile(sources, *file, diags);
    ASSERT_TRUE(parsed);
    TaskGraph graph = extractTaskGraph(parsed->chunk);
    ASSERT_EQ(graph.workflows.size(), 1u) << example;
    const Workflow& w = graph.workflows[0];
    EXPECT_TRUE(w.tasksComplete) << example;
    EXPECT_EQ(w.tasks.size(), graph.tasks.size()) << example;
    for (const Task& t : graph.tasks) {
      EXPECT_TRUE(t.built) << example;
      EXPECT_FALSE(t.opaque) << example;
    }
    EXPECT_TRUE(dependencyOrder(graph, w).has_value()) << example;
  }
}

} // namespace
} // namespace sloth::dsl
