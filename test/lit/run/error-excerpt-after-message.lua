-- The source line an error points at comes after the whole message (a multi-line one, such as
-- require's list of places it looked), before the traceback.
-- RUN: not %sloth run %s 2>&1 | FileCheck %s
local helpers = require("no.such.module")
-- CHECK: error-excerpt-after-message.lua:4: module 'no.such.module' not found:
-- CHECK: no file
-- CHECK: {{^}} 4 | local helpers = require("no.such.module")
-- CHECK-NEXT: stack traceback:
