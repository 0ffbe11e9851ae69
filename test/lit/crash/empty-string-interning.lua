-- An empty string made from a view without data (string.sub out of range, then concatenated)
-- is interned without passing a null pointer to memcmp: undefined behaviour that an
-- UndefinedBehaviorSanitizer build reported (vm/src/String.cpp). Found by test/fuzz/difflua.py
-- under -DSLOTH_SANITIZE=address,undefined; this file is the input, the sanitizer build the check.
-- RUN: %sloth run %s 2>&1 | FileCheck %s
print(string.sub("9223372036854775808", -1, 2) .. 10, #string.sub("abc", 5), string.sub("", 1, 0) == "")
-- CHECK: 10	0	true
-- CHECK-NOT: runtime error
