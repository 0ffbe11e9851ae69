#include "sloth/analyzer/types/Assignability.h"
#include "sloth/analyzer/types/SignatureLoader.h"
#include "sloth/defs/Defs.h"

#include <gtest/gtest.h>

namespace sloth::types {
namespace {

TEST(EmbeddedDefs, LoadWithoutErrors) {
  SignatureLoad load = loadSignatures(defs::files());
  for (const DefsDiagnostic& d : load.diagnostics)
    ADD_FAILURE() << d.toString();
  EXPECT_FALSE(load.registry.functions().empty());
}

TEST(EmbeddedDefs, EveryFunctionHasAnEffectAndAPlanWhenItActs) {
  const SignatureRegistry& sigs = builtinSignatures();
  for (const FunctionSignature* f : sigs.functions()) {
    ASSERT_TRUE(f->effect.has_value()) << f->qualifiedName;
    EXPECT_EQ(f->planTemplate.has_value(), effectNeedsPlan(*f->effect)) << f->qualifiedName;
  }
}

TEST(Registry, PkgInstallParameters) {
  const SignatureRegistry& sigs = builtinSignatures();
  const FunctionSignature* f = sigs.function("pkg.install");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->owner, "pkg");
  ASSERT_EQ(f->params.size(), 2u);
  EXPECT_EQ(f->params[0].name, "name");
  EXPECT_EQ(f->params[0].type->toString(), "string|string[]");
  EXPECT_FALSE(f->params[0].optional);
  EXPECT_EQ(f->params[1].name, "options");
  EXPECT_TRUE(f->params[1].optional);
  EXPECT_EQ(f->params[1].type->toString(), "pkg.InstallOptions");
  EXPECT_EQ(f->requiredArguments(), 1u);
  EXPECT_EQ(f->maxArguments(), 2u);
  EXPECT_EQ(f->effect, Effect::Write);
  EXPECT_EQ(f->planTemplate, "install {name}");
  EXPECT_EQ(f->where.file, "pkg.lua");
  EXPECT_GT(f->where.line, 0);
  EXPECT_FALSE(f->doc.empty());
  EXPECT_EQ(sigs.function("pkg", "install"), f);

