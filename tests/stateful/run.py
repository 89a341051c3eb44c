#!/usr/bin/env python3
"""Runs the model-based stateful test against a cvmock executable: the sequential state machine (Hypothesis) for a
number of examples or minutes, then the concurrent variant (8 threads, kill -9 while calls are in flight), and
prints the run's figures. Exit status 0 when nothing was found. See README.md beside this file."""
import argparse
import os
import shutil
import signal
import sys
import tempfile
import time
import traceback

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from hypothesis import HealthCheck, Phase, seed, settings  # noqa: E402
from hypothesis.stateful import run_state_machine_as_test  # noqa: E402

import concurrent_run  # noqa: E402
from api import Api, spec_error_codes  # noqa: E402
from corpus import Corpus  # noqa: E402
from cvmock_process import CvmockProcess  # noqa: E402
from image_host import ImageHost  # noqa: E402
import checks  # noqa: E402
from machine import BudgetSpent, Harness, machine_for  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))


def arguments():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cvmock", default=os.path.join(ROOT, "build", "mock_server", "cvmock"))
    parser.add_argument("--fixtures-bin", default=os.path.join(ROOT, "build", "fixtures", "cvmock-fixtures"))
    parser.add_argument("--spec-dir", default=os.path.join(ROOT, "..", "shared", "spec"))
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--minutes", type=float, default=0,
                        help="run sequential examples until this many minutes have passed (0: --examples only)")
    parser.add_argument("--examples", type=int, default=40, help="examples per Hypothesis run (one seed)")
    parser.add_argument("--steps", type=int, default=40, help="steps per example at most")
    parser.add_argument("--restart-rate", type=int, default=15,
                        help="percent of restart-rule draws that really restart cvmock")
    parser.add_argument("--concurrent-rounds", type=int, default=2, help="kill -9 rounds of the concurrent variant")
    parser.add_argument("--concurrent-seconds", type=float, default=4, help="seconds of calls before each kill")
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--keep-going", action="store_true",
                        help="record a finding and go on with the next seed (long runs)")
    parser.add_argument("--no-shrink", action="store_true", help="report failing sequences unshrunk (faster)")
    return parser.parse_args()


def run_sequential(args, harness, deadline, findings):
    harness.deadline = deadline
    round_seed = args.seed
    while True:
        machine = seed(round_seed)(machine_for(harness))
        phases = [Phase.generate] if args.no_shrink else [Phase.generate, Phase.shrink]
        config = settings(max_examples=args.examples, stateful_step_count=args.steps, deadline=None, database=None,
                          phases=phases, suppress_health_check=list(HealthCheck), print_blob=False)
        checks.first_failures.clear()
        harness.api.violations.clear()
        try:
            run_state_machine_as_test(machine, settings=config)
        except BudgetSpent:
            return
        except Exception as error:  # a finding: Hypothesis has printed the (shrunk) sequence of steps
            first = (checks.first_failures + harness.api.violations)[:1]
            if not first and deadline and time.monotonic() > deadline:
                return  # Hypothesis's account of the BudgetSpent (it can call it Flaky): time is up, not a finding
            findings.append((f"sequential seed {round_seed}", error, first))
            print(f"\n*** finding with seed {round_seed}: {error.__class__.__name__}: {error}", flush=True)
            if first:
                print(f"    first failure of the round: {first[0]}", flush=True)
            print("    newest calls:\n      " + "\n      ".join(list(harness.api.log)[-25:]), flush=True)
            if not args.keep_going:
                return
            if not harness.server.alive():
                harness.server.start()
                harness.api.connect(harness.server.port)
        round_seed += 1
        if not deadline:
            return


def main():
    # A SIGTERM (a CTest timeout, a user) unwinds like an exception, so that cvmock is stopped and the scratch
    # directory removed.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    args = arguments()
    codes = spec_error_codes(args.spec_dir)
    started = time.monotonic()
    deadline = started + args.minutes * 60 if args.minutes else None
    scratch = tempfile.mkdtemp(prefix="cvmock-stateful-")
    findings = []
    corpus = Corpus(args.fixtures_bin)
    host = ImageHost()
    server = CvmockProcess(args.cvmock, os.path.join(scratch, "data"), args.seed)
    api = Api(codes)
    try:
        server.start()
        api.connect(server.port)
        harness = Harness(server, api, corpus, host, args.restart_rate)
        print(f"stateful: seed {args.seed}", flush=True)
        run_sequential(args, harness, deadline, findings)
        server.stop()
        sequential_calls = api.calls
        concurrent = concurrent_run.Figures()
        if args.concurrent_rounds and (args.keep_going or not findings):
            try:
                concurrent = concurrent_run.run(args.cvmock, os.path.join(scratch, "concurrent"), corpus, codes,
                                                args.seed, args.threads, args.concurrent_rounds,
                                                args.concurrent_seconds)
            except Exception as error:
                traceback.print_exc()
                findings.append(("concurrent", error, []))
        minutes = (time.monotonic() - started) / 60
        print(f"\nstateful figures ({minutes:.1f} min): {harness.examples} examples, {harness.steps} checked steps, "
              f"{sequential_calls} calls, restarts SIGTERM {server.restarts['SIGTERM']} + SIGKILL "
              f"{server.restarts['SIGKILL']} (in flight: {harness.kills_in_flight['upload']} uploads, "
              f"{harness.kills_in_flight['training']} trainings, {harness.kills_in_flight['regions']} region batches), "
              f"{harness.bytes_compared} image bytes compared")
        print(f"concurrent figures: {concurrent.threads} threads, {concurrent.rounds} kill -9 rounds, "
              f"{concurrent.calls} calls ({concurrent.acknowledged} acknowledged, {concurrent.in_flight} in flight "
              f"at a kill); detector: {concurrent.detections} detections compared, {concurrent.detector_trainings} "
              f"trainings completed, {concurrent.detector_interrupted} ended Failed by a kill, in flight at a kill: "
              f"{dict(concurrent.detector_in_flight) or 'none'})")
        answers = sorted(harness.outcomes.items(), key=lambda item: (item[0][0], -item[1]))
        print("answers checked (operation: outcome count): " +
              ", ".join(f"{op} {got} {n}" for (op, got), n in answers))
        for where, error, first in findings:
            print(f"finding ({where}): {error.__class__.__name__}: {str(error)[:2000]}")
            for message in first:
                print(f"  first failure: {message[:2000]}")
        print(f"stateful: {0 if findings else 1} passed, {1 if findings else 0} failed")
        return 1 if findings else 0
    finally:
        if server.alive():
            server.stop()
        host.close()
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
