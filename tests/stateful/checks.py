"""The full check after every step: cvmock's whole state, read over HTTP, against the reference model. Where the
model cannot know an outcome (a training's end) it accepts exactly the legitimate ones and adopts the server's."""
import json


class Mismatch(AssertionError):
    """cvmock's state or an answer differs from what the reference model allows."""


# The first failure of each run, as raised: Hypothesis may report only that replaying the sequence went another way
# (Flaky) when a training ended at another moment the second time.
first_failures = []


def expect(condition, message):
    if not condition:
        first_failures.append(message)
        raise Mismatch(message)


def ok_json(reply, what):
    expect(200 <= reply.status < 300, f"{what}: expected a success, got {reply!r}")
    return reply.json()


def check_all(api, model, verify_bytes=True):
    """Compares every project; returns the number of image bytes compared."""
    listed = ok_json(api.training("GET", "/projects"), "GetProjects")
    by_id = {p["id"]: p for p in listed}
    expect(set(by_id) == set(model.projects),
           f"projects: server has {sorted(by_id)}, model has {sorted(model.projects)}")
    compared = 0
    for project in model.projects.values():
        server = by_id[project.id]
        expect(server["name"] == project.name, f"project {project.id} name {server['name']!r} != {project.name!r}")
        expect(server["settings"]["classificationType"] == project.classification,
               f"project {project.id} classificationType {server['settings']['classificationType']}")
        compared += check_project(api, model, project, verify_bytes)
    return compared


def check_project(api, model, project, verify_bytes):
    base = f"/projects/{project.id}"
    tags = ok_json(api.training("GET", f"{base}/tags"), "GetTags")
    got = {t["id"]: (t["name"], t["type"], t["imageCount"]) for t in tags}
    want = {t.id: (t.name, t.type, project.tag_image_count(t.id)) for t in project.tags.values()}
    expect(got == want, f"project {project.id} tags (name, type, imageCount):\n server {got}\n model  {want}")

    tagged = sum(1 for image in project.images.values() if image.labelled())
    for path, count in ((f"{base}/images/count", len(project.images)), (f"{base}/images/tagged/count", tagged),
                        (f"{base}/images/untagged/count", len(project.images) - tagged)):
        answer = ok_json(api.training("GET", path), path)
        expect(answer == count, f"{path}: server {answer}, model {count}")
    for tag in list(project.tags.values())[:2]:
        answer = ok_json(api.training("GET", f"{base}/images/tagged/count", query={"tagIds": tag.id}), "count")
        expect(answer == project.tag_image_count(tag.id), f"tagged count of tag {tag.name!r}: {answer}")

    compared = check_images(api, project, verify_bytes)
    check_iterations(api, model, project)
    check_predictions(api, project)
    return compared


def list_images(api, project_id):
    images, skip = [], 0
    while True:
        page = ok_json(api.training("GET", f"/projects/{project_id}/images",
                                    query={"take": 256, "skip": skip, "orderBy": "Oldest"}), "GetImages")
        images += page
        if len(page) < 256:
            return images
        skip += 256


def check_images(api, project, verify_bytes):
    images = list_images(api, project.id)
    got = {i["id"]: i for i in images}
    expect(len(got) == len(images), f"project {project.id}: GetImages lists an image twice")
    expect(set(got) == set(project.images),
           f"project {project.id} images: server-only {sorted(set(got) - set(project.images))}, "
           f"model-only {sorted(set(project.images) - set(got))}")
    compared = 0
    for image in project.images.values():
        server = got[image.id]
        server_tags = {t["tagId"]: t["tagName"] for t in server.get("tags", [])}
        expect(set(server_tags) == image.tags, f"image {image.id} tags: server {sorted(server_tags)}, "
                                               f"model {sorted(image.tags)}")
        for tag_id, name in server_tags.items():
            expect(name == project.tags[tag_id].name, f"image {image.id} tag {tag_id} named {name!r}")
        check_regions(project, image, server, "GetImages")
        expect(server.get("metadata", {}) == image.metadata,
               f"image {image.id} metadata: server {server.get('metadata')}, model {image.metadata}")
        expect((server["width"], server["height"]) == (image.width, image.height),
               f"image {image.id} is {server['width']}x{server['height']}, model {image.width}x{image.height}")
        if verify_bytes:
            blob = api.blob(server["originalImageUri"])
            expect(blob.status == 200 and blob.raw == image.data,
                   f"image {image.id}: stored bytes differ ({blob.status}, {len(blob.raw)} vs {len(image.data)} B)")
            compared += 1
    if project.detects and project.images:
        check_images_by_ids(api, project)
    return compared


