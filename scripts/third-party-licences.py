#!/usr/bin/env python3
"""The licences of every library built into the program, for a package.

Reads `cargo metadata` for one target (no build), follows the program's normal and build
dependencies with the features the build uses, and writes each library's name, version, licence
expression and its LICENSE / COPYING / NOTICE files (each distinct text once). Fails if a library has neither
a licence expression nor a licence file, so nothing unknown is shipped.

    scripts/third-party-licences.py TARGET OUT_FILE
"""

import json
import pathlib
import subprocess
import sys


def main() -> int:
    target, out = sys.argv[1], pathlib.Path(sys.argv[2])
    meta = json.loads(
        subprocess.run(
            ["cargo", "metadata", "--format-version", "1", "--locked", "--filter-platform", target],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    )
    packages = {p["id"]: p for p in meta["packages"]}
    nodes = {n["id"]: n for n in meta["resolve"]["nodes"]}
    root = meta["resolve"]["root"]
    seen, todo = set(), [root]
    while todo:
        node = nodes[todo.pop()]
        for dep in node["deps"]:
            kinds = {k["kind"] for k in dep["dep_kinds"]}
            if kinds & {None, "build"} and dep["pkg"] not in seen:
                seen.add(dep["pkg"])
                todo.append(dep["pkg"])
    unknown = []
    texts = {}  # licence text -> its number; each text is written once
    lines = []
    for pid in sorted(seen, key=lambda i: (packages[i]["name"], packages[i]["version"])):
        p = packages[pid]
        folder = pathlib.Path(p["manifest_path"]).parent
        files = sorted(
            f
            for f in folder.iterdir()
            if f.is_file()
            and f.name.upper().startswith(("LICENSE", "LICENCE", "COPYING", "NOTICE", "COPYRIGHT"))
        )
        expression = p.get("license") or ""
        if not expression and not files:
            unknown.append(f'{p["name"]} {p["version"]}')
        numbers = []
        for f in files:
            text = f.read_text(errors="replace").strip()
            numbers.append(texts.setdefault(text, len(texts) + 1))
        refs = ", ".join(f"[{n}]" for n in numbers)
        lines.append(f'{p["name"]} {p["version"]}: {expression or "see"} {refs}'.rstrip() + "\n")
    parts = [
        "Libraries built into mpa-trainer, with their licences.\n"
        f"Target {target}; {len(seen)} libraries; [n] is the licence text numbered n below.\n\n",
        *lines,
    ]
    for text, number in texts.items():
        parts.append("\n" + "=" * 78 + f"\n[{number}]\n\n{text}\n")
    if unknown:
        print("no licence found for: " + ", ".join(unknown), file=sys.stderr)
        return 1
    out.write_text("".join(parts))
    print(f"{out}: {len(seen)} libraries")
    return 0


if __name__ == "__main__":
    sys.exit(main())
