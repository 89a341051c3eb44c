"""Body shape: keys and JSON types, recursively. Values are not compared (ids, dates, probabilities differ)."""


def json_type(value):
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"  # .NET writes 1.0 where Python reads 1: integer and float are one JSON type
    if isinstance(value, str):
        return "string"
    return "array" if isinstance(value, list) else "object"


def _pairs(recorded, live, live_id_of):
    """Array elements to compare: by id when every recorded element's id is known live (the domains list keeps
    the service's ids, in another order), by position otherwise."""
    if live_id_of and recorded and all(isinstance(item, dict) and "id" in item for item in recorded):
        live_by_id = {item.get("id"): item for item in live if isinstance(item, dict)}
        wanted = [live_id_of(item["id"]) for item in recorded]
        if all(live_id in live_by_id for live_id in wanted):
            return [(index, item, live_by_id[live_id]) for index, (item, live_id) in enumerate(zip(recorded, wanted))]
    return [(index, item, live_item) for index, (item, live_item) in enumerate(zip(recorded, live))]


def shape_differences(recorded, live, live_id_of=None, path="$"):
    """[difference] between the recorded and the live body; empty when their shapes agree.
    null and absent differ (the recorder kept every key, nulls included). Arrays: elements are compared in pairs;
    a non-empty recorded array must not come back empty, or nothing of its elements' shape would be checked.
    `live_id_of(recorded id)` is the live id when it is known, or None."""
    recorded_type, live_type = json_type(recorded), json_type(live)
    if recorded_type != live_type:
        return [f"{path}: {live_type}, recorded {recorded_type}"]
    differences = []
    if recorded_type == "object":
        for key in recorded.keys() - live.keys():
            differences.append(f"{path}.{key}: absent, recorded {json_type(recorded[key])}")
        for key in live.keys() - recorded.keys():
            differences.append(f"{path}.{key}: {json_type(live[key])}, not in the recording")
        for key in recorded.keys() & live.keys():
            differences += shape_differences(recorded[key], live[key], live_id_of, f"{path}.{key}")
    elif recorded_type == "array":
        if recorded and not live:
            differences.append(f"{path}: empty, recorded {len(recorded)} elements")
        for index, recorded_item, live_item in _pairs(recorded, live, live_id_of):
            differences += shape_differences(recorded_item, live_item, live_id_of, f"{path}[{index}]")
    return sorted(differences)
