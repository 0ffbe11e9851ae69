"""Compares what a dry run predicted (its --output json) with what the real run then did (its
--output json, and the snapshots of the files before and after it): the tasks that predicted a
change or a command are the tasks that changed something, and the files the dry run said would
change are the files that changed (when the workflow writes files through modules only)."""
import json
import sys

dry = json.load(open(sys.argv[1]))
real = json.load(open(sys.argv[2]))
before = {line.split(" ", 1)[0]: line for line in open(sys.argv[3])}
after = {line.split(" ", 1)[0]: line for line in open(sys.argv[4])}
root = sys.argv[5]
files_only_by_modules = len(sys.argv) > 6 and sys.argv[6] == "--files"

predicted_tasks = sorted(t["name"] for t in dry["tasks"] if t["would_change"] + t["would_run"] > 0)
changed_tasks = sorted(t["name"] for t in real["tasks"] if t["changed"])
print("predicted tasks:", " ".join(predicted_tasks))
print("changed tasks:", " ".join(changed_tasks))
ok = predicted_tasks == changed_tasks

if files_only_by_modules:
    predicted_files = sorted(p["target"][len(root) + 1:] for p in dry["predictions"]
                             if p["verdict"] == "would change")
    changed_files = sorted(path for path, line in after.items()
                           if before.get(path) != line and line.split()[1].startswith("0o100"))
    print("predicted files:", " ".join(predicted_files))
    print("changed files:", " ".join(changed_files))
    ok = ok and predicted_files == changed_files
print("MATCH" if ok else "MISMATCH")
sys.exit(0 if ok else 1)
