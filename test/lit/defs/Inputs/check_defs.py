#!/usr/bin/env python3
"""Checks the module signature files (stdlib/defs/*.lua) against the conventions of
stdlib/defs/README.md and prints one line per declared function: `NAME effect [plan]`.

Checked:
  - each file is valid Lua 5.4 (luac5.4 -p, when luac5.4 is on PATH);
  - the first line is `---@meta NAME` with NAME the file's stem;
  - only the LuaLS tags we use plus the sloth tags @effect, @plan, @secret appear;
  - every type expression parses (unions, T?, T[], table<K,V>, fun(...):..., literals, (T))
    and every type name is a builtin, a declared class or a declared alias;
  - classes are `(exact)` (builders excepted) and every field has a description;
  - every function has a description, one @param per parameter (by name), exactly one @effect,
    and a @plan iff its effect is write/exec/net, whose {placeholders} name parameters that are
    not secret;
  - `---@secret` sits directly above the `---@field` it marks, or directly after the `---@param`
    it marks, and the other reading is never possible (no field/param on its other side).

With --spec SPEC.md, also checks that every `module.function(` called in the module reference's
examples is declared, and that no module function is declared that the reference lacks (except
those in BEYOND_REFERENCE, which an issue asks for).

Usage: check_defs.py DIR [--spec SPEC.md]   (exit 1 and messages on stderr when anything is wrong)
"""
import os
import re
import shutil
import subprocess
import sys

BUILTINS = {"nil", "any", "boolean", "string", "number", "integer", "table", "function",
            "thread", "userdata", "unknown", "self"}
TAGS = {"meta", "class", "field", "param", "return", "alias", "overload", "effect", "plan", "secret",
        "type"}
EFFECTS = {"read", "write", "exec", "net", "none"}
NEEDS_PLAN = {"write", "exec", "net"}
NAME = r"[A-Za-z_][A-Za-z0-9_]*"
QNAME = NAME + r"(?:\." + NAME + r")*"

errors = []


def err(path, line, msg):
    errors.append(f"{os.path.basename(path)}:{line}: {msg}")


class TypeParser:
    """A recursive-descent parser for LuaLS type expressions. Records every type name used."""

    def __init__(self, text):
        self.s = text
        self.i = 0
        self.names = []

    def skip(self):
        """The position after the spaces at the current one."""
        j = self.i
        while j < len(self.s) and self.s[j] == " ":
            j += 1
        return j

    def ws(self):
        self.i = self.skip()

    def peek(self, tok):
        return self.s.startswith(tok, self.skip())

    def eat(self, tok):
        """Consumes tok (and the spaces before it) only when it is there."""
        j = self.skip()
        if self.s.startswith(tok, j):
            self.i = j + len(tok)
            return True
        return False

    def expect(self, tok):
        if not self.eat(tok):
            raise ValueError(f"expected '{tok}' at column {self.i + 1} of '{self.s}'")

    def union(self):
        self.postfix()
        while self.eat("|"):
            self.postfix()

    def postfix(self):
        self.primary()
        while True:
            # `T?` and `T[]` bind tight: no space before them.
            if self.s.startswith("[]", self.i):
                self.i += 2
            elif self.s.startswith("?", self.i):
                self.i += 1
            else:
                return

    def primary(self):
        self.ws()
        rest = self.s[self.i:]
        if rest.startswith("("):
            self.i += 1
            self.union()
            self.expect(")")
            return
        m = re.match(r'"[^"]*"|\'[^\']*\'|-?[0-9]+', rest)
        if m:
            self.i += m.end()
            return
        if re.match(r"fun\(", rest):
            self.i += 4
            if not self.peek(")"):
                while True:
                    self.ws()
                    m = re.match(r"(\.\.\.|" + NAME + r")\??", self.s[self.i:])
                    if not m:
                        raise ValueError(f"bad fun parameter at column {self.i + 1} of '{self.s}'")
                    self.i += m.end()
                    if self.eat(":"):
                        self.union()
                    if not self.eat(","):
                        break
            self.expect(")")
            if self.s.startswith(":", self.i):
                self.i += 1
                self.union()
                while self.s.startswith(",", self.i):
                    self.i += 1
                    self.union()
            return
        m = re.match(QNAME, rest)
        if not m:
            raise ValueError(f"expected a type at column {self.i + 1} of '{self.s}'")
        self.i += m.end()
        self.names.append(m.group(0))
        if self.s.startswith("<", self.i):
            self.i += 1
            self.union()
            while self.eat(","):
                self.union()
            self.expect(">")


