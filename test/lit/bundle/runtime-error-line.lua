-- A run-time error in a bundle names file:line and shows the offending line, from the source
-- text the bundle carries; the same as running the source.
-- RUN: %slothc build %s -o %t.slothb
-- RUN: not %sloth run %s 2> %t.source.err
-- RUN: not %sloth run %t.slothb 2> %t.bundle.err
-- RUN: diff %t.source.err %t.bundle.err
-- RUN: FileCheck %s < %t.bundle.err
local config = {}
local function port()
  return config.server.port
end
print(port())
-- CHECK: sloth: {{.*}}runtime-error-line.lua:10: attempt to index a nil value (field 'server')
-- CHECK-NEXT: {{^}} 10 |   return config.server.port
-- CHECK-NEXT: stack traceback:
-- CHECK-NEXT: {{.*}}runtime-error-line.lua:10: in {{.*}}'port'
