-- RUN: %slothc plan %s | FileCheck %s
-- Calls through local helper functions are followed with the arguments of each call site.
local function deploy(name, mode)
  file.copy("/src/" .. name, "/srv/www/" .. name, { mode = mode, owner = "www-data" })
end
local function site(names)
  for _, n in ipairs(names) do
    deploy(n, "0644")
  end
end
site({ "index.html", "app.js" })
-- CHECK:        ~ copy /src/index.html to /srv/www/index.html
-- CHECK-NEXT:       file.copy at {{.*}}local-helper-function.lua:4, via site ({{.*}}:11), via deploy ({{.*}}:8)
-- CHECK-NEXT:       source = "/src/index.html"
-- CHECK-NEXT:       destination = "/srv/www/index.html"
-- CHECK-NEXT:       options.mode = "0644"
-- CHECK-NEXT:       options.owner = "www-data"
-- CHECK:        ~ copy /src/app.js to /srv/www/app.js
