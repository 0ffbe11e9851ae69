# replicate-journal.py JOURNAL N: the journal's events repeated N times, each copy with keys of
# its own, as if N more runs had recorded themselves.
import sys

path, copies = sys.argv[1], int(sys.argv[2])
events = open(path).read()
with open(path, "w") as journal:
    for i in range(copies):
        journal.write(events.replace('"key":"', f'"key":"copy{i}-'))
