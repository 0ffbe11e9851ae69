-- RUN: %slothc check %s 2>&1 | FileCheck %s --allow-empty --implicit-check-not=warning: --implicit-check-not=error:
-- sloth: ignore-file module-not-built   (these modules are declared, not all built: not the point here)
local home = os.getenv("HOME")
if home then print(home:upper()) end
if home ~= nil then file.write(home, "x") end
local user = os.getenv("USER")
if not user then error("USER is not set") end
print(user:lower())
local shell = assert(os.getenv("SHELL"))
print(shell:lower())
local lang = os.getenv("LANG")
print(lang and lang:lower())
local term = os.getenv("TERM")
if type(term) == "string" then print(term:lower()) end
local s = "key=value"
local i, j = s:find("=")
if i then print(s:sub(i, j)) end
-- An optional field narrows like a local.
local inst = aws.ec2_instance_create({ image_id = "ami-1", instance_type = "t3.micro" })
if inst.public_ip then file.write("/tmp/ip", inst.public_ip) end
if inst.private_ip ~= nil then file.write("/tmp/ip", inst.private_ip) end
