#!/usr/bin/env node
/**
 * `npm run demo`: builds the demo when dist/demo is missing or older than its sources, then serves
 * it on http://localhost:8080 (or $PORT) until stopped. A tiny static server on node:http: local
 * files only, no directory listings, nothing outside dist/demo.
 *
 * Also used by the end-to-end tests: require it for isStale / build / startServer.
 */
const http = require("http");
const fs = require("fs");
const path = require("path");
const { spawnSync } = require("child_process");

const root = path.resolve(__dirname, "..");
const DIST = path.join(root, "dist/demo");
/** What the demo is built from: a change to any of these makes dist/demo stale. */
const SOURCES = [
  "src",
  "assets/samples",
  "build/webpack.demo.js",
  "build/demo-sample-loader.js",
  "package.json",
  "tsconfig.json",
];

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

function newestMtime(p) {
  let st;
  try {
    st = fs.statSync(p);
  } catch {
    return 0;
  }
  if (!st.isDirectory()) return st.mtimeMs;
  let max = 0;
  for (const e of fs.readdirSync(p)) max = Math.max(max, newestMtime(path.join(p, e)));
  return max;
}

/** True when dist/demo/index.html is missing or older than any source. */
function isStale() {
  let built;
  try {
    built = fs.statSync(path.join(DIST, "index.html")).mtimeMs;
  } catch {
    return true;
  }
  return SOURCES.some((s) => newestMtime(path.join(root, s)) > built);
}

/** Production build of the demo in a child process; throws with webpack's output when it fails. */
function build({ quiet = false } = {}) {
  const cli = require.resolve("webpack-cli/bin/cli.js", { paths: [root] });
  const res = spawnSync(
    process.execPath,
    [cli, "--config", path.join(root, "build/webpack.demo.js"), "--mode", "production"],
    {
      cwd: root,
      encoding: "utf8",
      stdio: quiet ? "pipe" : "inherit",
    },
  );
  if (res.status !== 0) {
    throw new Error(
      `演示页面构建失败（webpack 退出码 ${res.status}）${quiet ? "：\n" + (res.stdout || "") + (res.stderr || "") : ""}`,
    );
  }
}

function ensureBuilt(opts) {
  if (isStale()) {
    build(opts);
    return true;
  }
  return false;
}

/**
 * Sent with every response, errors included. The page's own meta tag says the same, but a header also
 * covers the error pages and cannot be dropped by an injected document; frame-ancestors and
 * X-Frame-Options keep other sites from framing the demo.
 */
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
  "connect-src 'self'; font-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";
const SECURITY_HEADERS = {
  "Content-Security-Policy": CSP,
  "X-Content-Type-Options": "nosniff",
  "X-Frame-Options": "DENY",
  "Referrer-Policy": "no-referrer",
  "Cross-Origin-Resource-Policy": "same-origin",
};

/**
 * Only the names this machine goes by: a page elsewhere that rebinds its own name to 127.0.0.1 (DNS
 * rebinding) sends its own Host header and is refused.
 */
function isLoopbackHost(host) {
  if (typeof host !== "string") return false;
  const m = /^(\[[^\]]+\]|[^:]+)(?::(\d{1,5}))?$/.exec(host.trim().toLowerCase());
  if (!m) return false;
  const name = m[1];
  return name === "localhost" || name === "[::1]" || /^127(\.\d{1,3}){3}$/.test(name);
}

function send(res, status, body, headers = {}) {
  if (res.headersSent) return res.end();
  res.writeHead(status, { ...SECURITY_HEADERS, "Content-Type": "text/plain; charset=utf-8", ...headers });
  res.end(body);
}

/** The file a request names inside base, or an HTTP status for why not. */
function resolveRequest(base, url) {
  let pathname;
  try {
    pathname = decodeURIComponent(new URL(url || "/", "http://localhost").pathname);
  } catch {
    return 400; // malformed percent-encoding
  }
  // NUL and other control characters are never in a file name we serve (fs would throw on NUL).
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(pathname)) return 400;
  if (pathname.endsWith("/")) pathname += "index.html";
  const file = path.resolve(base, "." + pathname);
  if (file !== base && !file.startsWith(base + path.sep)) return 403;
  return file;
}

function handle(base, req, res) {
  if (!isLoopbackHost(req.headers.host))
    return send(res, 403, "只接受本机访问（Host 必须是 localhost 或 127.0.0.1）");
  if (req.method !== "GET" && req.method !== "HEAD") return send(res, 405, "", { Allow: "GET, HEAD" });
  const file = resolveRequest(base, req.url);
  if (typeof file === "number") return send(res, file, file === 400 ? "请求无效" : "禁止访问");
  fs.stat(file, (err, st) => {
    try {
      if (err || !st.isFile()) return send(res, 404, "未找到");
      res.writeHead(200, {
        ...SECURITY_HEADERS,
        "Content-Type": TYPES[path.extname(file).toLowerCase()] || "application/octet-stream",
        "Content-Length": st.size,
        "Cache-Control": "no-cache",
      });
      if (req.method === "HEAD") return res.end();
      const stream = fs.createReadStream(file);
      stream.on("error", () => res.destroy());
      stream.pipe(res);
    } catch {
      send(res, 500, "服务器内部错误");
    }
  });
}

/** Serves dir on port (0: any free port). Resolves with { server, port, url }. Never throws per request. */
function startServer({ port = 8080, dir = DIST, host = "127.0.0.1" } = {}) {
  const base = path.resolve(dir);
  const server = http.createServer((req, res) => {
    try {
      handle(base, req, res);
    } catch {
      send(res, 500, "服务器内部错误");
    }
  });
  // A malformed request line is answered 400 by node itself; keep the server alive on socket errors.
  server.on("clientError", (_e, socket) => {
    if (socket.writable) socket.end("HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n");
    else socket.destroy();
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      const actual = server.address().port;
      resolve({ server, port: actual, url: `http://localhost:${actual}/` });
    });
  });
}

async function main() {
  const port = process.env.PORT ? Number(process.env.PORT) : 8080;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`PORT 无效：“${process.env.PORT}”。请给出 0–65535 之间的端口号。`);
    process.exit(2);
  }
  try {
    if (isStale()) {
      console.log("正在构建演示页面（webpack，生产模式）…");
      build();
    }
  } catch (e) {
    console.error(e.message);
    process.exit(1);
  }
  let started;
  try {
    // localhost only: the demo is for this machine, and nothing in it needs the network.
    started = await startServer({ port, host: "localhost" });
  } catch (e) {
    const why =
      e && e.code === "EADDRINUSE"
        ? `端口 ${port} 已被占用，请换一个：PORT=8081 npm run demo`
        : String(e && e.message);
    console.error(`无法启动演示服务器：${why}`);
    process.exit(1);
  }
  console.log(`演示已启动：${started.url}  （按 Ctrl+C 停止）`);
  const stop = () => {
    started.server.close(() => process.exit(0));
    started.server.closeAllConnections();
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

module.exports = { isStale, build, ensureBuilt, startServer, isLoopbackHost, SECURITY_HEADERS, DIST };

if (require.main === module) void main();
