// The simulation controls seen through the official Custom Vision JS SDKs: retries, failures, timeouts, quotas.
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const { startCvmock } = require("./cvmock");

// A 64x64 grey PNG per call, different for each seed, so uploads are not duplicates.
function tinyImages(count) {
  const zlib = require("node:zlib");
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type, data) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([length, body, sum]);
  };
  return Array.from({ length: count }, (_, i) => {
    const header = Buffer.alloc(13);
    header.writeUInt32BE(64, 0);
    header.writeUInt32BE(64, 4);
    header.set([8, 0, 0, 0, 0], 8);  // 8-bit greyscale
    const rows = [];
    for (let y = 0; y < 64; y++) {
      const row = Buffer.alloc(65);
      for (let x = 0; x < 64; x++) row[1 + x] = (x * (i + 3) + y * (i + 1)) & 0xff;
      rows.push(row);
    }
    return Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk("IHDR", header),
      chunk("IDAT", zlib.deflateSync(Buffer.concat(rows))),
      chunk("IEND", Buffer.alloc(0)),
    ]);
  });
}

async function trainableProject(training) {
  const project = await training.createProject("sdk", { classificationType: "Multiclass" });
  const images = tinyImages(10);
  for (const [index, name] of ["a", "b"].entries()) {
    const tag = await training.createTag(project.id, name);
    for (const image of images.slice(index * 5, index * 5 + 5)) {
      await training.createImagesFromData(project.id, image, { tagIds: [tag.id] });
    }
  }
  return project;
}

// The JS SDK 5.x does not retry a 429 by itself: its deserialization policy turns the 429 into a
// RestError before ms-rest-js's throttling policy sees it. So the app retries, waiting Retry-After;
// here the wait advances cvmock's fixed clock instead of sleeping.
test("a 429 reaches the SDK with Retry-After, and a retry after that long succeeds", async () => {
  const cvmock = await startCvmock(["--tier", "F0", "--clock", "fixed:2024-01-01T00:00:00Z"]);
  const wait = (seconds) => cvmock.admin("POST", "/clock/advance", { seconds });
  try {
    assert.equal((await cvmock.admin("PUT", "/config/tier", { otherPerSecond: 1 })).status, 200);
    await cvmock.training.getProjects();
    const error = await cvmock.training.getProjects().then(() => null, (e) => e);
    assert.ok(error, "the second call within a second was throttled");
    assert.equal(error.statusCode, 429);
    assert.equal(error.code, "429");
    const retryAfter = Number(error.response.headers.get("retry-after"));
    assert.equal(retryAfter, 1);
    assert.equal((await cvmock.training.getProjects().then(() => null, (e) => e)).statusCode, 429);
    await wait(retryAfter);
    assert.deepEqual(await cvmock.training.getProjects(), []);
    const journal = await cvmock.admin("GET", "/journal?operation=GetProjects");
    assert.deepEqual(journal.body.entries.map((e) => e.status), [200, 429, 429, 200]);
  } finally {
    await cvmock.stop();
  }
});

test("a forced Failed training is seen by the SDK", async () => {
  const cvmock = await startCvmock(["--training-mode", "immediate"]);
  try {
    const project = await trainableProject(cvmock.training);
    await cvmock.admin("POST", "/training/next", { outcome: "fail" });
    const started = await cvmock.training.trainProject(project.id);
    assert.equal(started.status, "Training");
    const done = await cvmock.training.getIteration(project.id, started.id);
    assert.equal(done.status, "Failed");
    assert.equal(done.trainedAt, undefined);
  } finally {
    await cvmock.stop();
  }
});

test("manual training mode: Training until the admin advances it", async () => {
  const cvmock = await startCvmock(["--training-mode", "manual"]);
  try {
    const project = await trainableProject(cvmock.training);
    const started = await cvmock.training.trainProject(project.id);
    assert.equal((await cvmock.training.getIteration(project.id, started.id)).status, "Training");
    assert.equal((await cvmock.admin("POST", "/training/advance")).body.released, 1);
    const done = await cvmock.training.getIteration(project.id, started.id);
    assert.equal(done.status, "Completed");
    assert.ok(done.trainedAt instanceof Date);
  } finally {
    await cvmock.stop();
  }
});

test("injected latency trips the SDK's timeout", async () => {
  const cvmock = await startCvmock();
  try {
    await cvmock.admin("POST", "/faults", { operation: "GetDomains", latencyMs: 1500, times: 1 });
    await assert.rejects(cvmock.training.getDomains({ timeout: 300 }));
    const domains = await cvmock.training.getDomains();
    assert.ok(domains.length > 0);
  } finally {
    await cvmock.stop();
  }
});

test("an injected service error surfaces as a RestError with the code", async () => {
  const cvmock = await startCvmock();
  try {
    await cvmock.admin("POST", "/faults", { operation: "CreateProject", status: 400, code: "BadRequestProjectName" });
    await assert.rejects(cvmock.training.createProject("x"), (error) => {
      assert.equal(error.statusCode, 400);
      assert.equal(error.code, "BadRequestProjectName");
      return true;
    });
    assert.deepEqual(await cvmock.training.getProjects(), []);
  } finally {
    await cvmock.stop();
  }
});

test("F0's project quota answers BadRequestExceedProjectLimit", async () => {
  const cvmock = await startCvmock(["--tier", "F0"]);
  try {
    await cvmock.training.createProject("one");
    await cvmock.training.createProject("two");
    await assert.rejects(cvmock.training.createProject("three"), (error) => {
      assert.equal(error.code, "BadRequestExceedProjectLimit");
      return true;
    });
  } finally {
    await cvmock.stop();
  }
});
