#include "sloth/analyzer/types/AnnotationBlock.h"
#include "sloth/analyzer/types/TypeContext.h"

#include <gtest/gtest.h>

namespace sloth::types {
namespace {

// Lines as they follow `---` at the start of a line (text from column 4).
std::vector<BlockLine> block(std::initializer_list<const char*> texts, int firstLine = 1) {
  std::vector<BlockLine> lines;
  int n = firstLine;
  for (const char* t : texts)
    lines.push_back({n++, 4, t});
  return lines;
}

TEST(AnnotationBlock, ProseBecomesDocumentation) {
  TypeContext types;
  AnnotationBlock b =
      readAnnotationBlock(block({"Installs packages.", " Second line.", "@param name string",
                                 "@effect write", "Trailing."}),
                          types);
  ASSERT_EQ(b.annotations.size(), 2u);
  EXPECT_EQ(b.annotations[0].docBefore, "Installs packages.\nSecond line.");
  EXPECT_EQ(b.annotations[1].docBefore, "");
  EXPECT_EQ(b.trailingDoc, "Trailing.");
  EXPECT_EQ(b.doc(), "Installs packages.\nSecond line.\nTrailing.");
  EXPECT_EQ(b.annotations[0].line, 3);
  EXPECT_EQ(b.annotations[0].column, 5);
}

TEST(AnnotationBlock, AliasContinuationLines) {
  TypeContext types;
  AnnotationBlock b =
      readAnnotationBlock(block({"@alias Mode", "| \"r\" # read", "|> 'w' # write, the default",
                                 "|+ \"a\"", "@param m Mode"}),
                          types);
  EXPECT_TRUE(b.errors.empty());
  ASSERT_EQ(b.annotations.size(), 2u);
  EXPECT_EQ(b.annotations[0].annotation.type->toString(), "\"r\"|\"w\"|\"a\"");
  EXPECT_EQ(b.annotations[1].line, 5);
}

TEST(AnnotationBlock, StrayContinuationIsAnError) {
  TypeContext types;
  AnnotationBlock b = readAnnotationBlock(block({"| \"r\""}), types);
  ASSERT_EQ(b.errors.size(), 1u);
  EXPECT_EQ(b.errors[0].line, 1);
}

TEST(AnnotationBlock, GenericsApplyToTheLinesBelow) {
  TypeContext types;
  AnnotationBlock b =
      readAnnotationBlock(block({"@generic T", "@param list T[]", "@return T"}), types);
  ASSERT_EQ(b.annotations.size(), 3u);
  EXPECT_EQ(b.annotations[1].annotation.type->toString(), "any[]");
  EXPECT_TRUE(b.annotations[1].annotation.typeNames.empty());
}

TEST(AnnotationBlock, ErrorsAndNamesCarryFileColumns) {
  TypeContext types;
  AnnotationBlock b = readAnnotationBlock(block({"@param a strng", "@param b string|"}, 10), types);
  ASSERT_EQ(b.annotations.size(), 1u);
  ASSERT_EQ(b.annotations[0].annotation.typeNames.size(), 1u);
  EXPECT_EQ(b.annotations[0].annotation.typeNames[0].column, 13); // `---@param a strng`
  ASSERT_EQ(b.errors.size(), 1u);
  EXPECT_EQ(b.errors[0].line, 11);
  EXPECT_EQ(b.errors[0].column, 20);
}

} // namespace
} // namespace sloth::types
