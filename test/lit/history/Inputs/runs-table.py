# runs-table.py DB: prints the runs table of a sloth state database, one run per line
# ("ID STATUS WORKFLOW"), or "no database" (what a run itself writes is the journal).
import os, sqlite3, sys

if not os.path.exists(sys.argv[1]):
    print("no database")
    sys.exit(0)
db = sqlite3.connect(sys.argv[1])
for row in db.execute("SELECT id, status, workflow FROM runs ORDER BY id"):
    print(*row)
