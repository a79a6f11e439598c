#!/usr/bin/env python3
"""
The layer rule of src/ (docs/architecture.md): every #include "folder/..."
goes down the layers, never up, so that no two folders depend on each other.

    scripts/check-layers.py [SRC]      SRC: the source tree, src/ by default

A layer is a top-level folder of src/ (src/main.c is the layer "main");
src/store/ and src/pages/ are one layer each, whatever their feature
subfolders include of each other. ALLOWED below is the whole matrix: a
layer may include itself and the layers it lists, nothing else. A new
top-level folder fails the check until it is given its place here.

FORBIDDEN_CALLS lists calls a layer may not make at all: pages/ runs no
SQL (no db_prepare, db_step, db_exec…; a store function does it).

Exit 0 with one summary line when every include keeps the rule; 1 with
one line per include or call that breaks it (file, line, what it includes
or calls, what that layer may include); 2 when this file's own matrix is
inconsistent.
"""
import os
import re
import sys

# Top to bottom. Each layer lists what it may include besides itself.
ALLOWED = {
    "main": {"cli", "util"},
    "cli": {"pages", "http", "store", "mail", "export", "import", "render",
            "db", "domain", "util"},
    "pages": {"http", "store", "mail", "export", "render", "db", "domain",
              "util"},
    "http": {"render", "db", "domain", "util"},
    "store": {"mail", "export", "import", "db", "domain", "util"},
    "mail": {"export", "render", "db", "domain", "util"},
    "export": {"render", "domain", "util"},
    "import": {"domain", "util"},
    "render": {"domain", "util"},
    "db": {"util"},
    "domain": {"util"},
    "util": set(),
}

# Upward includes still standing, each with its reason and what removes it.
# An exception that is no longer needed fails the check too: delete it.
# Empty since issue 16: the server is handed an authenticator, the e-mail
# rule is in domain/, the council's name comes from the council module.
EXCEPTIONS = {}

# Calls a layer may not make, whatever it includes: pages run no SQL (they
# call a store function; transactions that span stores are theirs).
FORBIDDEN_CALLS = {
    "pages": re.compile(
        r"\b(db_prepare|db_step|db_query\w*|db_exec\w*|db_int\w*|"
        r"db_text\w*|db_rows?|db_bind\w*|db_column\w*)\s*\("),
}

INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"')


def layer_of(rel):
    """The layer of a path relative to src/ (a file or an include)."""
    return rel.split("/", 1)[0] if "/" in rel else "main"


def matrix_problem():
    """None when ALLOWED is a strict order (no layer reaches itself)."""
    for name, below in ALLOWED.items():
        unknown = below - ALLOWED.keys()
        if unknown:
            return "%s/ nombra capas que no existen: %s" % (
                name, ", ".join(sorted(unknown)))
    seen, path = set(), []

    def visit(name):
        if name in path:
            return " -> ".join(path[path.index(name):] + [name])
        if name in seen:
            return None
        path.append(name)
        for lower in sorted(ALLOWED[name]):
            cycle = visit(lower)
            if cycle:
                return cycle
        path.pop()
        seen.add(name)
        return None

    for name in sorted(ALLOWED):
        cycle = visit(name)
        if cycle:
            return "la matriz tiene un círculo: " + cycle
    return None


def source_files(src):
    for root, dirs, files in os.walk(src):
        dirs.sort()
        for f in sorted(files):
            if f.endswith((".c", ".h")):
                yield os.path.relpath(os.path.join(root, f), src)


def check(src):
    """(number of includes read, problems as lines)."""
    problems, used, count = [], set(), 0
    for rel in source_files(src):
        rel = rel.replace(os.sep, "/")
        mine = layer_of(rel)
        if mine not in ALLOWED:
            problems.append(
                "src/%s: la carpeta src/%s/ no tiene lugar en las capas "
                "(agréguela a ALLOWED en %s)" % (rel, mine, SELF))
            continue
        with open(os.path.join(src, rel), encoding="utf-8",
                  errors="replace") as fh:
            for lineno, line in enumerate(fh, 1):
                bad = FORBIDDEN_CALLS.get(mine)
                call = bad.search(line) if bad else None
                if call:
                    problems.append(
                        "src/%s:%d: %s/ no puede llamar %s(): el SQL va en "
                        "store/ (docs/architecture.md)" % (
                            rel, lineno, mine, call.group(1)))
                m = INCLUDE.match(line)
                if not m or "/" not in m.group(1):
                    continue  # "x.h" beside the file: the same layer
                inc = m.group(1)
                count += 1
                theirs = layer_of(inc)
                where = "src/%s:%d" % (rel, lineno)
                if theirs == mine or theirs in ALLOWED[mine]:
                    continue
                if (rel, inc) in EXCEPTIONS:
                    used.add((rel, inc))
                    continue
                if theirs not in ALLOWED:
                    why = "src/%s/ no es una capa conocida" % theirs
                else:
                    may = ", ".join(sorted(x + "/" for x in ALLOWED[mine]))
                    why = "%s/ solo puede incluir %s" % (mine, may or "nada")
                problems.append("%s: %s/ no puede incluir %s: %s" % (
                    where, mine, inc, why))
    for rel, inc in sorted(EXCEPTIONS.keys() - used):
        problems.append(
            "%s: la excepción src/%s -> %s ya no se usa; bórrela" % (
                SELF, rel, inc))
    return count, problems


SELF = "scripts/check-layers.py"


def main(argv):
    src = argv[1] if len(argv) > 1 else os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..", "src")
    bad = matrix_problem()
    if bad:
        print("capas: %s: %s" % (SELF, bad))
        return 2
    count, problems = check(src)
    for p in problems:
        print(p)
    if problems:
        print("capas: %d inclusión(es) o llamada(s) rompen la regla (docs/architecture.md)"
              % len(problems))
        return 1
    print("capas: %d inclusiones revisadas, ninguna hacia arriba, ningún SQL "
          "en pages/ (%d excepciones con su razón en %s)" % (
              count, len(EXCEPTIONS), SELF))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
