-- RUN: %slothc check %s 2>&1 | FileCheck %s --allow-empty --implicit-check-not=warning: --implicit-check-not=error:
for i = 1, 3 do
  if i == 2 then goto continue end
  print(i)
  ::continue::
end
