#!/usr/bin/env python3
"""Fails when a target's sources import a module its Package.swift entry does not declare, or
when a target declares a dependency none of its sources import: Package.swift must tell the
truth both ways. (`swift build --explicit-target-dependency-import-check error`, also in the
test command, catches the first case for targets of this package only; this covers products
of other packages and unused declarations.)

Usage: scripts/check-imports.py            (from anywhere; reads `swift package dump-package`)
"""
import json
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# Modules of the toolchain and the system, never declared in Package.swift.
TOOLCHAIN = {"Foundation", "FoundationEssentials", "FoundationXML", "FoundationNetworking", "Glibc", "Darwin",
             "Dispatch", "Synchronization", "Testing", "XCTest", "_Concurrency", "Observation"}
IMPORT = re.compile(r"^\s*(?:@[A-Za-z_]+(?:\([^)]*\))?\s+)*import\s+(?:(?:struct|class|enum|protocol|func|var|let|typealias)\s+)?([A-Za-z_][A-Za-z0-9_]*)", re.M)


def target_dir(target):
    if target.get("path"):
        return os.path.join(ROOT, target["path"])
    base = "Tests" if target["type"] == "test" else "Sources"
    return os.path.join(ROOT, base, target["name"])


def declared(target):
    names = set()
    for dep in target["dependencies"]:
        kind, value = next(iter(dep.items()))
        names.add(value[0])  # byName: target or product name; product: product name (= module name here)
    return names


def imported(directory):
    modules = {}
    for folder, _, files in os.walk(directory):
        for name in files:
            if not name.endswith(".swift"):
                continue
            path = os.path.join(folder, name)
            with open(path, encoding="utf-8") as f:
                for match in IMPORT.finditer(f.read()):
                    modules.setdefault(match.group(1), os.path.relpath(path, ROOT))
    return modules


def main():
    dump = subprocess.run(["swift", "package", "dump-package"], cwd=ROOT, check=True, capture_output=True, text=True)
    package = json.loads(dump.stdout)
    problems = []
    for target in package["targets"]:
        if target["type"] in ("system", "binary", "plugin"):
            continue
        uses = imported(target_dir(target))
        deps = declared(target)
        for module, where in sorted(uses.items()):
            if module not in deps and module not in TOOLCHAIN and module != target["name"]:
                problems.append(f"{where}: target {target['name']} imports {module}, which Package.swift does not declare for it")
        for dep in sorted(deps - set(uses)):
            problems.append(f"Package.swift: target {target['name']} declares {dep}, which none of its sources import")
    for line in problems:
        print(line, file=sys.stderr)
    if problems:
        return 1
    print(f"check-imports: the {sum(t['type'] not in ('system', 'binary', 'plugin') for t in package['targets'])} targets import exactly what Package.swift declares")
    return 0


if __name__ == "__main__":
    sys.exit(main())