def parse_type_prefix(text):
    """Parses a type at the start of text; returns (names used, rest of the text)."""
    p = TypeParser(text)
    p.union()
    rest = text[p.i:]
    if rest and not rest.startswith(" "):
        raise ValueError(f"unexpected '{rest[0]}' after the type in '{text}'")
    return p.names, rest.strip()


def check_files(directory):
    # lua_*.lua declare the Lua standard library in lua-language-server's own style (@type
    # globals, `...` parameters, @deprecated 5.1 names); the analyzer's unit tests check them.
    files = sorted(f for f in os.listdir(directory)
                   if f.endswith(".lua") and not f.startswith("lua_"))
    luac = shutil.which("luac5.4")
    declared = set()      # class and alias names across all files
    used = []             # (path, line, name)
    functions = []        # (qualified name, effect, plan)
    for f in files:
        path = os.path.join(directory, f)
        if luac:
            r = subprocess.run([luac, "-p", path], capture_output=True, text=True)
            if r.returncode != 0:
                err(path, 0, "not valid Lua 5.4: " + r.stderr.strip())
        with open(path, encoding="utf-8") as fh:
            lines = fh.read().split("\n")
        stem = f[:-4]
        if lines[0] != f"---@meta {stem}":
            err(path, 1, f"first line must be '---@meta {stem}'")
        tables = set()        # module tables declared in this file: `name = {}`
        locals_ = {}          # local builder tables: `local X = {}` -> class
        block = []            # (line number, text) of the current `---` block
        last_class = None
        for n, line in enumerate(lines, 1):
            if line.startswith("---"):
                block.append((n, line))
                check_doc_line(path, n, line, declared, used)
                m = re.match(r"---@class (\(exact\) )?(" + QNAME + r")$", line)
                if m:
                    last_class = m.group(2)
                    if not m.group(1) and not last_class.endswith("Builder"):
                        err(path, n, f"class {last_class} must be (exact)")
                    if "." in last_class and last_class.split(".")[0] != stem \
                            and last_class.split(".")[0] not in tables | {"group"}:
                        err(path, n, f"class {last_class} is not in this module's namespace")
                continue
            if line.strip() == "":
                check_secret_placement(path, block)
                block = []
                continue
            if line.startswith("--"):
                continue
            m = re.match(r"(" + NAME + r") = \{\}$", line)
            if m:
                tables.add(m.group(1))
                block = []
                continue
            # A module constant (`data.null`): `---@type T` above `module.name = nil`.
            m = re.match(r"(" + NAME + r")\.(" + NAME + r") = nil$", line)
            if m:
                if m.group(1) not in tables:
                    err(path, n, f"{m.group(1)} is not a module table declared in this file")
                if sum(t.startswith("---@type ") for _, t in block) != 1:
                    err(path, n, f"{m.group(1)}.{m.group(2)} needs exactly one ---@type")
                block = []
                continue
            m = re.match(r"local (" + NAME + r") = \{\}$", line)
            if m:
                locals_[m.group(1)] = last_class
                block = []
                continue
            m = re.match(r"function (" + NAME + r")([.:])(" + NAME + r")\(([^)]*)\) end$", line)
            g = re.match(r"function (" + NAME + r")\(([^)]*)\) end$", line)
            if m:
                owner, sep, fname, params = m.groups()
                if sep == "." and owner not in tables:
                    err(path, n, f"{owner} is not a module table declared in this file")
                if sep == ":" and owner not in locals_:
                    err(path, n, f"{owner} is not a builder declared in this file")
                qual = f"{locals_.get(owner) or owner}{sep}{fname}"
            elif g:
                fname, params = g.groups()
                qual = fname
            else:
                err(path, n, f"unexpected line: {line}")
                block = []
                continue
            params = [p.strip() for p in params.split(",") if p.strip()]
            effect, plan = check_function(path, n, qual, params, block)
            functions.append((qual, effect, plan))
            check_secret_placement(path, block)
            block = []
        check_secret_placement(path, block)
    for path, n, name in used:
        if name not in BUILTINS and name not in declared:
            err(path, n, f"unknown type '{name}'")
    return files, functions


