#!/usr/bin/env python3
"""Fails when code that handles stored or received data can abort the process.

The server, the store and the sync must never die of data (contract v1.1 item 2): no `try!`,
`as!`, force unwrap, `fatalError`/`precondition`, or GRDB's non-optional row subscript (which
traps on NULL or a wrong type) in Sources/LaporCentral, Sources/LaporStore and Sources/LaporSync.
A proven invariant may stay when its line, or the line above it, says why: `// invariant: <reason>`.
Usage: scripts/check-no-crash.py [ROOT]; exit 1 with one line per finding.
"""
import pathlib
import re
import sys

ROOT = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else ".")
MODULES = ["Sources/LaporCentral", "Sources/LaporStore", "Sources/LaporSync"]
RULES = [
    (re.compile(r"\btry!"), "try!"),
    (re.compile(r"\bas!"), "as!"),
    (re.compile(r"\b(fatalError|preconditionFailure|precondition)\s*\("), "trap"),
    (re.compile(r"(?<=[\w\)\]\}])!(?!=)"), "force unwrap"),
    (re.compile(r"(\brow|\$0|\$1)\s*\["), "GRDB row subscript (traps on NULL; use try row.decode(forColumn:))"),
]
STRING = re.compile(r'#*"(?:\\.|[^"\\])*"#*')


def code_of(line: str) -> str:
    """The line without string literals and without a trailing comment."""
    line = STRING.sub('""', line)
    cut = line.find("//")
    return line if cut < 0 else line[:cut]


findings = []
for module in MODULES:
    for path in sorted((ROOT / module).rglob("*.swift")):
        in_block = False
        previous = ""
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            allowed = "// invariant:" in line or "// invariant:" in previous
            previous = line
            stripped = line.strip()
            if in_block or stripped.startswith('"""'):
                # Multi-line string literals (SQL) hold no code.
                if stripped.count('"""') == 1:
                    in_block = not in_block
                continue
            if allowed:
                continue
            code = code_of(line)
            if code.rstrip().endswith('"""'):
                in_block = True
            for pattern, name in RULES:
                probe = re.sub(r"\b(try|as)!", "", code) if name == "force unwrap" else code
                if pattern.search(probe):
                    findings.append(f"{path.relative_to(ROOT)}:{number}: {name}: {stripped}")
for finding in findings:
    print(finding)
if findings:
    print(f"{len(findings)} place(s) can abort on data; handle the error, or mark a proven invariant with '// invariant: why'.")
    sys.exit(1)
print("no aborts on data paths")
