-- RUN: not %slothc check %s 2>&1 | FileCheck %s
-- CHECK: {{.*}}goto-without-label.lua:3:1: error: no visible label 'finish' for <goto> [undefined-label]
goto finish
