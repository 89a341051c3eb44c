"""Runs the README's marked code blocks against a cvmock of their own, so the README's commands cannot rot.

usage: run_readme.py README CVMOCK BINARY_DIR NODE NODE_PATH
A block runs when the line before its opening fence is `<!-- run by tests/readme -->`; the others (set-up, output,
container commands) are only shown. The marked blocks run in a scratch folder where `build` links to BINARY_DIR, so
the README's ./build/... paths name the binaries under test, against a cvmock started on a free port with its
default keys and resource id: "127.0.0.1:8808" in a block becomes that port, and CVMOCK_ENDPOINT names it (cvctl
reads it). First all ```sh blocks, in README order in one bash (set -euo pipefail), so a variable one sets serves
the next; then each ```python block in this interpreter and each ```js block in NODE with NODE_PATH (the JS SDK's
node_modules), in README order. A comment `# prints: TEXT` (or `// prints: TEXT`) in a block says what the last
line of its output must be.
Exits 1 on the first block that fails or prints something else.
"""

import os
import re
import subprocess
import sys
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

MARKER = "<!-- run by tests/readme -->"
README_ADDRESS = "127.0.0.1:8808"
SEPARATOR = "@@readme-block@@"


@dataclass
class Block:
    line: int  # where the fence opens, 1-based
    language: str
    code: str

    def expected(self):
        """The TEXT of the block's last `prints: TEXT` comment, or None."""
        found = re.findall(r"(?:#|//) prints: (.+)$", self.code, re.MULTILINE)
        return found[-1].strip() if found else None


def marked_blocks(readme: str):
    lines = readme.splitlines()
    blocks = []
    for number, line in enumerate(lines):
        if line.strip() != MARKER:
            continue
        fence = re.fullmatch(r"```(\w+)", lines[number + 1].strip()) if number + 1 < len(lines) else None
        if not fence:
            raise SystemExit(f"README line {number + 1}: {MARKER} must come right before a ```language fence")
        end = next(i for i in range(number + 2, len(lines)) if lines[i].strip() == "```")
        blocks.append(Block(number + 2, fence.group(1), "\n".join(lines[number + 2:end]) + "\n"))
    return blocks


def drain(stream):
    for _ in stream:
        pass


def start_cvmock(binary: str):
    """cvmock on a free port with its defaults; returns (process, endpoint) once it prints its address."""
    child = subprocess.Popen([binary, "--port", "0"], stdout=subprocess.PIPE, text=True)
    for line in child.stdout:
        found = re.search(r"listening on (http://\S+)", line)
        if found:
            # Keep reading what cvmock prints later (a request log), or a full pipe would stall it.
            threading.Thread(target=drain, args=(child.stdout,), daemon=True).start()
            return child, found.group(1)
    child.wait()
    raise SystemExit(f"cvmock exited ({child.returncode}) before it printed its address")


def check_output(block: Block, output: str):
    expected = block.expected()
    last = ([line for line in output.splitlines() if line.strip()] or [""])[-1].strip()
    if expected is not None and last != expected:
        raise SystemExit(f"README line {block.line}: the block printed {last!r}, the README says {expected!r}")


def run_shell(blocks, work: Path, env):
    """All sh blocks in one bash, each one's output after a separator line."""
    script = "set -euo pipefail\n" + "".join(f"printf '\\n{SEPARATOR}\\n'\n{b.code}" for b in blocks)
    done = subprocess.run(["bash", "-c", script], cwd=work, env=env, capture_output=True, text=True)
    outputs = done.stdout.split(f"\n{SEPARATOR}\n")[1:]
    for block, output in zip(blocks, outputs):
        print(f"--- sh block at README line {block.line}\n{output}")
    sys.stdout.flush()
    if done.returncode != 0:
        print(done.stderr)
        raise SystemExit(f"README line {blocks[len(outputs) - 1].line}: the block failed ({done.returncode})")
    for block, output in zip(blocks, outputs):
        check_output(block, output)


def run_program(block: Block, command, suffix: str, work: Path, env):
    source = work / f"readme-line-{block.line}{suffix}"
    source.write_text(block.code, encoding="utf-8")
    done = subprocess.run(command + [str(source)], cwd=work, env=env, capture_output=True, text=True)
    print(f"--- {block.language} block at README line {block.line}\n{done.stdout}{done.stderr}")
    sys.stdout.flush()
    if done.returncode != 0:
        raise SystemExit(f"README line {block.line}: the block failed ({done.returncode})")
    check_output(block, done.stdout)


def main(argv):
    if len(argv) != 6:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    readme, cvmock, binary_dir, node, node_path = argv[1:]
    blocks = marked_blocks(Path(readme).read_text(encoding="utf-8"))
    languages = sorted({block.language for block in blocks})
    if languages != ["js", "python", "sh"]:
        raise SystemExit(f"the README marks blocks in {languages}: sh, python and js blocks are expected")
    child, endpoint = start_cvmock(cvmock)
    try:
        address = endpoint.removeprefix("http://")
        for block in blocks:
            block.code = block.code.replace(README_ADDRESS, address)
        env = dict(os.environ, CVMOCK_ENDPOINT=endpoint, NODE_PATH=node_path, PYTHONDONTWRITEBYTECODE="1")
        with tempfile.TemporaryDirectory(prefix="cvmock-readme-") as scratch:
            work = Path(scratch)
            (work / "build").symlink_to(Path(binary_dir).resolve())
            run_shell([b for b in blocks if b.language == "sh"], work, env)
            for block in blocks:
                if block.language == "python":
                    run_program(block, [sys.executable], ".py", work, env)
                elif block.language == "js":
                    run_program(block, [node], ".js", work, env)
    finally:
        child.terminate()
        child.wait()
    print(f"{len(blocks)} README blocks ran against {endpoint}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