  TypeRef options = sigs.typeNamed("pkg.InstallOptions");
  ASSERT_NE(options, nullptr);
  EXPECT_TRUE(options->exact());
  const Field* state = sigs.types().findField(options, "state");
  ASSERT_NE(state, nullptr);
  EXPECT_TRUE(state->optional);
}

TEST(Registry, ExecCommandReturnsExecResult) {
  const SignatureRegistry& sigs = builtinSignatures();
  const FunctionSignature* f = sigs.function("exec.command");
  ASSERT_NE(f, nullptr);
  ASSERT_EQ(f->returns.size(), 1u);
  EXPECT_EQ(f->returns[0].type->toString(), "exec.Result");
  EXPECT_EQ(f->effect, Effect::Exec);
  TypeRef result = sigs.types().resolve(f->returns[0].type);
  ASSERT_NE(result, nullptr);
  const Field* exitCode = sigs.types().findField(result, "exit_code");
  ASSERT_NE(exitCode, nullptr);
  EXPECT_EQ(exitCode->type->toString(), "integer");
  EXPECT_EQ(sigs.suggestField(result, "exitcode"), "exit_code");
}

TEST(Registry, ClassesFromOtherModules) {
  const SignatureRegistry& sigs = builtinSignatures();
  const FunctionSignature* f = sigs.function("ssh.exec");
  ASSERT_NE(f, nullptr);
  ASSERT_FALSE(f->returns.empty());
  EXPECT_EQ(f->returns[0].type->toString(), "exec.Result");
}

TEST(Registry, SecretsAreMarked) {
  const SignatureRegistry& sigs = builtinSignatures();
  const FunctionSignature* f = sigs.function("notifications.telegram");
  ASSERT_NE(f, nullptr);
  const ParamSignature* token = f->param("token");
  ASSERT_NE(token, nullptr);
  EXPECT_TRUE(token->secret);
  EXPECT_FALSE(f->param("chat_id")->secret);
  TypeRef auth = sigs.typeNamed("docker.Auth");
  ASSERT_NE(auth, nullptr);
  EXPECT_TRUE(sigs.types().findField(auth, "password")->secret);
  EXPECT_FALSE(sigs.types().findField(auth, "username")->secret);
}

TEST(Registry, TaskDslAndBuilders) {
  const SignatureRegistry& sigs = builtinSignatures();
  const GlobalSignature* task = sigs.global("task");
  ASSERT_NE(task, nullptr);
  EXPECT_EQ(task->kind, GlobalKind::Function);
  const GlobalSignature* workflow = sigs.global("workflow");
  ASSERT_NE(workflow, nullptr);
  EXPECT_EQ(workflow->kind, GlobalKind::Module);

  const FunctionSignature* timeout = sigs.method("TaskBuilder", "timeout");
  ASSERT_NE(timeout, nullptr);
  EXPECT_TRUE(timeout->method);
  EXPECT_EQ(timeout->qualifiedName, "TaskBuilder:timeout");
  EXPECT_EQ(sigs.function("TaskBuilder:timeout"), timeout);
  EXPECT_EQ(sigs.function("TaskBuilder.timeout"), timeout);
  EXPECT_EQ(timeout->params[0].type->toString(), "Duration");
  TypeContext scratch; // the registry is read-only; a checker makes its types elsewhere
  EXPECT_TRUE(isAssignable(scratch.stringLiteral("5m"), timeout->params[0].type));
  EXPECT_FALSE(isAssignable(scratch.boolean(), timeout->params[0].type));
  // The class's record carries its methods, so `builder:timeout` is a known field.
  EXPECT_NE(sigs.types().findField(sigs.typeNamed("TaskBuilder"), "timeout"), nullptr);

  const FunctionSignature* define = sigs.function("workflow.define");
  ASSERT_NE(define, nullptr);
  EXPECT_EQ(define->overloads.size(), 1u);
}

TEST(Registry, ModulesAreRecordsOfTheirFunctions) {
  const SignatureRegistry& sigs = builtinSignatures();
  const ModuleSignature* pkg = sigs.module("pkg");
  ASSERT_NE(pkg, nullptr);
  EXPECT_FALSE(pkg->doc.empty());
  EXPECT_EQ(pkg->type->toString(), "pkg");
  EXPECT_NE(sigs.types().findField(pkg->type, "install"), nullptr);
  EXPECT_EQ(sigs.types().findField(pkg->type, "instal"), nullptr);
}

TEST(Registry, DidYouMean) {
  const SignatureRegistry& sigs = builtinSignatures();
  EXPECT_EQ(sigs.suggestFunction("pkg.instal"), "pkg.install");
  EXPECT_EQ(sigs.suggestFunction("pgk.install"), "pkg.install");
  EXPECT_EQ(sigs.suggestFunction("systemd.service_strat"), "systemd.service_start");
  EXPECT_EQ(sigs.suggestFunction("pkg.zzzzzzzz"), std::nullopt);
  EXPECT_EQ(sigs.suggestFunction("TaskBuilder:timout"), "TaskBuilder:timeout");
  EXPECT_EQ(sigs.suggestFunction("string.fromat"), "string.format");
  EXPECT_EQ(sigs.suggestFunction("math.pi2"), "math.pi");
  EXPECT_EQ(sigs.suggestGlobal("worflow"), "workflow");
  EXPECT_EQ(sigs.suggestGlobal("pkg"), std::nullopt);
}

TEST(Registry, LuaStandardLibrary) {
  const SignatureRegistry& sigs = builtinSignatures();
  for (const char* name : {"print", "pairs", "ipairs", "tostring", "tonumber", "type", "pcall",
                           "error", "assert", "select", "setmetatable", "require"})
    EXPECT_NE(sigs.function(name), nullptr) << name;
  for (const char* name :
       {"string.format", "string.gsub", "table.insert", "table.concat", "table.unpack",
        "math.floor", "utf8.char", "os.time", "io.open", "coroutine.wrap"})
    EXPECT_NE(sigs.function(name), nullptr) << name;
  const FunctionSignature* execute = sigs.function("os.execute");
  ASSERT_NE(execute, nullptr);
  EXPECT_EQ(execute->effect, Effect::Exec);
  const GlobalSignature* version = sigs.global("_VERSION");
  ASSERT_NE(version, nullptr);
  EXPECT_EQ(version->type->toString(), "string");
  ASSERT_NE(sigs.module("math"), nullptr);
  EXPECT_EQ(sigs.module("math")->values.count("pi"), 1u);
}

TEST(Registry, DeprecatedLua51Aliases) {
  const SignatureRegistry& sigs = builtinSignatures();
  struct Case {
    const char* name;
    const char* replacement;
  };
  for (Case c :
       {Case{"unpack", "table.unpack"}, Case{"loadstring", "load"}, Case{"table.getn", "#"},
        Case{"math.pow", "^"}, Case{"string.gfind", "string.gmatch"}}) {
    const FunctionSignature* f = sigs.function(c.name);
    ASSERT_NE(f, nullptr) << c.name;
    ASSERT_TRUE(f->deprecated.has_value()) << c.name;
    EXPECT_NE(f->deprecated->find(c.replacement), std::string::npos) << *f->deprecated;
  }
  EXPECT_FALSE(sigs.function("table.unpack")->deprecated.has_value());
}

} // namespace
} // namespace sloth::types
