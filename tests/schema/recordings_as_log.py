"""The v3 entries of ../shared/recordings as response-log lines, so the schema rules can be checked against
what the real service sent (validate_responses.py --recordings): every rule of spec_schema.py must accept them.
"""
import glob
import json
import os

from spec_schema import SPECS


def spec_routes(spec_dir):
    """[(api, method, [segments], operationId)] from the spec's paths."""
    routes = []
    for api, relative in SPECS.items():
        with open(os.path.join(spec_dir, relative), encoding="utf-8") as file:
            spec = json.load(file)
        for path, path_item in spec["paths"].items():
            for method, operation in path_item.items():
                if method != "parameters":
                    routes.append((api, method.upper(), [s for s in path.split("/") if s], operation["operationId"]))
    return routes


def find_operation(routes, api, method, segments):
    """The matching route with the most literal segments (projects/import before projects/{projectId})."""
    best, best_literals = None, -1
    for route_api, route_method, pattern, operation_id in routes:
        if route_api != api or route_method != method or len(pattern) != len(segments):
            continue
        literals = 0
        for want, got in zip(pattern, segments):
            if want.startswith("{"):
                continue
            if want.lower() != got.lower():
                break
            literals += 1
        else:
            if literals > best_literals:
                best, best_literals = operation_id, literals
    return best


def log_lines(recordings_dir, routes):
    for name in sorted(glob.glob(os.path.join(recordings_dir, "**", "*.json"), recursive=True)):
        with open(name, encoding="utf-8-sig") as file:
            recording = json.load(file)
        for entry in recording.get("Entries", []):
            path = entry["RequestUri"].split("?")[0]  # not urlsplit: "//customvision/..." would be a host
            segments = [s for s in path.split("/") if s]
            if len(segments) < 3 or not segments[1].startswith("v3"):
                continue  # v1.2: the old PascalCase API, not the v3 contract
            api = segments[2].lower()
            operation_id = find_operation(routes, api, entry["RequestMethod"], segments[3:])
            if operation_id is None:
                continue
            text = entry.get("ResponseBody") or ""
            try:
                body = json.loads(text) if text.strip() else None
            except json.JSONDecodeError:
                body = None
            content_type = (entry.get("ResponseHeaders", {}).get("Content-Type") or [""])[0]
            yield {"api": api, "version": segments[1], "operationId": operation_id,
                   "method": entry["RequestMethod"], "path": path, "status": int(entry["StatusCode"]),
                   "contentType": content_type, "body": body, "recording": os.path.relpath(name, recordings_dir)}
