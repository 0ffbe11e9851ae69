-- file.write through `sloth run`: the first write changes the file, the identical second one does
-- not, and the content is read back.
-- RUN: rm -rf %t && mkdir -p %t
-- RUN: %sloth run %s %t | FileCheck %s
local dir = ...
local path = dir .. "/motd"
print(file.write(path, "Welcome\n").changed)
-- CHECK: true
print(file.write(path, "Welcome\n").changed)
-- CHECK-NEXT: false
io.write(file.read(path))
-- CHECK-NEXT: Welcome
