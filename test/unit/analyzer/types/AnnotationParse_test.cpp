#include "sloth/analyzer/types/Annotation.h"
#include "sloth/analyzer/types/TypeContext.h"

#include <gtest/gtest.h>

#include <thread>

namespace sloth::types {
namespace {

class AnnotationParseTest : public ::testing::Test {
protected:
  Annotation parse(std::string_view text, const std::vector<std::string>& generics = {}) {
    AnnotationParse r = parseAnnotation(text, types, generics);
    EXPECT_TRUE(r.errors.empty()) << text << ": " << (r.errors.empty() ? "" : r.errors[0].message);
    return r.annotation.value_or(Annotation{});
  }
  std::string type(std::string_view text) {
    TypeParse r = parseTypeExpression(text, types);
    EXPECT_TRUE(r.errors.empty()) << text << ": " << (r.errors.empty() ? "" : r.errors[0].message);
    return r.type ? r.type->toString() : "<error>";
  }
  TypeContext types;
};

TEST_F(AnnotationParseTest, Meta) {
  Annotation a = parse("meta pkg");
  EXPECT_EQ(a.tag, AnnotationTag::Meta);
  EXPECT_EQ(a.name, "pkg");
  EXPECT_EQ(parse("meta").tag, AnnotationTag::Meta);
}

TEST_F(AnnotationParseTest, ClassWithExactAndParents) {
  Annotation a = parse("class (exact) pkg.Result: base.Result, Other  The result.");
  EXPECT_EQ(a.tag, AnnotationTag::Class);
  EXPECT_TRUE(a.exact);
  EXPECT_EQ(a.name, "pkg.Result");
  EXPECT_EQ(a.parents, (std::vector<std::string>{"base.Result", "Other"}));
  EXPECT_EQ(a.description, "The result.");
  Annotation plain = parse("class TaskBuilder");
  EXPECT_FALSE(plain.exact);
  EXPECT_TRUE(plain.parents.empty());
}

TEST_F(AnnotationParseTest, FieldWithOptionalVisibilityAndDoc) {
  Annotation a = parse("field update_cache? boolean  Refresh the package index first.");
  EXPECT_EQ(a.tag, AnnotationTag::Field);
  EXPECT_EQ(a.name, "update_cache");
  EXPECT_TRUE(a.optional);
  EXPECT_EQ(a.type->toString(), "boolean");
  EXPECT_EQ(a.description, "Refresh the package index first.");

  Annotation lit =
      parse("field state? \"present\"|\"latest\"  `latest` upgrades an installed package.");
  EXPECT_EQ(lit.type->toString(), "\"present\"|\"latest\"");
  EXPECT_EQ(lit.description, "`latest` upgrades an installed package.");

  Annotation vis = parse("field private count integer");
  EXPECT_EQ(vis.name, "count");
  EXPECT_FALSE(vis.optional);

  Annotation index = parse("field [string] integer  Counts by name.");
  EXPECT_TRUE(index.name.empty());
  EXPECT_EQ(index.fieldKey->toString(), "string");
  EXPECT_EQ(index.type->toString(), "integer");
}

TEST_F(AnnotationParseTest, KeywordsAreUsableAsNames) {
  EXPECT_EQ(parse("field type string").name, "type");
  EXPECT_EQ(parse("param table table").name, "table");
  EXPECT_EQ(parse("field class? string  The CSS class.").name, "class");
  EXPECT_EQ(parse("field package string  The package directory.").name, "package");
}

TEST_F(AnnotationParseTest, DescriptionsMayHoldAnyCharacter) {
  Annotation a = parse("param name string  Don't quote it; `x` — 100% {ok} [sic] it's fine.");
  EXPECT_EQ(a.description, "Don't quote it; `x` — 100% {ok} [sic] it's fine.");
  EXPECT_EQ(parse("param n integer # the count").description, "the count");
}

TEST_F(AnnotationParseTest, Param) {
  Annotation a = parse("param options? pkg.InstallOptions");
  EXPECT_EQ(a.tag, AnnotationTag::Param);
  EXPECT_EQ(a.name, "options");
  EXPECT_TRUE(a.optional);
  EXPECT_EQ(a.type->toString(), "pkg.InstallOptions");
  ASSERT_EQ(a.typeNames.size(), 1u);
  EXPECT_EQ(a.typeNames[0].name, "pkg.InstallOptions");
  EXPECT_EQ(a.typeNames[0].column, 16);

  Annotation v = parse("param ... any  Values to print.");
  EXPECT_EQ(v.name, "...");
  EXPECT_EQ(v.type->toString(), "any");
}

TEST_F(AnnotationParseTest, Return) {
  Annotation one = parse("return exec.Result");
  ASSERT_EQ(one.returns.size(), 1u);
  EXPECT_EQ(one.returns[0].type->toString(), "exec.Result");

  Annotation named = parse("return any[] results  The first value each function returned.");
  ASSERT_EQ(named.returns.size(), 1u);
  EXPECT_EQ(named.returns[0].name, "results");
  EXPECT_EQ(named.description, "The first value each function returned.");

  Annotation list = parse("return string, integer? count");
  ASSERT_EQ(list.returns.size(), 2u);
  EXPECT_EQ(list.returns[1].type->toString(), "integer?");
  EXPECT_EQ(list.returns[1].name, "count");

  Annotation varargs = parse("return any ...  What fn returned.");
  ASSERT_EQ(varargs.returns.size(), 1u);
  EXPECT_TRUE(varargs.returns[0].variadic);
  EXPECT_EQ(varargs.description, "What fn returned.");
}

TEST_F(AnnotationParseTest, Alias) {
  Annotation a = parse("alias Duration string|number");
  EXPECT_EQ(a.tag, AnnotationTag::Alias);
  EXPECT_EQ(a.name, "Duration");
  EXPECT_EQ(a.type->toString(), "string|number");
  // The loader joins `---| "a"` continuation lines into a leading-bar union.
  Annotation joined = parse("alias Mode | \"r\" | \"w\"");
  EXPECT_EQ(joined.type->toString(), "\"r\"|\"w\"");
  Annotation bare = parse("alias Later");
  EXPECT_EQ(bare.type, nullptr);
}

TEST_F(AnnotationParseTest, TypeOverloadVarargCast) {
  EXPECT_EQ(parse("type string[]").type->toString(), "string[]");
  Annotation o = parse("overload fun(options: goroutine.ParallelOptions): any[]");
  EXPECT_EQ(o.tag, AnnotationTag::Overload);
  EXPECT_EQ(o.type->toString(), "fun(options: goroutine.ParallelOptions): any[]");
  EXPECT_EQ(parse("vararg string").type->toString(), "string");
  Annotation c = parse("cast x +string");
  EXPECT_EQ(c.tag, AnnotationTag::Cast);
  EXPECT_EQ(c.name, "x");
}

TEST_F(AnnotationParseTest, GenericNamesStandForAny) {
  Annotation g = parse("generic T, K: string");
  EXPECT_EQ(g.tag, AnnotationTag::Generic);
  EXPECT_EQ(g.genericNames, (std::vector<std::string>{"T", "K"}));
  Annotation p = parse("param list T[]", {"T"});
  EXPECT_EQ(p.type->toString(), "any[]");
  EXPECT_TRUE(p.typeNames.empty());
}

TEST_F(AnnotationParseTest, LuaLanguageServerFormsSeenInTheWild) {
  EXPECT_EQ(parse("param opts? {buf?: integer, win?: integer}").type->toString(),
            "{ buf?: integer, win?: integer }");
  EXPECT_EQ(parse("param fn fun(err: string?, result: any)").type->toString(),
            "fun(err: string?, result: any)");
  EXPECT_EQ(parse("param f async fun(): string").type->toString(), "fun(): string");
  EXPECT_EQ(parse("param callback fun()|nil").type->toString(), "(fun())?");
  EXPECT_EQ(parse("return integer|nil #The id").description, "The id");
  EXPECT_EQ(parse("field [1] string  The first.").fieldKey->toString(), "1");
  EXPECT_EQ(parse("param name `T`").type->toString(), "any");
  Annotation list = parse("class List<T>: Base");
  EXPECT_EQ(list.name, "List");
  EXPECT_EQ(list.parents, std::vector<std::string>{"Base"});
  Annotation cb = parse("alias Callback<T> fun(x: T): T");
  EXPECT_EQ(cb.type->toString(), "fun(x: any): any");
  EXPECT_TRUE(cb.typeNames.empty());
  EXPECT_EQ(parse("class (partial) vim.Foo : vim.Bar").parents,
            std::vector<std::string>{"vim.Bar"});
  for (const char* tag : {"package", "private", "protected", "public", "module 'foo'",
                          "source file.c:10", "version 5.4, JIT", "meta _"})
    EXPECT_TRUE(parseAnnotation(tag, types).errors.empty()) << tag;
  EXPECT_EQ(parse("private").tag, AnnotationTag::Other);
}

TEST_F(AnnotationParseTest, FreeTextTags) {
  Annotation d = parse("deprecated use table.unpack");
  EXPECT_EQ(d.tag, AnnotationTag::Deprecated);
  EXPECT_EQ(d.description, "use table.unpack");
  EXPECT_EQ(parse("deprecated").tag, AnnotationTag::Deprecated);
  EXPECT_EQ(parse("diagnostic disable-next-line: undefined-global").tag, AnnotationTag::Diagnostic);
  EXPECT_EQ(parse("see pkg.install").tag, AnnotationTag::See);
  EXPECT_EQ(parse("nodiscard").tag, AnnotationTag::Nodiscard);
  EXPECT_EQ(parse("async").tag, AnnotationTag::Async);
  EXPECT_EQ(parse("enum (key) Colors").tag, AnnotationTag::Enum);
  Annotation other = parse("operator add(number): number");
  EXPECT_EQ(other.tag, AnnotationTag::Other);
  EXPECT_EQ(other.tagName, "operator");
}

TEST_F(AnnotationParseTest, SlothTags) {
  Annotation e = parse("effect write");
  EXPECT_EQ(e.tag, AnnotationTag::Effect);
  EXPECT_EQ(e.name, "write");
  Annotation p = parse("plan \"install {name}\"");
  EXPECT_EQ(p.tag, AnnotationTag::Plan);
  EXPECT_EQ(p.planTemplate, "install {name}");
  EXPECT_EQ(parse("secret").tag, AnnotationTag::Secret);
}

TEST_F(AnnotationParseTest, TypeExpressions) {
  EXPECT_EQ(type("nil"), "nil");
  EXPECT_EQ(type("string?"), "string?");
  EXPECT_EQ(type("string|nil"), "string?");
  EXPECT_EQ(type("integer[][]"), "integer[][]");
  EXPECT_EQ(type("(string|number)[]"), "(string|number)[]");
  EXPECT_EQ(type("(fun(): any)[]"), "(fun(): any)[]");
  EXPECT_EQ(type("table<string, string|number|boolean|table>"),
            "table<string, string|number|boolean|table>");
  EXPECT_EQ(type("{ name: string, port?: integer, [string]: any }"),
            "{ name: string, port?: integer, [string]: any }");
  EXPECT_EQ(type("{}"), "{}");
  EXPECT_EQ(type("fun(a: string, b?: integer, ...: any): boolean, string?"),
            "fun(a: string, b?: integer, ...: any): boolean, string?");
  EXPECT_EQ(type("fun(this: TaskContext, params: table, input: table): boolean?, string?, table?"),
            "fun(this: TaskContext, params: table, input: table): boolean?, string?, table?");
  EXPECT_EQ(type("(fun(x: integer): boolean)|string"), "(fun(x: integer): boolean)|string");
  EXPECT_EQ(type("fun(): (ok: boolean, err: string)"), "fun(): boolean, string");
  EXPECT_EQ(type("1|2|-3"), "1|2|-3");
  EXPECT_EQ(type("1.5"), "1.5");
  EXPECT_EQ(type("true|false"), "true|false");
  EXPECT_EQ(type("'single'"), "\"single\"");
  EXPECT_EQ(type("pkg.Result"), "pkg.Result");
  EXPECT_EQ(type("file*"), "file*");
  EXPECT_EQ(type("table"), "table");
  EXPECT_EQ(type("function|userdata|thread"), "function|userdata|thread");
}

TEST_F(AnnotationParseTest, SyntaxErrorsHaveColumns) {
  AnnotationParse r = parseAnnotation("param name strng|", types);
  ASSERT_FALSE(r.errors.empty());
  EXPECT_EQ(r.errors[0].message, "unexpected end of annotation");
  AnnotationParse bad = parseAnnotation("field x table<string", types);
  EXPECT_FALSE(bad.errors.empty());
  AnnotationParse effect = parseAnnotation("effect", types);
  EXPECT_FALSE(effect.errors.empty());
  TypeParse t = parseTypeExpression("string oops", types);
  EXPECT_FALSE(t.errors.empty());
}

TEST_F(AnnotationParseTest, InvalidUtf8InADescriptionIsKept) {
  Annotation a = parse("param x string  caf\xe9");
  EXPECT_EQ(a.description, "caf?");
}

} // namespace
} // namespace sloth::types

namespace sloth::types {
namespace {

// Checks run files in parallel: each thread parses with its own lexer/parser and context.
TEST(AnnotationParseThreads, ParallelParsesAgree) {
  std::vector<std::thread> threads;
  std::vector<int> good(4, 0);
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([t, &good] {
      TypeContext types;
      for (int i = 0; i < 200; ++i) {
        AnnotationParse r =
            parseAnnotation(i % 2 ? "param name? string|string[]  Doc." : "effect write", types);
        if (r.annotation && r.errors.empty())
          ++good[t];
      }
    });
  for (std::thread& th : threads)
    th.join();
  EXPECT_EQ(good, std::vector<int>(4, 200));
}

} // namespace
} // namespace sloth::types
