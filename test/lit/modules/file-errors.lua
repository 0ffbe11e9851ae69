-- Errors name the function, the path or the option, and pcall catches them.
-- RUN: rm -rf %t && mkdir -p %t
-- RUN: %sloth run %s %t | FileCheck %s
local dir = ...
print(select(2, pcall(file.read, dir .. "/missing")))
-- CHECK: file.read: cannot read '{{.*}}/missing': No such file or directory
print(select(2, pcall(file.write, dir .. "/f", "x", { apend = true })))
-- CHECK-NEXT: file.write: unknown option 'apend'
print(select(2, pcall(file.create, dir .. "/f", { mode = 644 })))
-- CHECK-NEXT: file.create: option 'mode' must be a string, got number
print(select(2, pcall(file.chown, dir .. "/f", "no-such-user-here")))
-- CHECK-NEXT: file.chown: unknown user 'no-such-user-here'
