# Reads a `sloth run --output json` report of two 1-second tasks and checks that they overlapped.
import json
import sys

report = json.load(open(sys.argv[1]))
durations = {t["name"]: t["duration"] for t in report["tasks"]}
total = report["duration"]
print(f"a={durations['a']:.3f}s b={durations['b']:.3f}s total={total:.3f}s")
if min(durations.values()) >= 1.0 and total < 1.5:
    print("overlap ok")
