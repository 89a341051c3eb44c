#!/usr/bin/env python3
"""The official SDK contract scenario (tests/contract) recorded through `cvmock record`, then verified.

A cvmock serves HTTPS with a CA made at run time; `cvmock record` proxies to it; the scenario runs in its
"real service" mode (tests/contract/README.md) against the proxy, with its image URLs on a loopback copy of its
fixtures; then `cvmock verify` replays the recording against a fresh in-process cvmock and must find no difference.

  contract_through_proxy.py --suite js|python --command CMD... (run from the suite's folder)
Environment: CVMOCK_BIN, CVMOCK_FIXTURES_BIN. Exit status: the suite's, else verify's.
"""
import argparse
import functools
import http.server
import os
import subprocess
import sys
import threading

import support

TRAINING_KEY = "proxy-contract-training-key-0123456789"
PREDICTION_KEY = "proxy-contract-prediction-key-0123456789"
RESOURCE_ID = ("/subscriptions/5a3a2c1e-0000-4000-8000-000000000003/resourceGroups/contract/providers/"
               "Microsoft.CognitiveServices/accounts/contract-prediction")


class QuietFiles(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve_fixtures(folder):
    """The images the suite generates for itself (same flags, same bytes: tests/contract/*/images.*), the shapes
    and the detection scenes, for the upstream to fetch by URL."""
    binary = os.environ["CVMOCK_FIXTURES_BIN"]
    subprocess.run([binary, "--out", folder, "--classes", "circle,square,triangle", "--per-class", "10",
                    "--size", "256"], check=True, stdout=subprocess.DEVNULL)
    subprocess.run([binary, "--detection", "--out", os.path.join(folder, "scenes"), "--classes",
                    "circle,square,triangle", "--images", "44"], check=True, stdout=subprocess.DEVNULL)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietFiles, directory=folder))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--suite", required=True)
    parser.add_argument("--keep", help="copy the recording here (to read it after a failure)")
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    with support.scratch() as folder:
        authority = support.Authority(folder)
        images = serve_fixtures(os.path.join(folder, "images"))
        recording = os.path.join(folder, "recording")
        with support.cvmock_server("--cert", authority.cert, "--key", authority.key, "--training-key", TRAINING_KEY,
                                   "--prediction-key", PREDICTION_KEY, "--prediction-resource-id", RESOURCE_ID,
                                   # Another seed than verify's: every id differs, so the replay must map them.
                                   "--training-mode", "immediate", "--seed", "7") as upstream, \
                support.recorder(upstream.url, recording, "--upstream-ca", authority.ca, "--name",
                                 f"contract-{args.suite}") as proxy:
            environment = dict(os.environ, CVMOCK_CONTRACT_TRAINING_ENDPOINT=proxy.url,
                               CVMOCK_CONTRACT_TRAINING_KEY=TRAINING_KEY,
                               CVMOCK_CONTRACT_PREDICTION_ENDPOINT=proxy.url,
                               CVMOCK_CONTRACT_PREDICTION_KEY=PREDICTION_KEY,
                               CVMOCK_CONTRACT_PREDICTION_RESOURCE_ID=RESOURCE_ID,
                               CVMOCK_CONTRACT_IMAGE_BASE_URL=f"http://127.0.0.1:{images.server_address[1]}",
                               # Export downloads go to the upstream itself (as to Azure's blob storage), over HTTPS.
                               NODE_EXTRA_CA_CERTS=authority.ca, REQUESTS_CA_BUNDLE=authority.ca,
                               SSL_CERT_FILE=authority.ca)
            suite = subprocess.run(args.command, env=environment)
        images.shutdown()
        if args.keep:
            subprocess.run(["rm", "-rf", args.keep], check=True)
            subprocess.run(["cp", "-r", recording, args.keep], check=True)
        if suite.returncode != 0:
            print(f"the {args.suite} contract scenario failed through the proxy (exit {suite.returncode})")
            return suite.returncode
        status, out, err = support.verify(recording)
        print(out + err)
        return status


if __name__ == "__main__":
    sys.exit(main())
