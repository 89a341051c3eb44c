#!/usr/bin/env python3
"""Replays the real service's recorded traffic (../shared/recordings, beside the project root) against cvmock and compares answers.

For every recording file: a fresh cvmock, the state the recording refers to built through the API (a trained,
published "SDK fixture" project like the .NET SDK tests' shared one), then each entry's request with recorded
ids swapped for live ones. Status and body SHAPE must match the recording: keys, JSON types and null-vs-absent,
recursively (values are not compared, so ids, dates and probabilities may differ).

  replay_recordings.py --cvmock BIN --fixtures-bin BIN [--recordings DIR] [--only NAME]
Exit status 1 when any replayed entry does not match; the summary lists entries replayed / matched / skipped.
"""
import argparse
import glob
import json
import os
import sys
import tempfile

from cvmock_session import CvmockProcess, ImageServer
from id_map import IdMap
from shape import shape_differences
from state import build_fixture_project, add_untagged_image

# Files not replayed, and why (tests/replay/README.md keeps the same table).
DETECTION_ONLY = "object detection: needs a trained object-detection project (regions), not built here"
V1_API = "v1.2 API (PascalCase schema): cvmock serves only v3.x"
SKIPPED_FILES = {
    "DetectImageUrl.json": DETECTION_ONLY,
    "DetectImageUrlNoStore.json": DETECTION_ONLY,
    "CreateProject.json": V1_API,
    "CreateProjectWithDomain.json": V1_API,
    "Export.json": V1_API,
    "ExportIteration.json": V1_API,
    "GetExports.json": V1_API,
    "QuickTestImageUrl.json": V1_API,
}

# The fixture project's domain, where a recording needs another one than General.
FIXTURE_DOMAINS = {
    "ExportTests.json": "0732100f-1a38-4e49-a514-c9b44c697ab5",  # General (compact): its iteration is exportable
}

# Differences cvmock keeps on purpose, from timing or from a one-off quirk of the recorded service:
# {file: {difference: why}}. They are listed, not failed.
KNOWN_DIFFERENCES = {
    "ExportTests.json": {
        "$[0].downloadUri: string, recorded null": "cvmock finishes an export by the first GetExports (Done, with "
        "its downloadUri); the service still said Exporting (downloadUri null) for two polls, ~2 s",
    },
    "ImportProject.json": {
        "$.settings.detectionParameters: null, recorded string": "the v3.2 service wrote \"\" for an imported "
        "classification project; at creation, and after the v3.4-preview import (ImportExportProject), it writes null",
    },
}

# State the recorded service gained between two recorded calls (the SDK test changed it by a call the
# recorder did not keep): {file: {entry index: function(session, state) run before that entry}}.
BETWEEN_ENTRIES = {
    "ImageTagManipulation.json": {1: add_untagged_image},  # entry 0 sees no untagged image, entry 1 sees one
}


def load_entries(path):
    with open(path, encoding="utf-8-sig") as file:
        return json.load(file).get("Entries", [])


class FileResult:
    def __init__(self, name):
        self.name = name
        self.replayed = 0
        self.matched = 0
        self.failures = []  # (entry index, request line, [differences])
        self.accepted = []  # (entry index, difference, why): KNOWN_DIFFERENCES met


def replay_file(path, args, image_server):
    name = os.path.basename(path)
    entries = load_entries(path)
    result = FileResult(os.path.relpath(path, args.recordings))
    with CvmockProcess(args.cvmock) as session:
        state = build_fixture_project(session, image_server, FIXTURE_DOMAINS.get(name))
        ids = IdMap(state, image_server)
        hooks = BETWEEN_ENTRIES.get(name, {})
        for index, entry in enumerate(entries):
            if index in hooks:
                hooks[index](session, state)
            method, uri, body = entry["RequestMethod"], entry["RequestUri"], entry.get("RequestBody")
            live_uri, live_body = ids.request(uri, body)
            reply = session.request(method, live_uri, live_body, entry.get("RequestHeaders", {}))
            result.replayed += 1
            recorded_status = int(entry["StatusCode"])
            recorded_body = ids.parse(entry.get("ResponseBody"))
            differences = []
            if reply.status != recorded_status:
                differences.append(f"status {reply.status}, recorded {recorded_status}: {reply.text[:200]}")
            else:
                differences = shape_differences(recorded_body, reply.json(), ids.known)
            ids.learn(recorded_body, reply.json())
            known = KNOWN_DIFFERENCES.get(name, {})
            result.accepted += [(index, d, known[d]) for d in differences if d in known]
            differences = [d for d in differences if d not in known]
            if differences:
                result.failures.append((index, f"{method} {uri.split('?')[0]}", differences))
            else:
                result.matched += 1
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cvmock", required=True, help="the cvmock executable")
    parser.add_argument("--fixtures-bin", required=True, help="the cvmock-fixtures executable (fixture images)")
    beside_project = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "shared")
    parser.add_argument("--recordings", default=os.path.join(beside_project, "recordings"))
    parser.add_argument("--only", help="replay only the files whose name contains this")
    args = parser.parse_args()

    files = sorted(glob.glob(os.path.join(args.recordings, "**", "*.json"), recursive=True))
    if args.only:
        files = [f for f in files if args.only in os.path.basename(f)]
    if not files:
        print(f"FAIL: no recordings under {args.recordings}")
        return 1
    results, skipped = [], []
    with tempfile.TemporaryDirectory() as scratch, ImageServer(args.fixtures_bin, scratch) as image_server:
        for path in files:
            name = os.path.basename(path)
            if name in SKIPPED_FILES:
                skipped.append((os.path.relpath(path, args.recordings), len(load_entries(path)), SKIPPED_FILES[name]))
                continue
            results.append(replay_file(path, args, image_server))

    for result in results:
        status = "ok" if not result.failures else "MISMATCH"
        print(f"{status:8} {result.name}: {result.matched}/{result.replayed} entries match")
        for index, request, differences in result.failures:
            print(f"         entry {index} {request}")
            for difference in differences[:8]:
                print(f"           {difference}")
            if len(differences) > 8:
                print(f"           ... and {len(differences) - 8} more")
        for index, difference, why in result.accepted:
            print(f"         entry {index}: accepted {difference} ({why})")
    for name, count, reason in skipped:
        print(f"skipped  {name} ({count} entries): {reason}")
    replayed = sum(r.replayed for r in results)
    matched = sum(r.matched for r in results)
    skipped_entries = sum(count for _, count, _ in skipped)
    print(f"\nSummary: {replayed} entries replayed, {matched} matched, {replayed - matched} mismatched, "
          f"{skipped_entries} skipped ({len(skipped)} files)")
    return 0 if replayed and matched == replayed else 1


if __name__ == "__main__":
    sys.exit(main())
