-- RUN: %slothc check %s 2>&1 | FileCheck %s --allow-empty --implicit-check-not=warning: --implicit-check-not=error:
-- sloth: ignore-file module-not-built   (these modules are declared, not all built: not the point here)
-- Open tables: whatever Lua does to add keys later keeps the checker quiet.
local written = { a = 1 }
written.b = 2
print(written.b, written.c)
local indexed = { a = 1 }
indexed["b"] = 2
print(indexed.b)
local extended = {}
table.insert(extended, 1)
print(extended.n)
local meta = { a = 1 }
setmetatable(meta, { __index = function() return 0 end })
print(meta.anything)
local handed = { a = 1 }
local function fill(t) t.b = 2 end
fill(handed)
print(handed.b)
local aliased = { a = 1 }
local other = aliased
other.b = 2
print(aliased.b)
local dynamic = { [os.getenv("KEY") or "k"] = 1 }
print(dynamic.k)
local later = { a = 1 }
local function add() later.b = 2 end
add()
print(later.b)
-- Testing for a key is not a mistake, and reading one that is there is fine.
local cfg = { host = "db", port = 5432 }
print(cfg.user or "postgres", cfg.host:upper(), cfg.port + 1, #cfg)
for k, v in pairs(cfg) do print(k, v) end
-- A table built earlier may still be completed before the call: not a missing option.
local sync = { repo = "https://example.com/infra.git" }
sync.destination = "/srv/infra"
gitops.sync(sync)
