"""The service the contract scenario runs against: a cvmock it starts itself, or the real Custom Vision when the
CVMOCK_CONTRACT_* variables name one (see ../README.md)."""

import os
import re
import subprocess
import threading
from dataclasses import dataclass
from typing import Callable, Optional

from azure.cognitiveservices.vision.customvision.prediction import CustomVisionPredictionClient
from azure.cognitiveservices.vision.customvision.training import CustomVisionTrainingClient
from msrest.authentication import ApiKeyCredentials

REAL_SERVICE_VARIABLES = [
    "CVMOCK_CONTRACT_TRAINING_ENDPOINT",
    "CVMOCK_CONTRACT_TRAINING_KEY",
    "CVMOCK_CONTRACT_PREDICTION_ENDPOINT",
    "CVMOCK_CONTRACT_PREDICTION_KEY",
    "CVMOCK_CONTRACT_PREDICTION_RESOURCE_ID",
]

# The ARM id cvmock is told to accept as a publish target: the same shape as a real prediction resource's.
LOCAL_RESOURCE_ID = ("/subscriptions/5a3a2c1e-0000-4000-8000-000000000002/resourceGroups/contract/providers/"
                     "Microsoft.CognitiveServices/accounts/contract-prediction")


def training_client(endpoint: str, key: str) -> CustomVisionTrainingClient:
    return CustomVisionTrainingClient(endpoint, ApiKeyCredentials(in_headers={"Training-key": key}))


def prediction_client(endpoint: str, key: str) -> CustomVisionPredictionClient:
    return CustomVisionPredictionClient(endpoint, ApiKeyCredentials(in_headers={"Prediction-key": key}))


@dataclass
class Target:
    real: bool
    training_endpoint: str
    training_key: str
    prediction_endpoint: str
    prediction_key: str
    prediction_resource_id: str
    poll_interval: float  # seconds between polls
    training_timeout: float  # seconds a training may take
    stop: Callable[[], None]

    def __post_init__(self):
        self.training = training_client(self.training_endpoint, self.training_key)
        self.prediction = prediction_client(self.prediction_endpoint, self.prediction_key)
        # Clients whose key the service must refuse.
        self.bad_training = training_client(self.training_endpoint, "not-the-training-key")
        self.bad_prediction = prediction_client(self.prediction_endpoint, "not-the-prediction-key")

    def close(self):
        """Closes the clients' connections, then stops a local cvmock."""
        for client in (self.training, self.prediction, self.bad_training, self.bad_prediction):
            client.close()
        self.stop()


def _start_local() -> Target:
    """Starts cvmock ($CVMOCK_BIN) on a free port with training finishing as soon as it starts, so the scenario's
    polls see Completed without sleeping; returns once cvmock prints its address."""
    binary = os.environ.get("CVMOCK_BIN")
    if not binary:
        raise RuntimeError("set CVMOCK_BIN to the cvmock executable (or the CVMOCK_CONTRACT_* variables)")
    keys = {"training": "contract-training-key", "prediction": "contract-prediction-key"}
    child = subprocess.Popen(
        [binary, "--port", "0", "--training-key", keys["training"], "--prediction-key", keys["prediction"],
         "--prediction-resource-id", LOCAL_RESOURCE_ID, "--training-mode", "immediate"],
        stdout=subprocess.PIPE, text=True)
    endpoint: Optional[str] = None
    for line in child.stdout:
        found = re.search(r"listening on (http://\S+)", line)
        if found:
            endpoint = found.group(1)
            break
    if endpoint is None:
        child.wait()
        raise RuntimeError(f"cvmock exited with {child.returncode} before listening")
    # Keep draining what cvmock prints later, so it never blocks on a full pipe.
    drain = threading.Thread(target=lambda: [None for _ in child.stdout], daemon=True)
    drain.start()

    def stop():
        child.terminate()
        child.wait(timeout=10)
        drain.join(timeout=10)  # it ends at the pipe's end of file
        child.stdout.close()

    # A classifier trains in a moment; a detector takes seconds (tens under a sanitizer), hence the margin.
    return Target(real=False, training_endpoint=endpoint, training_key=keys["training"],
                  prediction_endpoint=endpoint, prediction_key=keys["prediction"],
                  prediction_resource_id=LOCAL_RESOURCE_ID, poll_interval=0.05, training_timeout=90, stop=stop)


def _real_service() -> Target:
    env = os.environ
    # Real trainings take about five minutes on tiny data (recordings/README.md); exports and imports seconds.
    return Target(real=True,
                  training_endpoint=env["CVMOCK_CONTRACT_TRAINING_ENDPOINT"].rstrip("/"),
                  training_key=env["CVMOCK_CONTRACT_TRAINING_KEY"],
                  prediction_endpoint=env["CVMOCK_CONTRACT_PREDICTION_ENDPOINT"].rstrip("/"),
                  prediction_key=env["CVMOCK_CONTRACT_PREDICTION_KEY"],
                  prediction_resource_id=env["CVMOCK_CONTRACT_PREDICTION_RESOURCE_ID"],
                  poll_interval=2, training_timeout=15 * 60, stop=lambda: None)


def open_target() -> Target:
    """All five variables set: the real service. Some but not all: a mistake worth stopping for."""
    present = [name for name in REAL_SERVICE_VARIABLES if os.environ.get(name)]
    if len(present) == len(REAL_SERVICE_VARIABLES):
        return _real_service()
    if present:
        missing = [name for name in REAL_SERVICE_VARIABLES if not os.environ.get(name)]
        raise RuntimeError(f"set all of {', '.join(REAL_SERVICE_VARIABLES)} or none (missing: {', '.join(missing)})")
    return _start_local()
