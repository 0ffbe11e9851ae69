-- RUN: not %slothc check %s 2>&1 | FileCheck %s
-- CHECK: {{.*}}unfinished-long-comment.lua:4:1: error: unfinished long comment (starting at line 4) near <eof> [unfinished-long-comment]
print(1)
--[[ comment
never closed
