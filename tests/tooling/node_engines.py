"""Checks that every npm package installed for the JS test suites accepts the Node.js that runs them.

usage: node_engines.py NODE FOLDER...   (NODE: the node executable; each FOLDER holds a node_modules)
Exits 1 and names each package whose package.json `engines.node` range excludes NODE's version (npm only warns
about it, and the package then fails at run time, as playwright-core >= 1.62 does on Debian 12's Node 18);
exits 2 when a FOLDER has no node_modules (scripts/setup-node.sh installs them).
Needs Debian's python3-semantic-version, whose NpmSpec reads npm's range syntax.
"""

import json
import re
import subprocess
import sys
from pathlib import Path

from semantic_version import NpmSpec, Version


def node_version(node: str) -> Version:
    text = subprocess.run([node, "--version"], check=True, capture_output=True, text=True).stdout.strip()
    return Version(text.lstrip("v"))


def node_range(manifest: dict) -> str:
    """The package's engines.node range, '' when it names none (any Node)."""
    engines = manifest.get("engines")
    return engines.get("node", "") if isinstance(engines, dict) else ""


def accepts(range_text: str, version: Version) -> bool:
    # npm's semver allows blanks between an operator and its version (">= 14"); NpmSpec does not.
    tidy = re.sub(r"(<=|>=|<|>|=|~|\^)\s+", r"\1", range_text.strip())
    return version in NpmSpec(tidy or "*")


def installed_manifests(modules: Path):
    """The package.json of every package installed in a node_modules folder: @scoped ones, and the nested
    node_modules copies npm makes when two packages need different versions of a third."""
    for entry in sorted(modules.iterdir()):
        if entry.name.startswith("."):  # .bin, .package-lock.json
            continue
        packages = sorted(entry.iterdir()) if entry.name.startswith("@") else [entry]
        for package in packages:
            if (package / "package.json").is_file():
                yield package / "package.json"
            if (package / "node_modules").is_dir():
                yield from installed_manifests(package / "node_modules")


def main(argv: list[str]) -> int:
    if len(argv) < 3:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    version = node_version(argv[1])
    refused, checked = [], 0
    for folder in map(Path, argv[2:]):
        modules = folder / "node_modules"
        if not modules.is_dir():
            print(f"{modules} is missing: run scripts/setup-node.sh", file=sys.stderr)
            return 2
        for path in installed_manifests(modules):
            manifest = json.loads(path.read_text(encoding="utf-8"))
            checked += 1
            wanted = node_range(manifest)
            if not accepts(wanted, version):
                refused.append(f"{path.parent}: {manifest.get('name')}@{manifest.get('version')} wants node {wanted}")
    for line in refused:
        print(line)
    print(f"node {version}: {checked} packages checked, {len(refused)} refuse it")
    return 1 if refused else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