def box_of(entry):
    return (entry["left"], entry["top"], entry["width"], entry["height"])


def check_regions(project, image, server, what):
    """The image's regions as the server lists them: the model's, by id, with the tag's current name."""
    listed = server.get("regions") or []
    got = {r["regionId"]: (r["tagId"], box_of(r)) for r in listed}
    expect(len(got) == len(listed), f"{what}: image {image.id} lists a region twice: {listed}")
    expect(got == image.regions,
           f"{what}: image {image.id} regions (tag, box):\n server {got}\n model  {image.regions}")
    for region in listed:
        expect(region["tagName"] == project.tags[region["tagId"]].name,
               f"{what}: image {image.id} region {region['regionId']} named {region['tagName']!r}, tag "
               f"{project.tags[region['tagId']].name!r}")


def check_images_by_ids(api, project):
    """GetImagesByIds of the newest images (at most 256 ids per call): the same regions and tags as GetImages."""
    wanted = list(project.images)[-64:]
    listed = ok_json(api.training("GET", f"/projects/{project.id}/images/id", query={"imageIds": ",".join(wanted)}),
                     "GetImagesByIds")
    expect([i["id"] for i in listed] == wanted, f"GetImagesByIds listed {[i['id'] for i in listed]}, asked {wanted}")
    for server in listed:
        image = project.images[server["id"]]
        expect({t["tagId"] for t in server.get("tags", [])} == image.tags, f"GetImagesByIds: image {image.id} tags")
        check_regions(project, image, server, "GetImagesByIds")


def regions_as_given(server_image, given, what):
    """The regions the server stored for an image it was given `given` ((tag id, box) pairs) with: exactly those,
    under new ids; returns them as the model keeps them (region id -> (tag id, box))."""
    listed = server_image.get("regions") or []
    got = {r["regionId"]: (r["tagId"], box_of(r)) for r in listed}
    expect(len(got) == len(listed) and sorted(got.values()) == sorted(given),
           f"{what}: regions stored {sorted(got.values())}, given {sorted(given)}")
    return got


def check_iterations(api, model, project):
    listed = ok_json(api.training("GET", f"/projects/{project.id}/iterations"), "GetIterations")
    got = {i["id"]: i for i in listed}
    expect(set(got) == set(project.iterations),
           f"project {project.id} iterations: server {sorted(got)}, model {sorted(project.iterations)}")
    for iteration in project.iterations.values():
        settle(api, model, project, iteration, got[iteration.id])
        server = got[iteration.id]
        expect(server["name"] == iteration.name,
               f"iteration {iteration.id} name: server {server['name']!r}, model {iteration.name!r}")
        expect(server["publishName"] == iteration.publish_name,
               f"iteration {iteration.id} publishName: server {server['publishName']!r}, "
               f"model {iteration.publish_name!r}")


def settle(api, model, project, iteration, server):
    """Adopts a training's end when the model allows it; checks a settled iteration stays as it was."""
    status = server["status"]
    if iteration.status != "Training":
        expect(status == iteration.status, f"iteration {iteration.id} was {iteration.status}, now {status}")
        return
    if status == "Training":
        expect(not iteration.must_settle,
               f"iteration {iteration.id} still Training after a restart or a release of held trainings")
        return
    expect(status in iteration.may_end,
           f"iteration {iteration.id} ended {status}; the model allows {sorted(iteration.may_end)}")
    iteration.status = status
    if status == "Completed":
        iteration.trained_at = server["trainedAt"]
        trained = ok_json(api.training("GET", f"/projects/{project.id}/tags", query={"iterationId": iteration.id}),
                          "GetTags of an iteration")
        iteration.trained_tags = tuple(t["id"] for t in trained)
        expect(set(iteration.trained_tags) == set(iteration.expected_tags),
               f"iteration {iteration.id} trained on {sorted(iteration.trained_tags)}, "
               f"model {sorted(iteration.expected_tags)}")


