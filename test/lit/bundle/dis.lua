-- slothc dis of a bundle prints the listing of the script it was built from.
-- RUN: %slothc build %s -o %t.slothb
-- RUN: %slothc dis %s > %t.source.dis
-- RUN: %slothc dis %t.slothb > %t.bundle.dis
-- RUN: diff %t.source.dis %t.bundle.dis
-- RUN: FileCheck %s < %t.bundle.dis
local greeting = "hello"
print(greeting .. " world")
-- CHECK: main <{{.*}}dis.lua:0,0>
-- CHECK: GETTABUP
-- CHECK: CONCAT
-- CHECK: constants
-- CHECK: "hello"
