"""A test's results as TAP, for the checks written in Python.

  from tap import result, finish
  result(ok, "what was checked", "detail printed when it failed")
  finish()        # prints the plan, exits 1 if any check failed
"""
import sys

_count = 0
_failed = False


def result(ok, what, detail=""):
    global _count, _failed
    _count += 1
    print("%s %d - %s" % ("ok" if ok else "not ok", _count, what))
    if not ok:
        _failed = True
        for line in str(detail).splitlines():
            print("# " + line)


def finish():
    print("1..%d" % _count)
    sys.exit(1 if _failed else 0)
