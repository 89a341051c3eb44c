"""Recorded ids to live ids, by position: learnt from each answer, or handed out from the fixture state."""
import json
import re
from urllib.parse import parse_qsl, quote

GUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")

# What a GUID is, from the path segment before it, its query parameter or its body key.
PATH_KINDS = {"projects": "project", "prediction": "project", "tags": "tag", "iterations": "iteration",
              "images": "image", "domains": "domain"}
QUERY_KINDS = {"imageIds": "image", "tagIds": "tag", "iterationId": "iteration", "ids": "prediction",
               "domainId": "domain", "projectId": "project"}
BODY_KINDS = {"imageId": "image", "imageIds": "image", "tagId": "tag", "tagIds": "tag", "iterationId": "iteration"}


class IdMap:
    def __init__(self, state, image_server):
        self._state = state
        self._image_server = image_server
        self._ids = {}  # recorded GUID (lower case) -> live GUID
        self._strings = {}  # recorded opaque value (an export token) -> live one
        self._handed = {"tag": 0, "image": 0, "prediction": 0}

    # --- ids a request names -------------------------------------------------------------------------------
    def live_id(self, recorded, kind):
        key = recorded.lower()
        if key in self._ids:
            return self._ids[key]
        if kind == "domain" or key in self._state.domains:
            return recorded
        live = self._from_state(kind)
        if live is None:
            return recorded
        self._ids[key] = live
        return live

    def known(self, recorded):
        """The live id of a recorded one already mapped (domain ids stand for themselves); None otherwise."""
        if not isinstance(recorded, str):
            return None
        key = recorded.lower()
        return recorded if key in self._state.domains else self._ids.get(key)

    def _from_state(self, kind):
        """An id the recording took for granted: the fixture project's, in the order the recording names them."""
        if kind == "project":
            return self._state.project
        if kind == "iteration":
            return self._state.iteration
        pools = {"tag": self._state.tags, "image": self._state.images, "prediction": self._state.predictions}
        pool = pools.get(kind)
        if not pool:
            return None
        live = pool[self._handed[kind] % len(pool)]
        self._handed[kind] += 1
        return live

    def request(self, uri, body):
        """The recorded path, query and JSON body with live ids, tokens and loopback image URLs."""
        path, _, query = uri.partition("?")
        segments = path.split("/")
        for index in range(1, len(segments)):
            if GUID.match(segments[index]):
                segments[index] = self.live_id(segments[index], PATH_KINDS.get(segments[index - 1].lower()))
        live_uri = "/".join(segments)
        if query:
            pairs = [(name, self._query_value(name, value)) for name, value in parse_qsl(query, keep_blank_values=True)]
            live_uri += "?" + "&".join(f"{quote(name)}={quote(value, safe='')}" for name, value in pairs)
        return live_uri, self._body(body)

    def _query_value(self, name, value):
        if value in self._strings:
            return self._strings[value]
        if name in QUERY_KINDS:
            return ",".join(self.live_id(part, QUERY_KINDS[name]) if GUID.match(part) else part
                            for part in value.split(","))
        return value

    def _body(self, body):
        if not body:
            return body
        try:
            document = json.loads(body)
        except json.JSONDecodeError:
            return body  # not JSON (an image): sent as recorded
        return json.dumps(self._live_value(document, None), indent=2)

    def _live_value(self, value, key):
        if isinstance(value, dict):
            return {k: self._live_value(v, k) for k, v in value.items()}
        if isinstance(value, list):
            return [self._live_value(v, key) for v in value]
        if isinstance(value, str):
            if key and key.lower() == "url" and value.startswith("http"):
                return self._image_server.url_for(value)
            if GUID.match(value):
                return self.live_id(value, BODY_KINDS.get(key))
            return self._strings.get(value, value)
        return value

    # --- ids an answer reveals -------------------------------------------------------------------------------
    def learn(self, recorded, live, key=None):
        """Walks the recorded and the live answer together: a GUID at the same place is the same entity."""
        if isinstance(recorded, dict) and isinstance(live, dict):
            for name in recorded.keys() & live.keys():
                self.learn(recorded[name], live[name], name)
        elif isinstance(recorded, list) and isinstance(live, list):
            for recorded_item, live_item in zip(recorded, live):
                self.learn(recorded_item, live_item, key)
        elif isinstance(recorded, str) and isinstance(live, str):
            if GUID.match(recorded) and GUID.match(live):
                if recorded.lower() not in self._ids and recorded.lower() not in self._state.domains:
                    self._ids[recorded.lower()] = live
            elif key == "token":  # ExportProject's token, which ImportProject's query names
                self._strings[recorded] = live

    @staticmethod
    def parse(text):
        if not text or not text.strip():
            return None
        try:
            return json.loads(text)
        except json.JSONDecodeError:
            return text
