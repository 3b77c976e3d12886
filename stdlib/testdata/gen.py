"""Fill in the expected side of testdata/*.txt with CPython's answers.

Usage: python3 gen.py FILE...   (rewrites each FILE in place)

A line `expr => anything` becomes `expr => repr(result)`, or `expr => !Type: message` when
evaluating expr raises; `name = expr` lines bind variables; other lines are kept as they are.
"""
import collections, functools, itertools, json, math, os, random, re, string, sys, time


def summary(e):
    cls = type(e)
    name = cls.__qualname__
    if cls.__module__ not in ("builtins", "__main__"):
        name = cls.__module__ + "." + name
    msg = str(e)
    return "!" + name + (": " + msg if msg else "")


def main():
    for path in sys.argv[1:]:
        env = {name: mod for name, mod in globals().items() if type(mod) is type(sys)}
        out = []
        for line in open(path, encoding="utf-8").read().splitlines():
            if " => " in line and not line.startswith("#"):
                src = line.split(" => ", 1)[0]
                try:
                    got = repr(eval(src, env))
                except Exception as e:
                    got = summary(e)
                line = src + " => " + got
            elif " = " in line and not line.startswith("#"):
                name, rhs = line.split(" = ", 1)
                env[name.strip()] = eval(rhs, env)
            out.append(line)
        open(path, "w", encoding="utf-8").write("\n".join(out) + "\n")


main()
