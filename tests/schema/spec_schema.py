"""The spec's Swagger 2.0 response schemas as JSON Schema (draft 7), with the rules below in one place.

Conversion rules (each one decided from the spec, from how autorest reads it, or from ../shared/recordings):
* `$ref: #/definitions/X` stays a reference into the converted `definitions`.
* `readOnly`, `description`, `example`, `x-ms-enum` describe, they do not constrain: dropped. `enum` is kept.
* `format`: `uuid` (lower-case 8-4-4-4-12 hex, as the service writes it), `date-time` (ISO 8601 with an optional
  fraction of up to 7 digits and an OPTIONAL offset: image and image-tag `created` are recorded without `Z`),
  `int32` (range) are checked; other formats are not. `type: file` (binary bodies) is not checked.
* Null (`x-nullable`): the spec comes from the service's .NET models, and autorest maps it back the same way:
  x-nullable only matters for .NET value types (integer, number, boolean, uuid = Guid, date-time = DateTime,
  enums), where `false` makes a non-nullable struct and absent makes `T?` on a property that is not required.
  Strings, arrays and objects are .NET references: null is allowed whatever x-nullable says, because the
  recordings show the service writing null for x-nullable:false references (Iteration.publishName,
  Iteration.originalPublishResourceId, ProjectSettings.detectionParameters, ImageTag.tagName in images/urls
  results). A `required` property is present, and null only when it says x-nullable:true (Tag.description).
* Undeclared properties are refused (additionalProperties false on objects that declare properties and no
  additionalProperties), so a key the spec does not know is reported. The one exception is documented in
  the recordings (VERSION_EXTENSIONS): keys that Training v3.4-preview and Prediction v3.1 add to the models.
"""
import json
import re
from datetime import datetime

import jsonschema

SPECS = {
    "training": "training-v3.3/Training.json",
    "prediction": "prediction-v3.0/Prediction.json",
}

# Versions whose answers add keys to the v3.3 models (recordings README, "Differences between API generations").
VERSION_EXTENSIONS = {
    ("training", "v3.4-preview"): {
        "Iteration": ["customBaseModelInfo", "trainingErrorDetails"],
        "Domain": ["exportablePlatforms", "modelInformation"],  # DomainsApiTests
    },
    # Prediction v3.1 writes each prediction's tagType (ClassifyImageUrl, DetectImageUrl recordings), which the
    # v3.0 spec's Prediction lacks; the training spec's Prediction declares it.
    ("prediction", "v3.1"): {"Prediction": ["tagType"]},
}

# The gateway in front of the service (Azure API Management), not the service, answers 401 (bad key),
# 403 (quota/forbidden) and 429 (rate limit) with this shape; it is not in the spec. For a 5xx either shape
# is accepted: the gateway's (cvmock's simulated gateway faults) or the spec's CustomVisionError.
GATEWAY_ERROR = {
    "type": "object",
    "required": ["error"],
    "additionalProperties": False,
    "properties": {
        "error": {
            "type": "object",
            "required": ["code", "message"],
            "additionalProperties": False,
            "properties": {"code": {"type": "string"}, "message": {"type": "string"}},
        }
    },
}
GATEWAY_STATUSES = {401, 403, 429}
# A 5xx may come from the gateway (cvmock's simulated faults without a service code) or from the service.
GATEWAY_OR_SERVICE_STATUS = 500

VALUE_FORMATS = {"uuid", "date-time"}
CHECKED_FORMATS = {"uuid", "date-time", "int32"}

_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
_DATE_TIME = re.compile(r"^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(\.\d{1,7})?(Z|[+-]\d\d:\d\d)?$")


def format_checker():
    checker = jsonschema.FormatChecker(formats=())

    @checker.checks("uuid")
    def is_uuid(value):
        return not isinstance(value, str) or bool(_UUID.match(value))

    @checker.checks("date-time")
    def is_date_time(value):
        if not isinstance(value, str):
            return True
        match = _DATE_TIME.match(value)
        if not match:
            return False
        datetime.strptime(match.group(1), "%Y-%m-%dT%H:%M:%S")  # raises on 2020-13-45 and the like
        return True

    @checker.checks("int32")
    def is_int32(value):
        return not isinstance(value, int) or -(2**31) <= value < 2**31

    return checker


