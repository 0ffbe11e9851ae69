-- Damaged or crafted binary chunks are refused by load with a message, never run, never crash.
-- RUN: %sloth run %s | FileCheck %s
local chunk = string.dump(function(a) return a * 2 end)
print(load("\27Lua"))
-- CHECK: nil	binary string: bad binary format (not a sloth bundle {{.*}})
print(load(chunk:sub(1, 20), "=cut"))
-- CHECK-NEXT: nil	cut: bad binary format (truncated: the file ends inside the 32-byte header (at byte 20))
print(load(chunk:sub(1, -2), "=short"))
-- CHECK-NEXT: nil	short: bad binary format (truncated: {{.*}})
local flipped = chunk:sub(1, 40) .. string.char(chunk:byte(41) ~ 1) .. chunk:sub(42)
print(load(flipped, "=flipped"))
-- CHECK-NEXT: nil	flipped: bad binary format (corrupted: the checksum does not match the contents)
-- Every single-byte change and every truncation is refused or loads a function that runs safely.
local refused = 0
for i = 1, #chunk do
  for _, bit in ipairs({1, 16, 128}) do
    local m = chunk:sub(1, i - 1) .. string.char(chunk:byte(i) ~ bit) .. chunk:sub(i + 1)
    local f = load(m)
    if f then pcall(f, 1) else refused = refused + 1 end
  end
  if i > 1 and load(chunk:sub(1, i - 1)) == nil then refused = refused + 1 end
end
print(refused == 4 * #chunk - 1)
-- CHECK-NEXT: true
