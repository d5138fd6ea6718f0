/**
 * Runs the checks: in this thread for one job, or on a pool of worker threads (lib/cli/worker.js), each
 * reading and checking one file at a time. Results come back in input order whatever finishes first.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Worker } from "worker_threads";
import type { FileReport } from "../engine/types";
import type { CheckJob } from "./check-file";

/**
 * The compiled worker beside this file (lib/cli/worker.js). Running from src/ (ts-jest) there is none, and
 * checks stay in this thread rather than mixing in a lib/ build that may be stale.
 */
export function workerScript(): string | null {
  const p = path.join(__dirname, "worker.js");
  return fs.existsSync(p) ? p : null;
}

export function cpuCount(): number {
  return typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length || 1;
}

/**
 * Threads when --jobs is not given. A worker costs ~0.35 s of CPU to start (it loads exceljs afresh), so
 * small batches stay in this thread. On 2 CPUs, bench/run.js measured --jobs 2 at 0.6–0.75× the speed of
 * --jobs 1 (200 files; the machine was shared), so 2-CPU machines stay on one thread. With more CPUs: one
 * per CPU less one, at most 4 (each worker holds a whole workbook in memory while reading it) — not
 * measured here, as no such machine was at hand.
 */
export const MIN_FILES_FOR_WORKERS = 8;
export function defaultJobs(files: number, cpus: number = cpuCount()): number {
  if (files < MIN_FILES_FOR_WORKERS || cpus <= 2) return 1;
  return Math.max(1, Math.min(files, cpus - 1, 4));
}

export type OnDone = (index: number, report: FileReport) => void;

export interface WorkerRequest {
  index: number;
  job: CheckJob;
}
export interface WorkerResponse {
  index: number;
  report: FileReport;
}

async function runInThread(jobs: CheckJob[], onDone: OnDone): Promise<FileReport[]> {
  // Loaded here, not at the top: with workers the main thread never needs exceljs (~0.4 s to load).
  const { checkFile } = await import("./check-file");
  const out: FileReport[] = [];
  for (let i = 0; i < jobs.length; i++) {
    out.push(await checkFile(jobs[i]));
    onDone(i, out[i]);
  }
  return out;
}

function crashed(job: CheckJob, why: string): FileReport {
  return {
    file: job.name,
    error: {
      code: "FILE_UNREADABLE",
      message: `检查该文件时工作线程意外退出（${why}），文件可能过大或已损坏`,
    },
    sheets: [],
  };
}

export async function runChecks(
  jobs: CheckJob[],
  threads: number,
  onDone: OnDone = () => {},
): Promise<FileReport[]> {
  const script = workerScript();
  const n = Math.min(threads, jobs.length);
  if (n <= 1 || !script) return runInThread(jobs, onDone);

  const results: (FileReport | undefined)[] = new Array(jobs.length);
  let next = 0;
  let finished = 0;

  return new Promise<FileReport[]>((resolve) => {
    const finish = (index: number, report: FileReport) => {
      if (results[index]) return;
      results[index] = report;
      finished++;
      onDone(index, report);
      if (finished === jobs.length) resolve(results as FileReport[]);
    };

    const start = () => {
      const worker = new Worker(script);
      let current = -1;
      const feed = () => {
        if (next >= jobs.length) {
          current = -1;
          void worker.terminate();
          return;
        }
        current = next++;
        worker.postMessage({ index: current, job: jobs[current] } satisfies WorkerRequest);
      };
      worker.on("message", (m: WorkerResponse) => {
        finish(m.index, m.report);
        feed();
      });
      // A worker that dies (out of memory on a huge file) costs only its current file; a new one takes over.
      const lost = (why: string) => {
        if (current < 0) return;
        const i = current;
        current = -1;
        finish(i, crashed(jobs[i], why));
        if (next < jobs.length) start();
      };
      worker.on("error", (e) => lost(e instanceof Error ? e.message.split("\n")[0] : String(e)));
      worker.on("exit", (code) => lost(`退出码 ${code}`));
      feed();
    };
    for (let i = 0; i < n; i++) start();
  });
}