def _is_value_type(swagger):
    kind = swagger.get("type")
    if kind in ("integer", "number", "boolean"):
        return True
    return kind == "string" and (swagger.get("format") in VALUE_FORMATS or "enum" in swagger)


def accepts_null(swagger, required):
    """The null rule of the module docstring, for one property."""
    if swagger.get("x-nullable") is True:
        return True
    if required:
        return False
    if _is_value_type(swagger):
        return "x-nullable" not in swagger
    return True


def _or_null(schema):
    if "$ref" in schema or "type" not in schema:
        return {"anyOf": [schema, {"type": "null"}]}
    nullable = dict(schema)
    nullable["type"] = [schema["type"], "null"]
    if "enum" in schema:
        nullable["enum"] = schema["enum"] + [None]
    return nullable


def convert(swagger, extra_properties=()):
    """One Swagger 2.0 schema as JSON Schema; `extra_properties` are keys allowed beyond the declared ones."""
    if "$ref" in swagger:
        return {"$ref": swagger["$ref"]}
    kind = swagger.get("type")
    if kind == "file":
        return {}
    schema = {}
    if kind:
        schema["type"] = kind
    if "enum" in swagger:
        schema["enum"] = list(swagger["enum"])
    if swagger.get("format") in CHECKED_FORMATS:
        schema["format"] = swagger["format"]
    if kind == "array":
        schema["items"] = convert(swagger["items"])
    if "additionalProperties" in swagger:
        extra = swagger["additionalProperties"]
        schema["additionalProperties"] = convert(extra) if isinstance(extra, dict) else extra
    if "properties" in swagger:
        required = swagger.get("required", [])
        schema["properties"] = {}
        for name, property_swagger in swagger["properties"].items():
            converted = convert(property_swagger)
            nullable = accepts_null(property_swagger, name in required)
            schema["properties"][name] = _or_null(converted) if nullable else converted
        for name in extra_properties:
            schema["properties"][name] = {}
        if required:
            schema["required"] = list(required)
        schema.setdefault("additionalProperties", False)
    return schema


class SpecSchemas:
    """Response schemas by (api, version, operationId, status), converted once per (api, version)."""

    def __init__(self, spec_dir):
        self._specs = {}
        for api, relative in SPECS.items():
            with open(f"{spec_dir}/{relative}", encoding="utf-8") as file:
                self._specs[api] = json.load(file)
        self._operations = {api: self._index(spec) for api, spec in self._specs.items()}
        self._definitions = {}
        self._checker = format_checker()

    @staticmethod
    def _index(spec):
        operations = {}
        for path_item in spec["paths"].values():
            for method, operation in path_item.items():
                if method != "parameters":
                    operations[operation["operationId"]] = operation["responses"]
        return operations

    def _definitions_for(self, api, version):
        key = (api, version)
        if key not in self._definitions:
            extensions = VERSION_EXTENSIONS.get(key, {})
            self._definitions[key] = {
                name: convert(definition, extensions.get(name, ()))
                for name, definition in self._specs[api]["definitions"].items()
            }
        return self._definitions[key]

    def knows(self, api, operation_id):
        return operation_id in self._operations.get(api, {})

    def response(self, api, version, operation_id, status):
        """(kind, validator): kind is "json", "empty" (no body declared), "binary" or "undeclared"."""
        responses = self._operations[api][operation_id]
        declared = responses.get(str(status))
        if declared is None and status >= 400:
            if status in GATEWAY_STATUSES:
                return "json", jsonschema.Draft7Validator(GATEWAY_ERROR, format_checker=self._checker)
            declared = responses.get("default")
        if declared is None:
            return "undeclared", None
        swagger = declared.get("schema")
        if swagger is None:
            return "empty", None
        if swagger.get("type") == "file":
            return "binary", None
        root = convert(swagger)
        if status >= GATEWAY_OR_SERVICE_STATUS and str(status) not in responses:
            root = {"anyOf": [root, GATEWAY_ERROR]}
        root = dict(root, definitions=self._definitions_for(api, version))
        return "json", jsonschema.Draft7Validator(root, format_checker=self._checker)
