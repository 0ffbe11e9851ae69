#include "sloth/analyzer/types/Annotation.h"
#include "sloth/analyzer/types/ExpectedText.h"
#include "sloth/analyzer/types/TypeContext.h"

#include <gtest/gtest.h>

namespace sloth::types {
namespace {

TEST(ExpectedText, LiteralUnionsReadAsChoices) {
  TypeContext t;
  auto text = [&](const char* type) { return expectedText(parseTypeExpression(type, t).type); };
  EXPECT_EQ(text("\"present\"|\"latest\""), "\"present\" or \"latest\"");
  EXPECT_EQ(text("1|2|3"), "1, 2 or 3");
  EXPECT_EQ(text("\"a\"|nil"), "\"a\" or nil");
  EXPECT_EQ(text("\"a\""), "\"a\"");
  EXPECT_EQ(text("string|\"a\""), "string");
  EXPECT_EQ(text("\"a\"|integer"), "\"a\"|integer");
  t.declare("Mode", parseTypeExpression("\"r\"|\"w\"", t).type);
  EXPECT_EQ(text("Mode"), "\"r\" or \"w\"");
  EXPECT_EQ(literalChoices(parseTypeExpression("string", t).type).size(), 0u);
}

} // namespace
} // namespace sloth::types