def check_doc_line(path, n, line, declared, used):
    body = line[3:]
    if not body.startswith("@"):
        return
    m = re.match(r"@(" + NAME + r")\s?(.*)$", body)
    tag, rest = m.group(1), m.group(2)
    if tag not in TAGS:
        err(path, n, f"unknown tag @{tag}")
        return
    try:
        if tag == "class":
            mm = re.match(r"(\(exact\) )?(" + QNAME + r")(\s*:\s*(" + QNAME + r"))?$", rest)
            if not mm:
                raise ValueError(f"bad @class '{rest}'")
            declared.add(mm.group(2))
            if mm.group(4):
                used.append((path, n, mm.group(4)))
        elif tag == "alias":
            mm = re.match(r"(" + QNAME + r") (.+)$", rest)
            if not mm:
                raise ValueError(f"bad @alias '{rest}'")
            declared.add(mm.group(1))
            names, _ = parse_type_prefix(mm.group(2))
            used += [(path, n, x) for x in names]
        elif tag in ("field", "param"):
            mm = re.match(r"(" + NAME + r"|\[[^\]]+\])(\??) (.+)$", rest)
            if not mm:
                raise ValueError(f"bad @{tag} '{rest}'")
            names, desc = parse_type_prefix(mm.group(3))
            used += [(path, n, x) for x in names]
            if tag == "field" and not desc:
                err(path, n, f"field {mm.group(1)} has no description")
        elif tag in ("return", "type"):
            names, _ = parse_type_prefix(rest)
            used += [(path, n, x) for x in names]
        elif tag == "overload":
            if not rest.startswith("fun("):
                raise ValueError("@overload must be a fun(...) type")
            names, desc = parse_type_prefix(rest)
            if desc:
                raise ValueError("@overload takes no description")
            used += [(path, n, x) for x in names]
        elif tag == "effect":
            if rest not in EFFECTS:
                raise ValueError(f"@effect must be one of {'|'.join(sorted(EFFECTS))}, got '{rest}'")
        elif tag == "plan":
            if not re.match(r'"[^"]+"$', rest):
                raise ValueError('@plan must be one double-quoted template')
        elif tag in ("secret", "meta"):
            if tag == "secret" and rest:
                raise ValueError("@secret takes no argument")
    except ValueError as e:
        err(path, n, str(e))


