-- The dry-run guard's replacement natives keep a name that outlives the guard's set-up: the
-- traceback of a refused io.open names 'io.open' (it showed freed memory, or '').
-- RUN: not %sloth run --dry-run %s 2>&1 | FileCheck %s
local f = io.open("/nonexistent/sloth-guard/notes.txt", "w")
-- CHECK: io.open: cannot dry-run opening '/nonexistent/sloth-guard/notes.txt' with mode "w"
-- CHECK: stack traceback:
-- CHECK-NEXT: [C]: in function 'io.open'
-- CHECK-NEXT: traceback-guarded-native-name.lua:4: in main chunk
