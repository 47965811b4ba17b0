#!/usr/bin/env python3
"""Draws the line between jixiao's API and its internals, mechanically, in a git checkout.

The API is org.jixiao (the facade Jixiao, FileResult, Source, ReadLimits, RuleProfile, RecordWriter)
and org.jixiao.model. Every other package of the core moves under org.jixiao.internal:
read, normalize, extract, score, write, batch become org.jixiao.internal.read and so on.

Idempotent: run it on a branch that predates the move (before merging it, or after a merge that
brought new files into the old folders) and it moves what is still in an old place, rewrites
package names, imports and resource paths, and leaves what is already moved alone.

usage: python3 tools/internal-packages.py [CHECKOUT]    (default: the current folder)
"""
import re
import subprocess
import sys
from pathlib import Path

INTERNAL = ("read", "normalize", "extract", "score", "write", "batch")
# Types the facade's signatures use: they join it in org.jixiao. (old package, simple name)
TO_API = (("read", "Source"), ("read", "ReadLimits"), ("score", "RuleProfile"))

root = Path(sys.argv[1] if len(sys.argv) > 1 else ".").resolve()


def git(*args):
    subprocess.run(["git", "-C", str(root), *args], check=True)


def tracked():
    out = subprocess.run(["git", "-C", str(root), "ls-files", "-z"], check=True,
                         capture_output=True).stdout.decode("utf-8")
    return [root / p for p in out.split("\0") if p]


def source_roots():
    """Every <module>/src/<main|test>/<java|resources> folder."""
    return sorted(p for p in root.glob("*/src/*/*") if p.is_dir() and p.name in ("java", "resources"))


def move(src, dst):
    if src.exists() and not dst.exists():
        dst.parent.mkdir(parents=True, exist_ok=True)
        git("mv", str(src.relative_to(root)), str(dst.relative_to(root)))


# 0. No class lives directly in org.jixiao.internal: a file there is a top-level class (beside
# Jixiao) that git's directory-rename detection moved along with the packages while merging a
# branch that added it. Back to org.jixiao.
for base in source_roots():
    for f in sorted((base / "org/jixiao/internal").glob("*")):
        if f.is_file():
            move(f, base / "org/jixiao" / f.name)

# 1. The facade's types (and their tests) to org.jixiao.
for base in source_roots():
    if base.name != "java":
        continue
    for pkg, name in TO_API:
        for file in (name + ".java", name + "Test.java"):
            for old in (base / "org/jixiao" / pkg / file, base / "org/jixiao/internal" / pkg / file):
                move(old, base / "org/jixiao" / file)

# 2. Everything else of the non-API packages under internal/, file by file (the target may exist).
for base in source_roots():
    for pkg in INTERNAL:
        old_dir = base / "org/jixiao" / pkg
        if not old_dir.is_dir():
            continue
        for f in sorted(old_dir.rglob("*")):
            if f.is_file():
                move(f, base / "org/jixiao/internal" / pkg / f.relative_to(old_dir))

# Old folders left empty (git does not keep folders, a file system does).
for base in source_roots():
    for pkg in INTERNAL:
        old_dir = base / "org/jixiao" / pkg
        for d in sorted((p for p in old_dir.rglob("*") if p.is_dir()), reverse=True) if old_dir.is_dir() else []:
            if not any(d.iterdir()):
                d.rmdir()
        if old_dir.is_dir() and not any(old_dir.iterdir()):
            old_dir.rmdir()

# 3. Names in code and prose.
names = "|".join(INTERNAL)
to_api = [(re.compile(r"\borg\.jixiao\.%s\.%s\b" % (p, n)), "org.jixiao." + n) for p, n in TO_API]
dotted = re.compile(r"\borg\.jixiao\.(%s)\b" % names)
slashed = re.compile(r"\borg/jixiao/(%s)/" % names)


def is_text(path):
    if path.suffix in (".java", ".sh", ".py"):
        return True
    # Prose outside the test data (the corpus keeps its exact bytes).
    return path.suffix == ".md" and "/src/test/resources/" not in path.as_posix()


MOVED_IMPORT = re.compile(r"import org\.jixiao\.(internal\.|[A-Z])")


def sort_jixiao_imports(lines):
    """Sorts each run of consecutive 'import org.jixiao.' lines that holds a moved name, and only
    those: a run the move did not touch stays as it was, to keep merges small."""
    out, run = [], []
    for line in lines + [None]:
        if line is not None and line.startswith("import org.jixiao."):
            run.append(line)
            continue
        out.extend(sorted(set(run)) if any(MOVED_IMPORT.match(l) for l in run) else run)
        run = []
        if line is not None:
            out.append(line)
    return out


def fix_java(path, text):
    rel = None
    for base in source_roots():
        if base.name == "java" and base in path.parents:
            rel = path.relative_to(base)
    if rel is None:
        return "\n".join(sort_jixiao_imports(text.split("\n")))
    package = ".".join(rel.parent.parts)
    text = re.sub(r"^package [\w.]+;", "package %s;" % package, text, count=1, flags=re.M)
    lines = text.split("\n")
    if package == "org.jixiao":
        # Same-package imports of the moved types are redundant.
        lines = [l for l in lines if not re.fullmatch(r"import org\.jixiao\.[A-Z]\w*;", l)]
    else:
        # A class of read or score used Source, ReadLimits or RuleProfile without an import.
        body = "\n".join(l for l in lines if not l.startswith("import "))
        for old_pkg, name in TO_API:
            if package != "org.jixiao.internal." + old_pkg:
                continue
            imp = "import org.jixiao.%s;" % name
            if imp not in lines and re.search(r"(?<![\w.])%s\b" % name, body):
                at = next((i for i, l in enumerate(lines) if l.startswith("import ")), None)
                if at is None:
                    at = next(i for i, l in enumerate(lines) if l.startswith("package ")) + 1
                    lines[at:at] = ["", imp]
                else:
                    lines.insert(at, imp)
    return "\n".join(sort_jixiao_imports(lines))


for path in tracked():
    if not path.is_file() or not is_text(path) or path.name == "internal-packages.py":
        continue
    text = path.read_text(encoding="utf-8")
    new = text
    for pattern, replacement in to_api:
        new = pattern.sub(replacement, new)
    new = dotted.sub(r"org.jixiao.internal.\1", new)
    new = slashed.sub(r"org/jixiao/internal/\1/", new)
    if path.suffix == ".java":
        new = fix_java(path, new)
    if new != text:
        path.write_text(new, encoding="utf-8")
