-- file.copy with owner, group and mode (run as root): the copy gets them, a second copy is no
-- change, and a changed mode on the destination is put back.
-- RUN: rm -rf %t && mkdir -p %t && printf 'listen 80;\n' > %t/app.conf
-- RUN: %sloth run %s %t | FileCheck %s
-- RUN: stat -c '%%a %%U %%G' %t/etc/app.conf | FileCheck %s --check-prefix=STAT
local dir = ...
os.execute("mkdir -p " .. dir .. "/etc")
local options = { owner = "nobody", group = "nogroup", mode = "0640" }
local result = file.copy(dir .. "/app.conf", dir .. "/etc/", options)
print(result.changed, result.path:sub(#dir + 1))
-- CHECK: true	/etc/app.conf
print(file.copy(dir .. "/app.conf", dir .. "/etc/", options).changed)
-- CHECK-NEXT: false
file.chmod(dir .. "/etc/app.conf", "u+x")
print(file.copy(dir .. "/app.conf", dir .. "/etc/", options).changed)
-- CHECK-NEXT: true
-- STAT: 640 nobody nogroup
