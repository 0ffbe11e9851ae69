-- RUN: %slothc check %s 2>&1 | FileCheck %s --allow-empty --implicit-check-not=warning: --implicit-check-not=error:
file.write("/etc/motd", "hello\n")
-- Lua converts numbers to strings where a string is expected.
file.write("/tmp/count", 42)
