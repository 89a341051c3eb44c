"""Defects of today's cvmock that the reference model knows the correct behaviour for. A run relaxes the checks of
the defects it is told to (--relax, or CVMOCK_STATEFUL_RELAX="a,b" / "all"): the model then also accepts the
server's wrong answer and adopts it. Remove a name here when its fix lands (its regression test is in
tests/server/api_regressions_test.cc)."""

KNOWN = {
    "iteration-rename-lost": "a rename acknowledged while the iteration trains is undone when the training ends",
    "negative-tag-twice": "the same Negative tag given twice (NEG,NEG) is refused as Negative plus Regular",
    "jpeg-decoder-poisoned": "after a corrupt JPEG, valid JPEGs are refused as ErrorImageFormat/BadRequestImageFormat",
    "aspect-ratio": "an image beyond 25:1 is stored and predicted",
    "tag-name-bytes": "tag names are limited to 256 bytes of UTF-8 instead of 256 characters",
    "tag-name-case-folding": "tag names are unique only up to ASCII case ('Ü' and 'ü' coexist)",
    "publish-name-slash": "a publish name with '/' is accepted though no prediction URL can reach it",
    "train-not-atomic": "a TrainProject cut by SIGKILL can leave the iteration counter advanced with no iteration",
    "metadata-length-bytes": "metadata keys and values are limited in UTF-8 bytes instead of 256/512 characters",
}


def parse(text):
    """'all', '' or a comma-separated list of names from KNOWN; raises ValueError on an unknown name."""
    names = {name.strip() for name in (text or "").split(",") if name.strip()}
    if names == {"all"}:
        return frozenset(KNOWN)
    unknown = names - set(KNOWN)
    if unknown:
        raise ValueError(f"unknown defect name(s) {sorted(unknown)}; known: {sorted(KNOWN)}")
    return frozenset(names)
