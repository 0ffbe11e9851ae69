-- A traceback through a native registered without a name shows "in ?" (as lua5.4 does), not
-- "in function ''" (seen under --dry-run, whose guard wraps natives).
-- RUN: not %sloth run --dry-run %s 2>&1 | FileCheck %s
file.chmod("/nonexistent/sloth-traceback", "0600")
-- CHECK: file.chmod: '/nonexistent/sloth-traceback' does not exist
-- CHECK: stack traceback:
-- CHECK-NOT: function ''
-- CHECK: traceback-unnamed-native.lua:4: in main chunk
