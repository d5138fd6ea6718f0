/**
 * scripts/serve-demo.js against hostile requests: it never throws (NUL bytes, bad encodings → 400),
 * every response carries CSP, nosniff and frame protection, and only loopback Host headers are served.
 */
import * as fs from "fs";
import * as http from "http";
import * as path from "path";
import type { AddressInfo } from "net";
import { tmp } from "./helpers";
const { startServer, isLoopbackHost } = require("../../scripts/serve-demo.js");

let dir: string;
let server: http.Server;
let port: number;

beforeAll(async () => {
  dir = tmp("ziping-serve-");
  fs.writeFileSync(path.join(dir, "index.html"), "<!doctype html><title>demo</title>");
  const started = await startServer({ port: 0, dir });
  server = started.server;
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
  fs.rmSync(dir, { recursive: true, force: true });
});

function get(urlPath: string, host?: string): Promise<{ status: number; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ port, path: urlPath, headers: host ? { Host: host } : {} }, (res) => {
      res.resume();
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
    });
    req.on("error", reject);
    req.end();
  });
}

test.each([
  ["/", 200],
  ["/%00", 400],
  ["/a%00b.html", 400],
  ["/%zz", 400],
  ["/%C0%AE", 400],
  ["/%0d%0aSet-Cookie:x", 400],
  ["/../../etc/passwd", 404],
  ["/missing.js", 404],
])("%s → %i with CSP, nosniff and frame protection", async (p, status) => {
  const r = await get(p);
  expect(r.status).toBe(status);
  expect(r.headers["content-security-policy"]).toContain("script-src 'self'");
  expect(r.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(r.headers["x-content-type-options"]).toBe("nosniff");
  expect(r.headers["x-frame-options"]).toBe("DENY");
});

test("the server is still up after the hostile requests", async () => {
  await get("/%00");
  expect((await get("/")).status).toBe(200);
});

test("only loopback Host headers", async () => {
  expect((await get("/", "evil.example")).status).toBe(403);
  expect((await get("/", `127.0.0.1:${port}`)).status).toBe(200);
  expect(isLoopbackHost("localhost")).toBe(true);
  expect(isLoopbackHost("[::1]:8080")).toBe(true);
  expect(isLoopbackHost("127.0.0.1.evil.example")).toBe(false);
  expect(isLoopbackHost(undefined)).toBe(false);
});
