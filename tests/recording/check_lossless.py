#!/usr/bin/env python3
"""Proof that `cvmock convert-recordings` loses nothing: every HttpRecorder session under SRC is rebuilt from its
cassette under DST by the rules of docs/RECORDING_FORMAT.md and must equal the original JSON, entry by entry.

  check_lossless.py SRC DST     exit status 1, naming file and entry, at the first difference
"""
import base64
import json
import os
import sys

BASE64_TYPES = ("image/", "application/octet-stream", "multipart/")


def content(body, folder):
    if "text" in body:
        return body["text"].encode("utf-8")
    with open(os.path.join(folder, body["file"]), "rb") as file:
        return file.read()


def body_bytes(body, folder):
    if "multipart" not in body:
        return content(body, folder)
    envelope = body["multipart"]
    boundary = envelope["boundary"].encode()
    out = envelope.get("preamble", "").encode()
    for part in envelope["parts"]:
        out += b"--" + boundary + b"\r\n" + part["head"].encode() + b"\r\n\r\n" + content(part, folder) + b"\r\n"
    return out + b"--" + boundary + b"--" + envelope.get("epilogue", "").encode()


def recorder_body(message, side, extra, folder):
    name = side + "Body"
    if name in extra:
        return extra.pop(name)
    if "body" not in message:
        return ""
    data = body_bytes(message["body"], folder)
    content_type = next((v[0] for k, v in message.get("headers", {}).items() if k.lower() == "content-type"), "")
    if content_type.lower().startswith(BASE64_TYPES):
        return base64.b64encode(data).decode()
    return data.decode("utf-8")


def rebuild(exchange, folder):
    extra = dict(exchange.get("extra", {}))
    request, response = exchange["request"], exchange["response"]
    entry = {
        "RequestUri": request["target"],
        "EncodedRequestUri": extra.pop("EncodedRequestUri", base64.b64encode(request["target"].encode()).decode()),
        "RequestMethod": request["method"],
        "RequestHeaders": extra.pop("RequestHeaders", request.get("headers", {})),
        "ResponseHeaders": extra.pop("ResponseHeaders", response.get("headers", {})),
        "StatusCode": response["status"],
    }
    for side, message in (("Request", request), ("Response", response)):
        body = recorder_body(message, side, extra, folder)
        if not extra.pop(side + "BodyAbsent", False):
            entry[side + "Body"] = body
    entry.update(extra)
    return entry


def main():
    source, converted = sys.argv[1], sys.argv[2]
    checked = 0
    for root, _, names in os.walk(source):
        for name in sorted(n for n in names if n.endswith(".json")):
            original_path = os.path.join(root, name)
            relative = os.path.relpath(original_path, source)
            cassette_path = os.path.join(converted, relative[: -len(".json")] + ".jsonl")
            with open(original_path, encoding="utf-8-sig") as file:
                original = json.load(file)
            with open(cassette_path, encoding="utf-8") as file:
                header, *exchanges = [json.loads(line) for line in file if line.strip()]
            if header.get("origin") != relative.replace(os.sep, "/"):
                print(f"FAIL {relative}: the cassette's origin is {header.get('origin')}")
                return 1
            rebuilt = {"Entries": [rebuild(e, os.path.dirname(cassette_path)) for e in exchanges], **header["extra"]}
            for index, (was, now) in enumerate(zip(original["Entries"], rebuilt["Entries"]), 1):
                if was != now:
                    keys = sorted(k for k in set(was) | set(now) if was.get(k) != now.get(k))
                    print(f"FAIL {relative} entry {index}: {keys} differ")
                    return 1
            if original != rebuilt:
                print(f"FAIL {relative}: the session's other fields differ")
                return 1
            checked += 1
    print(f"ok: {checked} recordings rebuilt from their cassettes, identical to the originals")
    return 0 if checked else 1


if __name__ == "__main__":
    sys.exit(main())
