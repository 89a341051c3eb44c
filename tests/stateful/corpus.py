"""The images the test uploads and predicts: valid ones of many formats and sizes, and bad bodies, each with the
per-image statuses and prediction errors the service may answer for it."""
import os
import random
import subprocess
import tempfile
from dataclasses import dataclass, field

import encoders

# Fixture sides rendered by cvmock-fixtures (JPEG and PNG, alternating).
FIXTURE_SIDES = (32, 64, 100)
FIXTURE_CLASSES = ("circle", "square", "triangle")
FIXTURE_PER_CLASS = 12
MAX_SIDE = 10240
MAX_ASPECT = 25  # CONTRACT.md: "aspect ratio up to 25:1"


@dataclass(frozen=True)
class Sample:
    """One body to send. `batch` is the set of per-image statuses an upload batch may report for it (before the
    model's own rules: tags, duplicates); `predict` the set of outcomes of a prediction with it: "ok", or the error
    code, with the Training API's code for dimensions (the Prediction API v3.0 says BadRequestImageFormat)."""
    data: bytes
    kind: str
    batch: frozenset
    predict: frozenset
    width: int = 0
    height: int = 0
    tags: tuple = field(default=())


VALID = (frozenset({"OK"}), frozenset({"ok"}))
UNDECIDED = (frozenset({"OK", "ErrorImageFormat"}), frozenset({"ok", "BadRequestImageFormat"}))
REFUSED_FORMAT = (frozenset({"ErrorImageFormat"}), frozenset({"BadRequestImageFormat"}))
REFUSED_SIZE = (frozenset({"ErrorImageSize"}), frozenset({"BadRequestImageDimensions"}))
# Damage that reaches a JPEG's frame header may also declare sides out of the limits.
UNDECIDED_DIMENSIONS = (UNDECIDED[0] | REFUSED_SIZE[0], UNDECIDED[1] | REFUSED_SIZE[1])


def jpeg_frame_header_end(data):
    """The offset just past a JPEG's first frame header's height and width (SOF0-SOF2); 0 when it has none."""
    found = [i for i in (data.find(b"\xff\xc0"), data.find(b"\xff\xc1"), data.find(b"\xff\xc2")) if i >= 0]
    return min(found) + 9 if found else 0


