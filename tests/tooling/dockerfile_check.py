"""Checks the Dockerfile's structure, and the compose example that runs its image, offline (no container engine
runs where cvmock is developed, and hadolint is not packaged in Debian 12).

usage: dockerfile_check.py SOURCE_DIR BINARY_DIR CVMOCK CVCTL FIXTURES
(the three binaries as built in BINARY_DIR). Exits 1 listing every finding: a build and a runtime stage on a
pinned Debian 12 image; the build stage runs scripts/setup.sh --server and the runtime stage copies the three
binaries from where that build puts them; the runtime stage installs no -dev package, names only packages Debian
has (apt-cache show), and installs, itself or as their dependencies, every Debian package whose shared libraries
the binaries load (ldd, dpkg-query); a non-root USER, EXPOSE 8808, a /data VOLUME,
CVMOCK_HOST=0.0.0.0, and a HEALTHCHECK that runs `cvmock healthcheck`. examples/compose.yaml must parse and run
the image as a service whose health check runs `cvmock healthcheck`, which another service waits for.
"""

import re
import shlex
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml


@dataclass
class Stage:
    image: str
    name: str
    instructions: list = field(default_factory=list)  # (KEYWORD, arguments) in order

    def all(self, keyword):
        return [args for kw, args in self.instructions if kw == keyword]


def instructions(text: str):
    """(KEYWORD, arguments) for each instruction: comments dropped, continuation lines joined."""
    joined, pending = [], ""
    for line in text.splitlines():
        if not pending and (not line.strip() or line.lstrip().startswith("#")):
            continue
        if line.rstrip().endswith("\\"):
            pending += line.rstrip()[:-1] + " "
            continue
        joined.append(pending + line)
        pending = ""
    for line in joined:
        keyword, _, arguments = line.strip().partition(" ")
        yield keyword.upper(), arguments.strip()


def stages(text: str):
    """The global ARG defaults and the stages, with ${ARG} in FROM lines resolved from those defaults."""
    args, found = {}, []
    for keyword, arguments in instructions(text):
        if keyword == "ARG" and not found:
            name, _, default = arguments.partition("=")
            args[name] = default
        elif keyword == "FROM":
            words = arguments.split()
            image = re.sub(r"\$\{(\w+)\}", lambda m: args.get(m.group(1), ""), words[0])
            name = words[2] if len(words) == 3 and words[1].upper() == "AS" else ""
            found.append(Stage(image, name))
        elif found:
            found[-1].instructions.append((keyword, arguments))
    return found


def apt_packages(stage: Stage):
    """The packages a stage's RUN lines pass to apt-get install."""
    packages = []
    for run in stage.all("RUN"):
        for command in re.split(r"&&|;", run):
            words = shlex.split(command)
            while words and "=" in words[0]:  # VAR=value prefixes
                words.pop(0)
            if words[:2] == ["apt-get", "install"]:
                packages += [word for word in words[2:] if not word.startswith("-")]
    return packages


def packages_loaded_by(binaries):
    """{Debian package: one of its shared libraries} for the libraries the binaries load."""
    libraries = set()
    for binary in binaries:
        out = subprocess.run(["ldd", binary], check=True, capture_output=True, text=True).stdout
        libraries.update(re.findall(r"=> (/\S+)", out))
    owners = {}
    for library in sorted(libraries):
        resolved = str(Path(library).resolve())
        # Merged /usr: dpkg may know the file under /lib.
        for candidate in (resolved, re.sub(r"^/usr", "", resolved)):
            found = subprocess.run(["dpkg-query", "--search", candidate], capture_output=True, text=True)
            if found.returncode == 0:
                owners[found.stdout.split(":")[0]] = library
                break
        else:
            owners[f"(no package owns {library})"] = library
    return owners


def installed_with(packages):
    """The packages apt-get install brings for these: them and everything they depend on, recursively."""
    out = subprocess.run(["apt-cache", "depends", "--recurse", "--no-recommends", "--no-suggests", "--no-conflicts",
                          "--no-breaks", "--no-replaces", "--no-enhances", *packages],
                         check=True, capture_output=True, text=True).stdout
    return {line.strip() for line in out.splitlines() if line and not line[0].isspace() and line[0] != "<"}


