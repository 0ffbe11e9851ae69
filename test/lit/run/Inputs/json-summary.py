# Reads stdin as exactly one JSON document (json.load fails on none or two) and prints the fields
# a --output json run without a workflow has, one per line.
import json
import sys

doc = json.load(sys.stdin)
for key in ("workflow", "success", "interrupted", "dry_run", "error", "tasks"):
    print(f"{key}: {json.dumps(doc[key])}")
print("duration is a number:", isinstance(doc["duration"], (int, float)))
