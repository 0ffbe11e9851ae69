-- RUN: %slothc dump-ast %s | FileCheck %s
-- CHECK: (function "main chunk" (...)
-- CHECK-NEXT:   (return "a\9b" "ABC" "linecontinued" "long" "a]]b" "\0"))
return 'a\tb', "\65\x42\u{43}", 'line\z
      continued', [[
long]], [==[a]]b]==], '\0'
