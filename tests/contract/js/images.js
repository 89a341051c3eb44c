// The scenario's images: fixtures written by cvmock-fixtures ($CVMOCK_FIXTURES_BIN) into a temporary folder and
// served on a loopback HTTP server, so the URL operations have something to fetch: one folder per shape for the
// classifier, and scenes/ (several shapes each, with their boxes) for the detector.
"use strict";

const { execFileSync } = require("node:child_process");
const fs = require("node:fs");
const http = require("node:http");
const os = require("node:os");
const path = require("node:path");

const CLASSES = ["circle", "square", "triangle"];
const PER_CLASS = 10;
const SCENES = 44;  // detection scenes; each holds 1-4 of the CLASSES

function generate() {
  const bin = process.env.CVMOCK_FIXTURES_BIN;
  if (!bin) throw new Error("set CVMOCK_FIXTURES_BIN to the cvmock-fixtures executable");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cvmock-contract-"));
  execFileSync(bin, ["--out", dir, "--classes", CLASSES.join(","), "--per-class", String(PER_CLASS), "--size", "256"]);
  execFileSync(bin, ["--detection", "--out", path.join(dir, "scenes"), "--classes", CLASSES.join(","),
    "--images", String(SCENES)]);
  return dir;
}

// The detection scenes in order: { rel, width, height, regions }, the ground truth cvmock-fixtures wrote beside
// each image (regions of { tagName, left, top, width, height }, normalised to the image's size).
function readScenes(dir) {
  const folder = path.join(dir, "scenes");
  return fs.readdirSync(folder).filter((name) => /^scene_\d+\.json$/.test(name)).sort().map((name) => {
    const truth = JSON.parse(fs.readFileSync(path.join(folder, name), "utf8"));
    return { rel: `scenes/${truth.image}`, width: truth.width, height: truth.height, regions: truth.regions };
  });
}

// Serves dir read-only on 127.0.0.1; resolves with the base URL and a close function.
function serve(dir) {
  const server = http.createServer((request, response) => {
    const file = path.join(dir, path.normalize(decodeURIComponent(request.url)).replace(/^(\.\.[/\\])+/, ""));
    fs.readFile(file, (error, bytes) => {
      if (error) {
        response.writeHead(404).end();
        return;
      }
      response.writeHead(200, { "Content-Type": file.endsWith(".png") ? "image/png" : "image/jpeg" }).end(bytes);
    });
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => resolve({
      baseUrl: `http://127.0.0.1:${server.address().port}`,
      close: () => new Promise((done) => server.close(done)),
    }));
  });
}

// { file(shape, index) → relative path, bytes(rel), url(rel) → URL or null, scenes (readScenes), close() }.
// Against the real service a loopback URL is unreachable: URLs then come from $CVMOCK_CONTRACT_IMAGE_BASE_URL (a
// public copy of the same folder, scenes/ included), or are null when it is unset and the URL steps skip.
async function openImages(target) {
  const dir = generate();
  const server = target.real ? null : await serve(dir);
  const publicBase = target.real ? process.env.CVMOCK_CONTRACT_IMAGE_BASE_URL : server.baseUrl;
  return {
    file: (shape, index) => {
      const stem = `${shape}/${shape}_${String(index).padStart(3, "0")}`;
      return fs.existsSync(path.join(dir, `${stem}.jpg`)) ? `${stem}.jpg` : `${stem}.png`;
    },
    bytes: (rel) => fs.readFileSync(path.join(dir, rel)),
    url: (rel) => (publicBase ? `${publicBase.replace(/\/+$/, "")}/${rel}` : null),
    scenes: readScenes(dir),
    close: async () => {
      if (server) await server.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

module.exports = { openImages, CLASSES };
