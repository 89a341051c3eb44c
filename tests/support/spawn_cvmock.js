// Starts a cvmock process for a Node test: resolves with { endpoint, stop } once cvmock prints its address.
"use strict";

const { spawn } = require("node:child_process");

// `bin` is the cvmock executable, `args` its flags (--port 0 picks a free port, which cvmock then prints).
function spawnCvmock(bin, args) {
  const child = spawn(bin, args, { stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((resolve, reject) => {
    let output = "";
    child.on("exit", (code) => reject(new Error(`cvmock exited with ${code}: ${output}`)));
    const onData = (chunk) => {
      output += chunk;
      const found = /listening on (http:\/\/\S+)/.exec(output);
      if (!found) return;
      child.stdout.off("data", onData);
      child.stdout.resume();  // keep draining what cvmock prints later
      child.removeAllListeners("exit");
      resolve({
        endpoint: found[1],
        stop: () => new Promise((done) => { child.on("exit", done); child.kill("SIGTERM"); }),
      });
    };
    child.stdout.on("data", onData);
  });
}

module.exports = { spawnCvmock };
