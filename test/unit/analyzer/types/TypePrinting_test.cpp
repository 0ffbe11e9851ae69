#include "sloth/analyzer/types/TypeContext.h"

#include <gtest/gtest.h>

namespace sloth::types {
namespace {

RecordSpec spec(std::string name, bool exact = false, std::vector<Field> fields = {},
                std::vector<TypeRef> parents = {}) {
  RecordSpec r;
  r.name = std::move(name);
  r.exact = exact;
  r.fields = std::move(fields);
  r.parents = std::move(parents);
  return r;
}

TEST(TypePrinting, PrimitivesAndLiterals) {
  TypeContext t;
  EXPECT_EQ(t.string()->toString(), "string");
  EXPECT_EQ(t.integer()->toString(), "integer");
  EXPECT_EQ(t.any()->toString(), "any");
  EXPECT_EQ(t.stringLiteral("a\"b")->toString(), "\"a\\\"b\"");
  EXPECT_EQ(t.integerLiteral(-7)->toString(), "-7");
  EXPECT_EQ(t.numberLiteral(2.0)->toString(), "2.0");
  EXPECT_EQ(t.booleanLiteral(true)->toString(), "true");
}

TEST(TypePrinting, OptionalUnionArrayMap) {
  TypeContext t;
  EXPECT_EQ(t.optional(t.string())->toString(), "string?");
  EXPECT_EQ(t.unionOf({t.string(), t.number(), t.nil()})->toString(), "string|number|nil");
  EXPECT_EQ(t.array(t.unionOf({t.string(), t.number()}))->toString(), "(string|number)[]");
  EXPECT_EQ(t.array(t.optional(t.string()))->toString(), "(string?)[]");
  EXPECT_EQ(t.map(t.string(), t.array(t.integer()))->toString(), "table<string, integer[]>");
  TypeRef fn = t.function({}, {{"", t.any(), false}});
  EXPECT_EQ(t.optional(fn)->toString(), "(fun(): any)?");
}

TEST(TypePrinting, RecordsAndFunctions) {
  TypeContext t;
  TypeRef lit = t.tableLiteral(
      {{"name", t.string(), false, false, ""}, {"port", t.integer(), true, false, ""}},
      {{t.string(), t.any()}});
  EXPECT_EQ(lit->toString(), "{ name: string, port?: integer, [string]: any }");
  TypeRef cls = t.record(spec("pkg.Result", true));
  EXPECT_EQ(cls->toString(), "pkg.Result");
  TypeRef fn = t.function({{"a", t.string(), false, false},
                           {"b", t.integer(), true, false},
                           {"...", t.any(), true, true}},
                          {{"", t.boolean(), false}, {"", t.string(), true}});
  EXPECT_EQ(fn->toString(), "fun(a: string, b?: integer, ...: any): boolean, string ...");
}

TEST(TypeInterning, StructurallyEqualTypesAreOneObject) {
  TypeContext t;
  EXPECT_EQ(t.array(t.string()), t.array(t.string()));
  EXPECT_EQ(t.unionOf({t.string(), t.nil()}), t.unionOf({t.nil(), t.string()}));
  EXPECT_EQ(t.stringLiteral("x"), t.stringLiteral("x"));
  EXPECT_EQ(t.named("pkg.Result"), t.named("pkg.Result"));
  EXPECT_EQ(t.named("string"), t.string());
  // Nominal records are distinct even with the same contents.
  EXPECT_NE(t.record(spec("A")), t.record(spec("A")));
}

TEST(TypeInterning, UnionsAreNormalised) {
  TypeContext t;
  EXPECT_EQ(t.unionOf({t.string()}), t.string());
  EXPECT_EQ(t.unionOf({t.string(), t.any()}), t.any());
  EXPECT_EQ(t.unionOf({t.stringLiteral("a"), t.string()}), t.string());
  EXPECT_EQ(t.unionOf({t.integer(), t.number()}), t.number());
  EXPECT_EQ(t.unionOf({t.unionOf({t.string(), t.nil()}), t.nil()})->toString(), "string?");
  EXPECT_EQ(t.withoutNil(t.optional(t.string())), t.string());
}

TEST(TypeNames, LazyResolutionThroughParentContexts) {
  TypeContext builtin;
  TypeRef result = builtin.record(
      spec("exec.Result", true, {{"exit_code", builtin.integer(), false, false, ""}}));
  ASSERT_TRUE(builtin.declare("exec.Result", result));
  EXPECT_FALSE(builtin.declare("exec.Result", result));

  TypeContext file(&builtin);
  TypeRef ref = file.named("exec.Result"); // made before anything is declared in `file`
  EXPECT_EQ(file.resolve(ref), result);
  file.declare("Alias", ref);
  EXPECT_EQ(file.resolve(file.named("Alias")), result);
  EXPECT_EQ(file.resolve(file.named("Nope")), nullptr);
  const Field* f = file.findField(ref, "exit_code");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->type->toString(), "integer");
}

TEST(TypeNames, AFrozenContextKeepsItsNames) {
  TypeContext t;
  ASSERT_TRUE(t.declare("A", t.string()));
  t.freeze();
  EXPECT_FALSE(t.declare("B", t.string()));
  EXPECT_EQ(t.lookup("A"), t.string());
  EXPECT_EQ(t.lookup("B"), nullptr);
  TypeContext child(&t); // a checked file's own names stay declarable
  EXPECT_TRUE(child.declare("B", child.integer()));
  EXPECT_EQ(child.lookup("A"), t.string());
}

TEST(TypeNames, AliasCyclesResolveToNothing) {
  TypeContext t;
  t.declare("A", t.named("B"));
  t.declare("B", t.named("A"));
  EXPECT_EQ(t.resolve(t.named("A")), nullptr);
}

TEST(TypeNames, FieldsAreFoundInParentClasses) {
  TypeContext t;
  t.declare("Base", t.record(spec("Base", false, {{"id", t.string(), false, false, ""}})));
  TypeRef derived = t.record(spec("Derived", false, {}, {t.named("Base")}));
  EXPECT_NE(t.findField(derived, "id"), nullptr);
  EXPECT_EQ(t.fieldNames(derived), std::vector<std::string>{"id"});
}

} // namespace
} // namespace sloth::types
