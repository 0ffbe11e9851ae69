-- RUN: %slothc plan %s | FileCheck %s
-- A loop over a literal list expands: one action per element, with the element's value.
for _, name in ipairs({ "curl", "git", "htop" }) do
  pkg.install(name, { state = "latest" })
end
for i = 1, 2 do
  file.create("/srv/data/" .. i .. ".txt")
end
-- CHECK:        + install curl
-- CHECK-NEXT:       pkg.install at {{.*}}loop-over-literal-list.lua:4
-- CHECK-NEXT:       name = "curl"
-- CHECK-NEXT:       options.state = "latest"
-- CHECK:        + install git
-- CHECK:        + install htop
-- CHECK:        + create /srv/data/1.txt
-- CHECK:        + create /srv/data/2.txt
-- CHECK-NOT: repeats
-- CHECK: Plan: 5 to create, 0 to change, 0 to delete, 0 commands, 0 conditional.
