-- RUN: %slothc check %s 2>&1 | FileCheck %s
-- A Lua 5.1 name that 5.4 removed says what replaced it.
local f = load("return 1")
setfenv(f, {})
-- CHECK: {{.*}}undefined-global-removed.lua:4:1: warning: undefined global 'setfenv' (removed in Lua 5.2: give the function an _ENV upvalue or pass load() an env) [undefined-global]
