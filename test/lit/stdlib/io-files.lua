-- RUN: %sloth run %s | FileCheck --match-full-lines %s
-- io.open / file methods: read formats, write, seek, lines, setvbuf, close, errors as nil+msg+errno
local name = os.tmpname()
local f = assert(io.open(name, "w"))
print(io.type(f), f:write("first line\n", 42, " ", 3.5, " ", 1e100, "\n", "0x1F -7 .5e1 nan\n", "last") == f)
print(f:seek("cur"), f:seek("set", 0), f:seek("end"))
print(f:close(), io.type(f), tostring(f))
print(pcall(f.write, f, "x"))
f = assert(io.open(name))
print(f:read("l"))
print(f:read("n", "n", "n"))
print(f:read("n", "n", "n"))
print(f:read("n"), f:read("l"))
print(f:read("L"), f:read("L"), f:read("l"), f:read("a"), f:read(1), f:read(0))
print(f:seek("set", 6), f:read(4), f:read(0), f:seek("cur", -4), f:read("*l"), f:read("*a"):len())
print(pcall(f.read, f, "z"))
print(f:setvbuf("full", 1024), f:setvbuf("no"), pcall(f.setvbuf, f, "bad"))
print(f:close())
for line in io.lines(name) do io.write("[", line, "]") end
print()
for a, b in io.lines(name, 5, "n") do io.write("<", tostring(a), "|", tostring(b), ">") break end
print()
local g = assert(io.open(name))
for l in g:lines("L") do io.write(#l, " ") end
print(io.type(g), g:close())
print(io.open("/nonexistent/dir/file"))
print(io.open(name, "r+b") ~= nil, pcall(io.open, name, "rw"))
print(pcall(io.open, name, "x"))
print(pcall(io.lines, "/nonexistent/file"))
local a = assert(io.open(name, "a"))
a:write("\nappended")
a:close()
local r = io.open(name)
local all = r:read("a")
r:close()
print(#all, all:sub(-8))
local w = assert(io.open(name, "w+"))
w:write("rewind")
w:seek("set")
print(w:read("a"))
w:close()
print(os.remove(name))
print(io.type(42), io.type(io.stdout), io.stdout ~= io.stderr)
print(io.stdout:close())
local t = io.tmpfile()
t:write("tmp")
t:seek("set")
print(t:read("a"))
t:close()
-- CHECK: file	true
-- CHECK-NEXT: 46	0	46
-- CHECK-NEXT: true	closed file	file (closed)
-- CHECK-NEXT: false	attempt to use a closed file
-- CHECK-NEXT: first line
-- CHECK-NEXT: 42	3.5	1e+100
-- CHECK-NEXT: 31	-7	5.0
-- CHECK-NEXT: nil	nan
-- CHECK-NEXT: last	nil	nil		nil	nil
-- CHECK-NEXT: 6	line		6	line	35
-- CHECK-NEXT: false	bad argument #2 to '?' (invalid format)
-- CHECK-NEXT: true	true	false	bad argument #2 to '?' (invalid option 'bad')
-- CHECK-NEXT: true
-- CHECK-NEXT: [first line][42 3.5 1e+100][0x1F -7 .5e1 nan][last]
-- CHECK-NEXT: <first|nil>
-- CHECK-NEXT: 11 14 17 4 file	true
-- CHECK-NEXT: nil	/nonexistent/dir/file: No such file or directory	2
-- CHECK-NEXT: true	false	bad argument #2 to 'io.open' (invalid mode)
-- CHECK-NEXT: false	bad argument #2 to 'io.open' (invalid mode)
-- CHECK-NEXT: false	cannot open file '/nonexistent/file' (No such file or directory)
-- CHECK-NEXT: 55	appended
-- CHECK-NEXT: rewind
-- CHECK-NEXT: true
-- CHECK-NEXT: nil	file	true
-- CHECK-NEXT: nil	cannot close standard file
-- CHECK-NEXT: tmp
