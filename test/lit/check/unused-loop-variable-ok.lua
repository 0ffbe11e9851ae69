-- RUN: %slothc check %s 2>&1 | FileCheck %s --allow-empty --implicit-check-not=warning: --implicit-check-not=error:
for _, v in ipairs({ 1, 2 }) do
  print(v)
end
for n = 1, 3 do print(n) end
