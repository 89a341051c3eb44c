"""The state the recordings refer to, built through the API: the .NET SDK tests' shared fixture project."""
from urllib.parse import quote

TRAINING = "/customvision/v3.3/training"
PUBLISH_NAME = "Training UnitTest Iteration"  # the name the prediction recordings call
PREDICTION_RESOURCE_ID = ("/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/cvmock/providers/"
                          "Microsoft.CognitiveServices/accounts/cvmock-prediction")  # cvmock's default


class FixtureState:
    """Live ids of the fixture project, handed out to recorded ids that no earlier entry revealed."""

    def __init__(self):
        self.project = None
        self.iteration = None
        self.tags = []  # Tag1, Tag2
        self.images = []  # tagged, in upload order
        self.predictions = []  # stored predictions
        self.domains = []  # every domain id: a recorded domain id stands for itself


def build_fixture_project(session, image_server, domain_id=None):
    """A Multilabel project with tags Tag1 and Tag2 (5 fixture images each), trained, published as
    PUBLISH_NAME, and one stored prediction: what CreateTrainedImageClassificationProject leaves behind."""
    state = FixtureState()
    images = image_server.project_images()
    state.domains = [domain["id"] for domain in session.training("GET", "/domains")]
    query = "?name=" + quote("SDK fixture") + (f"&domainId={domain_id}" if domain_id else "")
    state.project = session.training("POST", "/projects" + query)["id"]
    for tag_name, class_name in (("Tag1", "circle"), ("Tag2", "square")):
        tag_id = session.training("POST", f"/projects/{state.project}/tags?name={tag_name}")["id"]
        state.tags.append(tag_id)
        summary = session.upload(f"{TRAINING}/projects/{state.project}/images?tagIds={tag_id}", images[class_name])
        state.images += [result["image"]["id"] for result in summary["images"]]
    state.iteration = session.training("POST", f"/projects/{state.project}/train")["id"]
    while session.training("GET", f"/projects/{state.project}/iterations/{state.iteration}")["status"] == "Training":
        pass
    session.training("POST", f"/projects/{state.project}/iterations/{state.iteration}/publish?publishName="
                     f"{quote(PUBLISH_NAME)}&predictionId={quote(PREDICTION_RESOURCE_ID, safe='')}")
    prediction = session.upload(f"/customvision/v3.1/prediction/{state.project}/classify/iterations/"
                                f"{quote(PUBLISH_NAME)}/image", [images["circle"][0]])
    state.predictions.append(prediction["id"])
    state.spare_image = image_server.spare_image(1)
    return state


def add_untagged_image(session, state):
    """One more image, without tags (ImageTagManipulation finds one between its first two calls)."""
    summary = session.upload(f"{TRAINING}/projects/{state.project}/images", [state.spare_image])
    state.images.append(summary["images"][0]["image"]["id"])