class Corpus:
    """Deterministic for a seed: every draw comes from the caller's random.Random."""

    def __init__(self, fixtures_bin):
        self._fixtures = []
        with tempfile.TemporaryDirectory(prefix="cvmock-stateful-") as folder:
            for side in FIXTURE_SIDES:
                out = os.path.join(folder, str(side))
                subprocess.run([fixtures_bin, "--out", out, "--classes", ",".join(FIXTURE_CLASSES),
                                "--per-class", str(FIXTURE_PER_CLASS), "--size", str(side), "--seed", str(side)],
                               check=True, stdout=subprocess.DEVNULL)
                for name in FIXTURE_CLASSES:
                    for file in sorted(os.listdir(os.path.join(out, name))):
                        with open(os.path.join(out, name, file), "rb") as f:
                            self._fixtures.append((f.read(), "jpeg" if file.endswith(".jpg") else "png", side))

    def valid(self, rng):
        """A decodable image within the limits; generated ones are new bytes every time."""
        if rng.random() < 0.35:
            data, fmt, side = rng.choice(self._fixtures)
            return Sample(data, fmt, *VALID, width=side, height=side)
        width, height = rng.choice([(1, 1), (2, 3), (16, 16), (31, 17), (64, 48), (25, 1), (250, 10), (10, 240),
                                    (120, 90), (300, 200), (1024, 64)])
        fmt = rng.choice(["png", "bmp", "gif"])
        return Sample(self._picture(fmt, width, height, rng), fmt, *VALID, width=width, height=height)

    def probe(self, rng):
        """One of three fixed fixture images, predicted again and again: a model must answer each the same way
        every time (across restarts too)."""
        data, fmt, side = self._fixtures[rng.randrange(3) * 13]
        return Sample(data, fmt, *VALID, width=side, height=side)

    def known(self, data, width=0, height=0):
        """Bytes the service already decoded once (a stored image, a prediction's image)."""
        kind = "jpeg" if data.startswith(b"\xff\xd8") else "known"
        return Sample(data, kind, *VALID, width=width, height=height)

    def bad(self, rng):
        """A body the service must not store as given (or, for some JPEG/BMP/GIF damage, may decode anyway)."""
        choice = rng.randrange(9)
        if choice == 0:
            return Sample(b"", "empty", frozenset({"ErrorImageFormat"}), frozenset({"BadRequestImageStream"}))
        if choice == 1:
            return Sample(rng.choice([b"hello, not an image", b'{"images": []}', b"%PDF-1.4\n%\xe2\xe3\n"]),
                          "text", *REFUSED_FORMAT)
        if choice == 2:
            whole = self._picture("png", 40, 30, rng)
            return Sample(whole[:rng.randrange(8, len(whole) - 13)], "truncated-png", *REFUSED_FORMAT)
        if choice == 3:
            whole = self._picture("png", 40, 30, rng)
            return Sample(whole[:12] + bytes(rng.randrange(256) for _ in range(len(whole) - 12)), "corrupt-png",
                          *REFUSED_FORMAT)
        if choice == 4:
            return Sample(b"GIF89a\x10\x00\x10\x00 and then nothing", "header-only-gif", *REFUSED_FORMAT)
        if choice == 5:
            data, fmt, _ = rng.choice([f for f in self._fixtures if f[1] == "jpeg"])
            cut = rng.randrange(4, len(data) - 2)
            return Sample(data[:cut], "truncated-jpeg", *UNDECIDED)
        if choice == 6:
            data, fmt, _ = rng.choice([f for f in self._fixtures if f[1] == "jpeg"])
            start = rng.randrange(2, len(data) - 2)
            garbage = bytes(rng.randrange(256) for _ in range(min(64, len(data) - start)))
            outcomes = UNDECIDED_DIMENSIONS if start < jpeg_frame_header_end(data) else UNDECIDED
            return Sample(data[:start] + garbage + data[start + len(garbage):], "corrupt-jpeg", *outcomes)
        if choice == 7:
            width = rng.choice([MAX_SIDE + 1, 12000])
            return Sample(self._picture("png", width, 1, rng), "too-wide", *REFUSED_SIZE, width=width, height=1)
        width, height = rng.choice([(26, 1), (1, 30), (520, 20), (MAX_SIDE, 1), (20, 600)])
        return Sample(self._picture("png", width, height, rng), "aspect-ratio", *REFUSED_SIZE, width=width, height=height)

    def stamped(self, rng, stamp):
        """A valid picture whose first row spells `stamp` (24 bits): distinct stamps give distinct images."""
        width, height = rng.choice([(24, 24), (32, 20), (48, 48), (64, 30)])
        return self._picture(rng.choice(["png", "bmp", "gif"]), width, height, rng, stamp)

    def _picture(self, fmt, width, height, rng, stamp=None):
        if stamp is None:
            stamp = rng.getrandbits(24)  # so that two generated pictures of one size and format hardly ever match
        base = [rng.randrange(256) for _ in range(3)]

        def pixel(x, y):  # the first row spells the stamp in black and white, which even a GIF palette keeps
            if y == 0 and x < 24:
                return (255, 255, 255) if (stamp >> x) & 1 else (0, 0, 0)
            return ((base[0] + x * 7) & 0xFF, (base[1] + y * 5) & 0xFF, (base[2] + (x ^ y)) & 0xFF)

        return {"png": encoders.png, "bmp": encoders.bmp, "gif": encoders.gif}[fmt](width, height, pixel)


def random_for(seed, *salt):
    """A generator seeded from the run's seed and a salt, so each part of the run has its own stream."""
    return random.Random(f"{seed}:{':'.join(map(str, salt))}")
