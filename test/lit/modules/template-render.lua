-- template.render writes the rendered file once; the identical second render is no change.
-- RUN: rm -rf %t && mkdir -p %t
-- RUN: %sloth run %s %t %S/Inputs/site.j2 | FileCheck %s
local dir, source = ...
local vars = { name = "example.com", ports = { 80, 443 } }
print(template.render(source, dir .. "/site.conf", vars).changed)
-- CHECK: true
print(template.render(source, dir .. "/site.conf", vars).changed)
-- CHECK-NEXT: false
io.write(file.read(dir .. "/site.conf"))
-- CHECK-NEXT: server_name example.com;
-- CHECK-NEXT: listen 80;
-- CHECK-NEXT: listen 443;
print(select(2, pcall(template.render, source, dir .. "/x", {})))
-- CHECK-NEXT: template.render: {{.*}}/Inputs/site.j2:1: undefined variable 'name'