def check(source: Path, binary_dir: Path, binaries):
    problems = []
    text = (source / "Dockerfile").read_text(encoding="utf-8")
    found = stages(text)
    if len(found) < 2:
        return [f"{len(found)} stage(s): a build stage and a runtime stage are expected"]
    build, runtime = found[0], found[-1]
    for stage in found:
        if not re.fullmatch(r"debian:12(\.\d+)?(-slim)?(@sha256:[0-9a-f]{64})?", stage.image):
            problems.append(f"stage {stage.name or '?'} is based on {stage.image!r}, not a pinned Debian 12 image")
    if not build.name:
        problems.append("the build stage has no name (FROM ... AS build) for the runtime stage to copy from")
    if not any("scripts/setup.sh --server" in run for run in build.all("RUN")):
        problems.append("the build stage does not run scripts/setup.sh --server")

    copied = []
    for args in runtime.all("COPY"):
        words = args.split()
        if f"--from={build.name}" in words:
            copied += [w for w in words[:-1] if not w.startswith("--")]
    for binary in binaries:
        expected = "/src/build/" + str(Path(binary).relative_to(binary_dir))
        if expected not in copied:
            problems.append(f"the runtime stage does not copy {expected} from the build stage")

    installed = apt_packages(runtime)
    problems += [f"the runtime stage installs the build package {p}" for p in installed if p.endswith("-dev")]
    unknown = [p for p in installed
               if not subprocess.run(["apt-cache", "show", p], capture_output=True, text=True).stdout.strip()]
    problems += [f"Debian has no package {p} (apt-cache show)" for p in unknown]
    if installed and not unknown:
        brought = installed_with(installed)
        for package, library in packages_loaded_by(binaries).items():
            if package not in brought:
                problems.append(f"the binaries load {library} ({package}), which the runtime stage does not install")

    users = runtime.all("USER")
    if not users or users[-1].split(":")[0] in ("root", "0"):
        problems.append("the runtime stage does not switch to a non-root USER")
    if not any("8808" in args.split() for args in runtime.all("EXPOSE")):
        problems.append("the runtime stage does not EXPOSE 8808")
    if not any("/data" in args for args in runtime.all("VOLUME")):
        problems.append("the runtime stage declares no /data VOLUME for --data-dir")
    if not any(re.search(r"(^|\s)CVMOCK_HOST=0\.0\.0\.0(\s|$)", args) for args in runtime.all("ENV")):
        problems.append("the runtime stage does not set CVMOCK_HOST=0.0.0.0 (cvmock would answer only itself)")
    health = runtime.all("HEALTHCHECK")
    if not health or not re.search(r'CMD \["cvmock", "healthcheck"', health[-1]):
        problems.append('the runtime stage has no HEALTHCHECK running ["cvmock", "healthcheck"]')
    return problems


def check_compose(path: Path):
    services = (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("services", {})
    cvmock = [name for name, service in services.items() if service.get("image") == "cvmock"]
    if not cvmock:
        return [f"{path}: no service runs the cvmock image"]
    problems = []
    if services[cvmock[0]].get("healthcheck", {}).get("test") != ["CMD", "cvmock", "healthcheck"]:
        problems.append(f"{path}: service {cvmock[0]} has no health check running cvmock healthcheck")
    waiting = [name for name, service in services.items()
               if service.get("depends_on", {}).get(cvmock[0], {}).get("condition") == "service_healthy"]
    if not waiting:
        problems.append(f"{path}: no service waits for {cvmock[0]} to be healthy")
    return problems


def main(argv):
    if len(argv) != 6:
        print(__doc__.strip().splitlines()[3], file=sys.stderr)
        return 2
    problems = check(Path(argv[1]), Path(argv[2]), argv[3:])
    problems += check_compose(Path(argv[1]) / "examples" / "compose.yaml")
    for problem in problems:
        print(problem)
    print(f"Dockerfile and compose example: {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
