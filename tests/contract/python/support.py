"""Helpers the scenario's steps share: polling with a deadline, error expectations, ranking and artifact paths."""

import time
import unittest
from typing import Callable, Optional, TypeVar
from urllib.parse import urlparse

from msrest.exceptions import HttpOperationError

T = TypeVar("T")


def poll(what: str, probe: Callable[[], Optional[T]], interval: float, timeout: float,
         retry_errors: bool = False) -> T:
    """Calls probe until it returns a truthy value (returned) or timeout passes (raises, naming what was awaited).
    Errors from probe end the wait unless retry_errors says to try again (the real service is eventually
    consistent)."""
    deadline = time.monotonic() + timeout
    last = None
    while True:
        try:
            value = probe()
            if value:
                return value
            last = value
        except (HttpOperationError, AssertionError) as error:
            if not retry_errors:
                raise
            last = error
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {what}: {last}")
        time.sleep(interval)


def error_of(call: Callable[[], object]) -> HttpOperationError:
    """The HttpOperationError (CustomVisionErrorException is one) a call raises; fails when it succeeds."""
    try:
        call()
    except HttpOperationError as error:
        return error
    raise AssertionError("expected the call to fail, it succeeded")


def assert_error(case: unittest.TestCase, call: Callable[[], object], status: int, code: Optional[str] = None):
    """The call fails with this HTTP status and, when given, this service error code."""
    error = error_of(call)
    case.assertEqual(error.response.status_code, status, error.response.text)
    if code:
        case.assertEqual(getattr(error.error, "code", None), code, error.response.text)
    return error


def assert_ranked(case: unittest.TestCase, predictions):
    """Probabilities come ranked, highest first."""
    case.assertTrue(predictions, "at least one prediction")
    probabilities = [p.probability for p in predictions]
    case.assertEqual(probabilities, sorted(probabilities, reverse=True), "predictions ranked by probability")


def is_image(data: bytes) -> bool:
    """JPEG starts FF D8 FF, PNG 89 'PNG'."""
    return data[:3] == b"\xff\xd8\xff" or data[:4] == b"\x89PNG"


def artifact_path(uri: str) -> str:
    """A blob URI's last two path segments are the artifact path GetArtifact takes ("i-<project>/i-<image>")."""
    return "/".join([part for part in urlparse(uri).path.split("/") if part][-2:])


def status_of(raw_response) -> int:
    """The HTTP status of a call made with raw=True."""
    return raw_response.response.status_code


def intersection_over_union(a, b) -> float:
    """IoU of two boxes given as (left, top, width, height) in the same units; 0 when they do not meet."""
    width = min(a[0] + a[2], b[0] + b[2]) - max(a[0], b[0])
    height = min(a[1] + a[3], b[1] + b[3]) - max(a[1], b[1])
    if width <= 0 or height <= 0:
        return 0.0
    overlap = width * height
    return overlap / (a[2] * a[3] + b[2] * b[3] - overlap)