def check_function(path, n, qual, params, block):
    tags = [(ln, t[3:]) for ln, t in block if t.startswith("---@")]
    if not any(not t.startswith("---@") and t.strip("-").strip() for _, t in block):
        err(path, n, f"{qual} has no description")
    effects = [t.split(" ", 1)[1] for _, t in tags if t.startswith("@effect ")]
    plans = [t.split(" ", 1)[1].strip('"') for _, t in tags if t.startswith("@plan ")]
    documented = []
    secret_params = set()
    for i, (ln, t) in enumerate(block):
        mm = re.match(r"---@param (" + NAME + r")\??", t)
        if mm:
            documented.append(mm.group(1))
            if i + 1 < len(block) and block[i + 1][1] == "---@secret":
                secret_params.add(mm.group(1))
    if sorted(documented) != sorted(params) or len(set(documented)) != len(documented):
        err(path, n, f"{qual}: @param names {documented} do not match the parameters {params}")
    if len(effects) != 1:
        err(path, n, f"{qual} needs exactly one @effect")
        return "?", None
    effect = effects[0]
    if effect in NEEDS_PLAN and len(plans) != 1:
        err(path, n, f"{qual} has @effect {effect} and needs exactly one @plan")
    if effect not in NEEDS_PLAN and plans:
        err(path, n, f"{qual} has @effect {effect}: a @plan is only for write/exec/net")
    plan = plans[0] if plans else None
    for ph in re.findall(r"\{([^}]*)\}", plan or ""):
        if ph not in params:
            err(path, n, f"{qual}: @plan placeholder {{{ph}}} is not a parameter")
        elif ph in secret_params:
            err(path, n, f"{qual}: @plan shows the secret parameter {{{ph}}}")
    return effect, plan


def check_secret_placement(path, block):
    for i, (ln, t) in enumerate(block):
        if t != "---@secret":
            continue
        before = block[i - 1][1] if i > 0 else ""
        after = block[i + 1][1] if i + 1 < len(block) else ""
        if after.startswith("---@field "):
            if before.startswith(("---@field ", "---@param ")):
                err(path, ln, "@secret above a field must not follow a field or param "
                              "(put the secret field first in its class)")
        elif before.startswith("---@param "):
            if after.startswith(("---@field ", "---@param ")):
                err(path, ln, "@secret after a param must not precede another param "
                              "(put the secret param last)")
        else:
            err(path, ln, "@secret must sit directly above a @field or directly after a @param")


# Functions an issue asks for beyond the module reference's examples (the reference shows usage, not
# the whole API); anything else declared beyond it is an error. Each entry names the issue.
BEYOND_REFERENCE = {
    "state.delete": "issue 9",
    "state.exists": "issue 9",
    "state.keys": "issue 9",
    "state.increment": "issue 9",
    "state.lock": "issue 9",
    "state.unlock": "issue 9",
    "state.with_lock": "issue 9",
    "data.yaml_encode": "issue 9",
    "data.toml_encode": "issue 9",
    "facts.os": "issue 9",
    "facts.kernel": "issue 9",
    "facts.hostname": "issue 9",
}


def check_spec_coverage(spec_path, functions):
    """Compares the module functions declared with those the module reference calls."""
    spec = open(spec_path, encoding="utf-8").read()
    # Modules are the `### Module `NAME`` headings; `group` is documented under `user`.
    modules = set(re.findall(r"### Module `(\w+)`", spec)) | {"group"}
    called = {f"{m}.{f}" for m, f in re.findall(r"\b([a-z_]+)\.([a-z_0-9]+)\s*\(", spec)
              if m in modules}
    declared = {q for q, _, _ in functions if "." in q and ":" not in q}
    for q in sorted(called - declared):
        err(spec_path, 0, f"{q} is in the module reference but not declared")
    for q in sorted(q for q in declared - called - set(BEYOND_REFERENCE)
                    if q.split(".")[0] in modules):
        err(spec_path, 0, f"{q} is declared but not in the module reference")
    print(f"{len(modules)} module tables and {len(called)} functions in the module reference")


def main():
    args = sys.argv[1:]
    spec = None
    if len(args) == 3 and args[1] == "--spec":
        spec = args[2]
        args = args[:1]
    if len(args) != 1:
        print("usage: check_defs.py DIR [--spec SPEC.md]", file=sys.stderr)
        return 2
    files, functions = check_files(args[0])
    for qual, effect, plan in sorted(functions):
        print(f"{qual} {effect}" + (f' "{plan}"' if plan else ""))
    print(f"{len(files)} files, {len(functions)} functions")
    if spec:
        check_spec_coverage(spec, functions)
    for e in errors:
        print(e, file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
