"""Prints the state a dry run must not change: every path under ROOT (type, mode, owner, size,
content hash) and the rows of the state module's table in the database DB, when it exists."""
import hashlib
import os
import sqlite3
import sys

root = sys.argv[1]
for directory, dirs, files in sorted(os.walk(root)):
    dirs.sort()
    for name in [""] + sorted(files) + dirs:
        path = os.path.join(directory, name) if name else directory
        info = os.lstat(path)
        digest = ""
        if os.path.isfile(path) and not os.path.islink(path):
            with open(path, "rb") as f:
                digest = hashlib.sha256(f.read()).hexdigest()
        print(f"{os.path.relpath(path, root)} {oct(info.st_mode)} {info.st_uid}:{info.st_gid} "
              f"{info.st_size if digest else '-'} {digest}")
if len(sys.argv) > 2 and os.path.exists(sys.argv[2]):
    db = sqlite3.connect(sys.argv[2])
    if db.execute("SELECT 1 FROM sqlite_master WHERE name = 'state'").fetchone():
        for row in db.execute("SELECT key, hex(value), expires_at FROM state ORDER BY key"):
            print("state", *row)
