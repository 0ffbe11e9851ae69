-- RUN: not %slothc check %s 2>&1 | FileCheck %s
file.chmod("/tmp/script.sh", 755)
file.chmod("/tmp/key", 384)
file.create("/tmp/x", { mode = 644 })
-- CHECK: {{.*}}octal-mode.lua:2:30: warning: file.chmod: file mode written as the number 755; Lua numbers are decimal (0755 is 755), so write the mode as a string: "0755" [octal-mode]
-- CHECK: {{.*}}octal-mode.lua:3:24: error: file.chmod: 384 is not an octal file mode (Lua numbers are decimal); write the mode as a string such as "0644" [octal-mode]
-- CHECK: {{.*}}octal-mode.lua:4:32: error: file.create: option 'mode' must be an octal string such as "0644", got the number 644; write "0644" [octal-mode]
