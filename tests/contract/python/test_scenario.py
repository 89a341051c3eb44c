"""The whole Custom Vision scenario through the official Python SDK (python3-azure), one step per test, in order
(unittest runs test_NN_* by name), sharing one state. Runs against a cvmock it starts, or against the real service
when CVMOCK_CONTRACT_* is set (../README.md)."""

import types
import unittest

from detection_steps import DetectionSteps
from images import Images
from portability_steps import PortabilitySteps
from prediction_steps import PredictionSteps
from target import open_target
from training_steps import TrainingSteps
from workspace_steps import WorkspaceSteps


class ContractScenario(WorkspaceSteps, TrainingSteps, PredictionSteps, PortabilitySteps, DetectionSteps,
                       unittest.TestCase):
    s = types.SimpleNamespace()  # what steps hand on to later ones (project, tags, image ids, iterations...)

    @classmethod
    def setUpClass(cls):
        cls.s = types.SimpleNamespace()
        cls.s.target = open_target()
        try:
            cls.s.images = Images(cls.s.target.real)
        except Exception:
            cls.s.target.stop()
            raise

    @classmethod
    def tearDownClass(cls):
        training = cls.s.target.training
        if getattr(cls.s, "det_publish_name", None):  # a failed step may have left the detector published
            try:
                training.unpublish_iteration(cls.s.det_project_id, cls.s.det_iteration)
            except Exception:  # cleanup only: the steps asserted what matters
                pass
        for project_id in (getattr(cls.s, "project_id", None), getattr(cls.s, "imported_project_id", None),
                           getattr(cls.s, "det_project_id", None)):
            if project_id:
                try:
                    training.delete_project(project_id)
                except Exception:  # cleanup only: the steps asserted what matters
                    pass
        cls.s.images.close()
        cls.s.target.close()

    def need(self, *keys):
        """Skips, naming the missing piece, when an earlier step did not make what this one needs; so one broken
        operation fails its own step rather than every step after it."""
        missing = [key for key in keys if getattr(self.s, key, None) is None]
        if missing:
            self.skipTest(f"needs {', '.join(missing)} from an earlier step that failed")


if __name__ == "__main__":
    unittest.main(verbosity=2)
