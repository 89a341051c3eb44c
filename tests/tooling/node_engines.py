"""Checks that the npm packages of the JS test suites accept a Node.js: the one that runs them, or Debian 12's.

usage: node_engines.py NODE FOLDER...           each package installed in FOLDER/node_modules, against NODE (the
                                                node executable, which reports its version)
       node_engines.py --lock VERSION FOLDER... each package FOLDER/package-lock.json pins, and the suite itself,
                                                against Node VERSION (whatever node this machine has)
Exits 1 and names each package whose `engines.node` range excludes that version (npm only warns about it, and
the package then fails at run time, as playwright-core >= 1.62 does on Debian 12's Node 18); exits 2 when a
FOLDER has no node_modules (scripts/setup-node.sh installs them) or no package-lock.json.
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


def installed(folder: Path):
    """(where, name, version, engines.node) of each package installed in the folder's node_modules."""
    modules = folder / "node_modules"
    if not modules.is_dir():
        raise FileNotFoundError(f"{modules} is missing: run scripts/setup-node.sh")
    for path in installed_manifests(modules):
        manifest = json.loads(path.read_text(encoding="utf-8"))
        yield path.parent, manifest.get("name"), manifest.get("version"), node_range(manifest)


def locked(folder: Path):
    """(where, name, version, engines.node) of the suite and each package its package-lock.json pins (npm's
    lockfile version 2 or 3, which copies every package's engines into `packages`)."""
    lock = folder / "package-lock.json"
    if not lock.is_file():
        raise FileNotFoundError(f"{lock} is missing")
    packages = json.loads(lock.read_text(encoding="utf-8")).get("packages", {})
    for key, entry in packages.items():
        name = entry.get("name") or key.rpartition("node_modules/")[2] or folder.name
        yield f"{lock}: {key or '(the suite)'}", name, entry.get("version"), node_range(entry)


def main(argv: list[str]) -> int:
    if len(argv) < 3 or (argv[1] == "--lock" and len(argv) < 4):
        print("\n".join(__doc__.strip().splitlines()[2:6]), file=sys.stderr)
        return 2
    if argv[1] == "--lock":
        version, packages, folders = Version(argv[2]), locked, argv[3:]
    else:
        version, packages, folders = node_version(argv[1]), installed, argv[2:]
    refused, checked = [], 0
    try:
        for folder in map(Path, folders):
            for where, name, package_version, wanted in packages(folder):
                checked += 1
                if not accepts(wanted, version):
                    refused.append(f"{where}: {name}@{package_version} wants node {wanted}")
    except FileNotFoundError as missing:
        print(missing, file=sys.stderr)
        return 2
    for line in refused:
        print(line)
    print(f"node {version}: {checked} packages checked, {len(refused)} refuse it")
    return 1 if refused else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
