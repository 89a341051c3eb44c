#!/usr/bin/env python3
"""Validates every line of a cvmock response log ($CVMOCK_RESPONSE_LOG) against the spec's response schemas.

  validate_responses.py --spec-dir ../shared/spec LOG      checks every line; exit 1 on any violation
  validate_responses.py --reset LOG                            empties the log (the CTest fixture's setup)
  validate_responses.py --recordings DIR                       checks the recorded v3 responses instead: the
                                                               conversion rules must accept the real service

A violation is (operationId, version, status, JSON path, what is wrong); identical ones are counted once.
An empty log is a failure too: then the suites did not log, and nothing was proved.
"""
import argparse
import collections
import os
import json
import sys

from recordings_as_log import log_lines, spec_routes
from spec_schema import SpecSchemas

# The versions cvmock serves (server.cc); any other answers a gateway 404 before an operation is chosen.
SERVED_VERSIONS = {
    "training": {"v3.0", "v3.1", "v3.2", "v3.3", "v3.4-preview"},
    "prediction": {"v3.0", "v3.1"},
}
JSON_CONTENT_TYPE = "application/json; charset=utf-8"
MAX_MESSAGE = 160


def json_path(path):
    """$.images[*].image.created: array indices are folded, so one fault in every element is one violation."""
    text = "$"
    for part in path:
        text += "[*]" if isinstance(part, int) else f".{part}"
    return text


def leaf_errors(error):
    """The errors under a nullable wrapper (anyOf [schema, null]) are those of its first branch."""
    if error.validator == "anyOf" and error.context:
        branch = [child for child in error.context if child.schema_path and child.schema_path[0] == 0]
        if branch:
            for child in branch:
                yield from leaf_errors(child)
            return
    yield error


def short(message):
    return message if len(message) <= MAX_MESSAGE else message[: MAX_MESSAGE - 3] + "..."


class Report:
    def __init__(self):
        self.validated = collections.Counter()  # (api, operationId) -> lines
        self.violations = collections.Counter()  # (operationId, version, status, path, message) -> times
        self.skipped = collections.Counter()  # reason -> lines

    def violation(self, entry, path, message):
        self.violations[(entry["operationId"], entry["version"], entry["status"], path, short(message))] += 1


def check_entry(entry, schemas, validators, report):
    api, operation_id, status = entry["api"], entry["operationId"], entry["status"]
    version = entry["version"].lower()  # the service reads versions case-insensitively
    if version not in SERVED_VERSIONS.get(api, ()):
        report.skipped[f"version {version} is not served (gateway 404)"] += 1
        return
    report.validated[(api, operation_id)] += 1
    if not schemas.knows(api, operation_id):
        report.violation(entry, "-", f"operation {operation_id} is not in the {api} spec")
        return
    key = (api, version, operation_id, status)
    if key not in validators:
        validators[key] = schemas.response(api, version, operation_id, status)
    kind, validator = validators[key]
    body, content_type = entry["body"], entry.get("contentType", "")
    if kind == "undeclared":
        report.violation(entry, "-", f"status {status} is not declared for {operation_id}")
    elif kind == "empty":
        if body is not None or content_type:
            report.violation(entry, "-", f"declared without a body, got Content-Type '{content_type}' and a body")
    elif kind == "json":
        if content_type != JSON_CONTENT_TYPE:
            report.violation(entry, "(Content-Type)", f"'{content_type}', expected '{JSON_CONTENT_TYPE}'")
        for error in validator.iter_errors(body):
            for leaf in leaf_errors(error):
                message = f"{leaf.instance!r} is not in the spec's enum" if leaf.validator == "enum" else leaf.message
                report.violation(entry, json_path(leaf.absolute_path), message)


def print_report(report, log_path):
    print(f"Lines validated per operation ({log_path}):")
    for (api, operation_id), count in sorted(report.validated.items()):
        print(f"  {api:10} {operation_id:32} {count}")
    for reason, count in sorted(report.skipped.items()):
        print(f"  not validated: {count} lines, {reason}")
    if report.violations:
        print(f"\n{sum(report.violations.values())} violations ({len(report.violations)} distinct):")
        print("  operationId | version | status | JSON path | violation | times")
        for (operation_id, version, status, path, message), count in sorted(report.violations.items(), key=str):
            print(f"  {operation_id} | {version} | {status} | {path} | {message} | x{count}")


def read_log(log_path, report):
    with open(log_path, encoding="utf-8") as log:
        for number, line in enumerate(log, 1):
            if not line.strip():
                continue
            try:
                yield json.loads(line)
            except json.JSONDecodeError as error:
                report.violations[("-", "-", "-", f"line {number}", f"not JSON: {error}")] += 1


def validate(entries, source, spec_dir, report):
    schemas = SpecSchemas(spec_dir)
    validators = {}
    lines = 0
    for entry in entries:
        lines += 1
        check_entry(entry, schemas, validators, report)
    if lines == 0 and not report.violations:
        print(f"FAIL: {source} is empty: no test logged a Training/Prediction API response")
        return 1
    print_report(report, source)
    total = sum(report.validated.values())
    if report.violations:
        print(f"\nFAIL: {total} responses validated, {sum(report.violations.values())} violations")
        return 1
    print(f"\nOK: {total} responses of {len(report.validated)} operations match the spec's schemas")
    return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("log", nargs="?")
    parser.add_argument("--recordings", help="validate the recordings in this directory instead of a log")
    beside_project = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "shared")
    parser.add_argument("--spec-dir", default=os.path.join(beside_project, "spec"))
    parser.add_argument("--reset", action="store_true", help="empty the log and exit")
    args = parser.parse_args()
    if args.reset:
        open(args.log, "w", encoding="utf-8").close()
        return 0
    report = Report()
    try:
        if args.recordings:
            entries = log_lines(args.recordings, spec_routes(args.spec_dir))
            return validate(entries, args.recordings, args.spec_dir, report)
        return validate(read_log(args.log, report), args.log, args.spec_dir, report)
    except FileNotFoundError as error:
        print(f"FAIL: {error}")
        return 1


if __name__ == "__main__":
    sys.exit(main())