def list_predictions(api, project_id):
    results, continuation = [], None
    while True:
        token = {"maxCount": 256, "orderBy": "Oldest"}
        if continuation:
            token["continuation"] = continuation
        page = ok_json(api.training_json("POST", f"/projects/{project_id}/predictions/query", token),
                       "QueryPredictions")
        results += page["results"]
        continuation = page["token"].get("continuation")
        if not continuation:
            return results


def check_predictions(api, project):
    stored = {p["id"]: p for p in list_predictions(api, project.id)}
    want = {p.id: p.iteration_id for p in project.predictions.values()}
    got = {pid: p["iteration"] for pid, p in stored.items()}
    expect(got == want, f"project {project.id} stored predictions (id -> iteration):\n server {got}\n model  {want}")


def check_probabilities(model, project, iteration, data, predictions, what):
    """A prediction lists every trained tag once; Multiclass sums to 1; the same model and image give the same
    probabilities as every earlier time (also after restarts, and from an imported copy of the model)."""
    expect(len(predictions) == len(iteration.trained_tags) and
           {p["tagId"] for p in predictions} == set(iteration.trained_tags),
           f"{what}: predicted tags {[p['tagId'] for p in predictions]}, trained {list(iteration.trained_tags)}")
    values = [p["probability"] for p in predictions]
    expect(values == sorted(values, reverse=True), f"{what}: predictions not highest first: {values}")
    expect(all(0 <= v <= 1 for v in values), f"{what}: a probability outside [0, 1]: {values}")
    if iteration.classification == "Multiclass":
        expect(abs(sum(values) - 1) < 1e-4, f"{what}: Multiclass probabilities sum to {sum(values)}")
    by_tag = {p["tagId"]: p["probability"] for p in predictions}
    ordered = tuple(by_tag[t] for t in iteration.trained_tags)
    key = (iteration.model_key, data)
    earlier = model.probabilities.setdefault(key, ordered)
    expect(earlier == ordered, f"{what}: iteration {iteration.id} (model {iteration.model_key}) answered "
                               f"{json.dumps(ordered)} for an image it answered {json.dumps(earlier)} before")


def check_detections(model, iteration, data, predictions, what):
    """A detector's answer: boxes of trained tags inside the image, grouped by tag in the order of the tag names
    (ordinal, the id breaking a tie) and most probable first within a tag, as the recorded service answers; the
    same model and image give the same boxes and probabilities as every earlier time (also after restarts and from
    an imported copy)."""
    order = [(p["tagName"], p["tagId"], -p["probability"]) for p in predictions]
    expect(order == sorted(order), f"{what}: detections not grouped by tag name, most probable first within a tag: "
                                   f"{[(name, -minus) for name, _, minus in order]}")
    values = [p["probability"] for p in predictions]
    expect(all(0 <= v <= 1 for v in values), f"{what}: a probability outside [0, 1]: {values}")
    for p in predictions:
        expect(p["tagId"] in iteration.trained_tags, f"{what}: detected tag {p['tagId']} was not trained "
                                                     f"({list(iteration.trained_tags)})")
        box = p["boundingBox"]
        inside = box["width"] > 0 and box["height"] > 0 and box["left"] >= -1e-6 and box["top"] >= -1e-6 and \
            box["left"] + box["width"] <= 1 + 1e-5 and box["top"] + box["height"] <= 1 + 1e-5
        expect(inside, f"{what}: a box outside the image: {p}")
    answer = tuple((p["tagId"], p["probability"], box_of(p["boundingBox"])) for p in predictions)
    earlier = model.probabilities.setdefault((iteration.model_key, data), answer)
    expect(earlier == answer, f"{what}: iteration {iteration.id} (model {iteration.model_key}) detected "
                              f"{json.dumps(answer)} in an image it answered {json.dumps(earlier)} before")
