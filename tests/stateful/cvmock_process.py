"""The cvmock executable as a child process on a data directory, stopped by SIGTERM or SIGKILL and started again."""
import os
import signal
import subprocess
import threading

LISTENING = "cvmock listening on http://"
ADMIN_KEY = "stateful-admin-key"


class CvmockProcess:
    """start() runs `cvmock --port 0 --data-dir DIR --admin-key ...` and learns its port from the first line it
    prints; stop(sig) sends the signal and reaps it. Counts restarts by kind for the run's report."""

    def __init__(self, binary, data_dir, seed, extra_args=()):
        self._binary = binary
        self._data_dir = data_dir
        self._seed = seed
        self._extra = list(extra_args)
        self._process = None
        self.port = None
        self.restarts = {"SIGTERM": 0, "SIGKILL": 0}

    def start(self):
        args = [self._binary, "--port", "0", "--data-dir", self._data_dir, "--admin-key", ADMIN_KEY,
                "--seed", str(self._seed), *self._extra]
        # The CTest-wide response log (tests/schema) is for the suites' own cvmocks; thousands of random calls
        # would only slow the schema proof down.
        env = {k: v for k, v in os.environ.items() if k != "CVMOCK_RESPONSE_LOG"}
        self._process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
        for line in self._process.stdout:
            if line.startswith(LISTENING):
                self.port = int(line[len(LISTENING):].strip().rsplit(":", 1)[1])
                # Keep draining both pipes so that a chatty cvmock never blocks on a full pipe.
                for stream in (self._process.stdout, self._process.stderr):
                    threading.Thread(target=_drain, args=(stream,), daemon=True).start()
                return
        raise RuntimeError(f"cvmock exited before listening: {self._process.stderr.read()[-2000:]}")

    def stop(self, sig=signal.SIGTERM):
        """Sends `sig` and waits for the exit; returns the exit status (negative: killed by that signal)."""
        if not self._process:
            return None
        self._process.send_signal(sig)
        try:
            status = self._process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
            raise RuntimeError(f"cvmock did not stop within 60 s of {signal.Signals(sig).name}")
        self._process = None
        return status

    def restart(self, sig):
        status = self.stop(sig)
        if sig == signal.SIGTERM and status != 0:
            raise AssertionError(f"cvmock exited with status {status} after SIGTERM (expected a clean stop)")
        self.restarts[signal.Signals(sig).name] += 1
        self.start()

    def alive(self):
        return self._process is not None and self._process.poll() is None


def _drain(stream):
    for _ in stream:
        pass
