-- RUN: %slothc check %s 2>&1 | FileCheck %s --allow-empty --implicit-check-not=warning: --implicit-check-not=error:
local a, b = table.unpack({ 1, 2 })
print(a, b, #{}, 2 ^ 3)
-- Feature tests for the old names are not uses.
local unpacker = table.unpack or unpack
print(unpacker)
