-- infra_test.command and infra_test.file against real commands and files.
-- RUN: rm -rf %t && mkdir -p %t && printf 'listen 80;\n' > %t/app.conf && chmod 0640 %t/app.conf
-- RUN: %sloth run %s %t | FileCheck %s
local dir = ...
print(pcall(infra_test.command, "echo active", { exit_code = 0, stdout_contains = "active" }))
-- CHECK: true
print(pcall(infra_test.command, "echo oops >&2; exit 3", { exit_code = 3, stderr_contains = "oops" }))
-- CHECK-NEXT: true
print(pcall(infra_test.command, "echo inactive; echo bad >&2; exit 3"))
-- CHECK-NEXT: false	{{.*}}infra_test.command: 'echo inactive; echo bad >&2; exit 3': expected exit code 0, found 3 (stderr: "bad\n")
print(pcall(infra_test.command, "echo inactive", { stdout_contains = "running" }))
-- CHECK-NEXT: false	{{.*}}: expected stdout to contain "running", found "inactive\n"
print(pcall(infra_test.command, "sleep 5", { timeout = 0.2 }))
-- CHECK-NEXT: false	{{.*}}: 'sleep 5': expected exit code 0, found no exit within 0.2 s
local conf = dir .. "/app.conf"
print(pcall(infra_test.file, conf, { exists = true, mode = "0640", owner = "root", group = "root", contains = "listen 80" }))
-- CHECK-NEXT: true
print(pcall(infra_test.file, dir .. "/absent", { exists = false }))
-- CHECK-NEXT: true
print(pcall(infra_test.file, conf, { mode = "0644" }))
-- CHECK-NEXT: false	{{.*}}infra_test.file: '{{.*}}/app.conf': expected mode 0644, found 0640
print(pcall(infra_test.file, conf, { owner = "nobody" }))
-- CHECK-NEXT: false	{{.*}}: expected owner nobody, found root
print(pcall(infra_test.file, conf, { contains = "listen 443" }))
-- CHECK-NEXT: false	{{.*}}: expected the content to contain "listen 443", found "listen 80;\n"
print(pcall(infra_test.file, dir .. "/absent"))
-- CHECK-NEXT: false	{{.*}}: '{{.*}}/absent': expected it to exist, found it missing
print(pcall(infra_test.file, conf, { exists = false }))
-- CHECK-NEXT: false	{{.*}}: expected it to be absent, found it present
print(pcall(infra_test.file, conf, { mode = "rw-r" }))
-- CHECK-NEXT: false	{{.*}}infra_test.file: option 'mode' must be an octal mode such as "0644", got "rw-r"
print(pcall(infra_test.file, conf, { owner = "no-such-user-x" }))
-- CHECK-NEXT: false	{{.*}}infra_test.file: unknown user 'no-such-user-x'
