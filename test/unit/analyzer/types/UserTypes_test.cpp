#include "sloth/analyzer/types/Assignability.h"
#include "sloth/analyzer/types/SignatureLoader.h"
#include "sloth/analyzer/types/UserTypes.h"

#include <gtest/gtest.h>

namespace sloth::types {
namespace {

AnnotationBlock read(std::initializer_list<const char*> texts, int firstLine, TypeContext& types) {
  std::vector<BlockLine> lines;
  int n = firstLine;
  for (const char* t : texts)
    lines.push_back({n++, 4, t});
  return readAnnotationBlock(lines, types);
}

TEST(UserTypes, ClassesAndAliasesOverTheBuiltins) {
  TypeContext file(&builtinSignatures().types());
  std::vector<AnnotationBlock> blocks;
  // The class uses an alias declared further down, and a builtin class.
  blocks.push_back(read({"@class (exact) Site", "@field name string", "@field port? Port",
                         "@field last? exec.Result"},
                        1, file));
  blocks.push_back(read({"@alias Port integer"}, 10, file));
  UserTypes declared = declareUserTypes(blocks, file);
  for (const BlockError& e : declared.problems)
    ADD_FAILURE() << e.line << ":" << e.column << ": " << e.message;
  ASSERT_EQ(declared.declared.size(), 2u);

  TypeRef site = file.resolve(file.named("Site"));
  ASSERT_NE(site, nullptr);
  EXPECT_TRUE(site->exact());
  const Field* last = file.findField(site, "last");
  ASSERT_NE(last, nullptr);
  EXPECT_NE(file.findField(last->type, "exit_code"), nullptr);
  TypeContext scratch(&file);
  TypeRef ok = parseTypeExpression("{ name: \"web\", port: 80 }", scratch).type;
  TypeRef bad = parseTypeExpression("{ name: \"web\", prot: 80 }", scratch).type;
  EXPECT_TRUE(isAssignable(ok, site));
  EXPECT_FALSE(isAssignable(bad, site));
  // The builtin context is untouched.
  EXPECT_EQ(builtinSignatures().types().lookup("Site"), nullptr);
}

TEST(UserTypes, Problems) {
  TypeContext file(&builtinSignatures().types());
  std::vector<AnnotationBlock> blocks;
  blocks.push_back(read({"@field orphan string"}, 1, file));
  blocks.push_back(read({"@class Host", "@field addr Adress"}, 3, file));
  blocks.push_back(read({"@alias Adress string"}, 6, file));
  blocks.push_back(read({"@class Host"}, 8, file));
  blocks.push_back(read({"@class Child: Missing"}, 10, file));
  UserTypes declared = declareUserTypes(blocks, file);
  std::vector<std::string> messages;
  for (const BlockError& e : declared.problems)
    messages.push_back(std::to_string(e.line) + ": " + e.message);
  EXPECT_EQ(messages, (std::vector<std::string>{"1: @field outside a @class",
                                                "8: type Host is declared twice",
                                                "10: unknown parent class 'Missing'"}))
      << "the alias is declared after its use, which is fine";
}

} // namespace
} // namespace sloth::types
