-- error(42) reports 42, as lua5.4 does (lua.c's message handler converts numbers); other values
-- without __tostring name their type.
-- RUN: not %sloth run %s 2>&1 | FileCheck %s
-- RUN: printf 'error({})\n' > %t.lua
-- RUN: not %sloth run %t.lua 2>&1 | FileCheck %s --check-prefix=TABLE
error(42)
-- CHECK: sloth: 42
-- CHECK-NEXT: stack traceback:
-- TABLE: sloth: (error object is a table value)
