-- Writing into a directory that does not exist names the user's path and the missing directory
-- (it said "cannot create a temporary file in ...", the temporary file being sloth's own).
-- RUN: rm -rf %t && mkdir -p %t
-- RUN: %sloth run %s %t | FileCheck %s
local dir = ...
print(select(2, pcall(file.write, dir .. "/no-dir/motd", "hi\n")))
-- CHECK: file.write: cannot write '{{.*}}/no-dir/motd': the directory '{{.*}}/no-dir' does not exist
local src = dir .. "/app.conf"
file.write(src, "x\n")
print(select(2, pcall(file.copy, src, dir .. "/etc/app/")))
-- CHECK-NEXT: file.copy: cannot write '{{.*}}/etc/app/app.conf': the directory '{{.*}}/etc/app' does not exist
print(select(2, pcall(file.create, dir .. "/no-dir/new", { content = "x" })))
-- CHECK-NEXT: file.create: cannot write '{{.*}}/no-dir/new': the directory '{{.*}}/no-dir' does not exist
