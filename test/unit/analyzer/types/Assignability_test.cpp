#include "sloth/analyzer/types/Annotation.h"
#include "sloth/analyzer/types/Assignability.h"
#include "sloth/analyzer/types/TypeContext.h"

#include <gtest/gtest.h>

namespace sloth::types {
namespace {

class AssignabilityTest : public ::testing::Test {
protected:
  AssignabilityTest() {
    declare("class (exact) pkg.InstallOptions",
            {"field update_cache? boolean", "field state? \"present\"|\"latest\""});
    declare("class Base", {"field id string"});
    declare("class Derived: Base", {"field extra? integer"});
    declare("class Node", {"field next? Node", "field value integer"});
    types.declare("Mode", type("\"r\"|\"w\""));
  }
  void declare(std::string_view header, const std::vector<std::string>& fields) {
    Annotation cls = *parseAnnotation(header, types).annotation;
    RecordSpec spec;
    spec.name = cls.name;
    spec.exact = cls.exact;
    for (const std::string& p : cls.parents)
      spec.parents.push_back(types.named(p));
    for (const std::string& f : fields) {
      Annotation a = *parseAnnotation(f, types).annotation;
      spec.fields.push_back({a.name, a.type, a.optional, false, ""});
    }
    types.declare(cls.name, types.record(std::move(spec)));
  }
  TypeRef type(std::string_view text) {
    TypeParse r = parseTypeExpression(text, types);
    EXPECT_TRUE(r.errors.empty()) << text;
    return r.type;
  }
  bool ok(std::string_view from, std::string_view to) { return isAssignable(type(from), type(to)); }
  bool strict(std::string_view from, std::string_view to) {
    return isStrictlyAssignable(type(from), type(to));
  }
  TypeContext types;
};

TEST_F(AssignabilityTest, Primitives) {
  EXPECT_TRUE(ok("string", "string"));
  EXPECT_TRUE(ok("integer", "number"));
  EXPECT_TRUE(ok("number", "integer")); // may hold an integer: no error
  EXPECT_FALSE(ok("boolean", "string"));
  EXPECT_FALSE(ok("table", "number"));
  EXPECT_FALSE(ok("nil", "string"));
  EXPECT_TRUE(ok("nil", "string?"));
  EXPECT_FALSE(ok("string?", "string"));
  EXPECT_TRUE(ok("any", "string"));
  EXPECT_TRUE(ok("string", "any"));
  EXPECT_TRUE(ok("unknown", "integer"));
  EXPECT_FALSE(ok("thread", "userdata"));
}

TEST_F(AssignabilityTest, Literals) {
  EXPECT_TRUE(ok("\"latest\"", "\"present\"|\"latest\""));
  EXPECT_FALSE(ok("\"lastest\"", "\"present\"|\"latest\""));
  EXPECT_TRUE(ok("string", "\"present\"|\"latest\"")); // might be either: a guess, not an error
  EXPECT_TRUE(ok("\"x\"", "string"));
  EXPECT_TRUE(ok("1", "integer"));
  EXPECT_TRUE(ok("1.0", "integer"));
  EXPECT_FALSE(ok("1.5", "integer"));
  EXPECT_TRUE(ok("1.5", "number"));
  EXPECT_FALSE(ok("3", "1|2"));
  EXPECT_TRUE(ok("true", "boolean"));
  EXPECT_FALSE(ok("false", "true"));
  EXPECT_TRUE(ok("\"r\"", "Mode"));
  EXPECT_FALSE(ok("\"x\"", "Mode"));
}

TEST_F(AssignabilityTest, LuaCoercionsWorkButAreNotStrict) {
  // Natives convert like Lua's luaL_checklstring/luaL_checknumber: these calls work.
  EXPECT_TRUE(ok("integer", "string"));
  EXPECT_TRUE(ok("42", "string"));
  EXPECT_TRUE(ok("string", "number"));
  EXPECT_TRUE(ok("\"10\"", "integer"));
  EXPECT_TRUE(ok("\" 0x10 \"", "number"));
  EXPECT_TRUE(ok("42", "\"42\"|\"43\""));
  EXPECT_TRUE(ok("\"42\"", "42"));
  // ... these cannot.
  EXPECT_FALSE(ok("\"abc\"", "number"));
  EXPECT_FALSE(ok("\"1.5\"", "integer"));
  EXPECT_FALSE(ok("1", "\"present\"|\"latest\""));
  EXPECT_FALSE(ok("number", "\"present\"|\"latest\""));
  // The annotations' letter, for warnings.
  EXPECT_FALSE(strict("integer", "string"));
  EXPECT_FALSE(strict("string", "number"));
  EXPECT_FALSE(strict("\"10\"", "integer"));
  EXPECT_TRUE(strict("integer", "number"));
  EXPECT_FALSE(strict("{ update_cache: \"yes\" }", "pkg.InstallOptions"));
}

TEST_F(AssignabilityTest, Unions) {
  EXPECT_TRUE(ok("string", "string|string[]"));
  EXPECT_TRUE(ok("string[]", "string|string[]"));
  EXPECT_FALSE(ok("boolean", "string|string[]"));
  EXPECT_TRUE(ok("\"a\"|\"b\"", "string"));
  EXPECT_FALSE(ok("string|boolean", "string"));
}

TEST_F(AssignabilityTest, ArraysAndMaps) {
  EXPECT_TRUE(ok("string[]", "string[]"));
  EXPECT_FALSE(ok("boolean[]", "string[]"));
  EXPECT_TRUE(ok("table", "string[]"));
  EXPECT_TRUE(ok("{}", "string[]"));
  EXPECT_TRUE(ok("string[]", "table<integer, string>"));
  EXPECT_FALSE(ok("string[]", "table<string, string>"));
  EXPECT_TRUE(ok("{ a: string, b: string }", "table<string, string>"));
  EXPECT_FALSE(ok("{ a: string, b: boolean }", "table<string, string>"));
  EXPECT_FALSE(ok("string", "table"));
  EXPECT_TRUE(ok("pkg.InstallOptions", "table"));
}

TEST_F(AssignabilityTest, ExactClassesRejectUnknownFieldsAndBadValues) {
  EXPECT_TRUE(ok("{ update_cache: true }", "pkg.InstallOptions"));
  EXPECT_TRUE(ok("{ state: \"latest\" }", "pkg.InstallOptions"));
  EXPECT_TRUE(ok("{}", "pkg.InstallOptions"));
  EXPECT_FALSE(ok("{ update_cahce: true }", "pkg.InstallOptions"));
  EXPECT_FALSE(ok("{ state: \"lastest\" }", "pkg.InstallOptions"));
  EXPECT_FALSE(ok("{ update_cache: \"yes\" }", "pkg.InstallOptions"));
  EXPECT_TRUE(ok("{ state: string }", "pkg.InstallOptions"));
  EXPECT_TRUE(ok("table", "pkg.InstallOptions"));
  EXPECT_FALSE(ok("string", "pkg.InstallOptions"));
}

TEST_F(AssignabilityTest, RequiredFieldsAndInheritance) {
  EXPECT_FALSE(ok("{ extra: 1 }", "Derived")); // `id` is required (inherited)
  EXPECT_TRUE(ok("{ id: \"x\" }", "Derived"));
  EXPECT_TRUE(ok("{ id: \"x\", other: 1 }", "Base")); // not exact
  EXPECT_TRUE(ok("Derived", "Base"));
  EXPECT_TRUE(ok("Node", "Node"));
  EXPECT_TRUE(ok("{ value: 1, next: Node }", "Node")); // recursive class
}

TEST_F(AssignabilityTest, Functions) {
  EXPECT_TRUE(ok("fun(x: string): boolean", "function"));
  EXPECT_TRUE(ok("function", "fun(x: string): boolean"));
  EXPECT_TRUE(ok("fun(x: string): boolean", "fun(x: string): boolean"));
  EXPECT_TRUE(ok("fun(): boolean", "fun(x: string): boolean")); // extra arguments are dropped
  EXPECT_FALSE(ok("fun(x: boolean)", "fun(x: string)"));
  EXPECT_FALSE(ok("fun(): string", "fun(): boolean"));
  EXPECT_FALSE(ok("string", "fun()"));
  EXPECT_TRUE(ok("fun()", "(fun(): boolean)|string"));
}

TEST_F(AssignabilityTest, UnknownNamesAreAssignable) {
  EXPECT_TRUE(ok("Undeclared", "string"));
  EXPECT_TRUE(ok("string", "Undeclared"));
}

} // namespace
} // namespace sloth::types
