# old-database.py DB: a state database as sloth wrote it before the history journal (no
# run_key column), holding one failed run with one task.
import sqlite3, sys

db = sqlite3.connect(sys.argv[1])
db.execute("PRAGMA journal_mode=WAL")
db.execute("CREATE TABLE runs (id INTEGER PRIMARY KEY AUTOINCREMENT, script TEXT NOT NULL, "
           "workflow TEXT NOT NULL, dry_run INTEGER NOT NULL, status TEXT NOT NULL, "
           "started_at REAL NOT NULL, ended_at REAL, message TEXT NOT NULL DEFAULT '')")
db.execute("CREATE TABLE run_tasks (run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE "
           "CASCADE, position INTEGER NOT NULL, name TEXT NOT NULL, status TEXT NOT NULL, "
           "changed INTEGER NOT NULL, message TEXT NOT NULL, started_at REAL, ended_at REAL NOT "
           "NULL, attempts INTEGER NOT NULL, would_change INTEGER NOT NULL, "
           "PRIMARY KEY (run_id, position))")
db.execute("INSERT INTO runs VALUES (1, 'old.sloth', 'release', 0, 'failed', 1795737600.0, "
           "1795737601.5, 'disk full')")
db.execute("INSERT INTO run_tasks VALUES (1, 0, 'deploy', 'failed', 0, 'disk full', "
           "1795737600.1, 1795737601.4, 1, 0)")
db.commit()
