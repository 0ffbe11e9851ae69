-- RUN: not %slothc check --format gcc %s 2>&1 | FileCheck %s --implicit-check-not=error:
-- A non-ASCII letter in a name is one error (lua5.4 names its first byte), not one per byte.
local café = 1
-- CHECK: utf8-character-in-name.lua:3:10: error: unexpected symbol near '<\195>' [unexpected-character]
