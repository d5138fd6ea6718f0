/**
 * Runs the checks, each file read and checked in a worker thread with a memory cap and a time limit, so
 * the worst file costs one FILE_UNREADABLE entry and the batch goes on — with one job and one file too.
 * Results come back in input order whatever finishes first. Running from src/ (ts-jest) there is no
 * compiled worker, and checks stay in this thread rather than mixing in a lib/ build that may be stale.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Worker } from "worker_threads";
import type { FileReport } from "../engine/types";
import type { CheckJob } from "./check-file";

/** The compiled worker beside this file (lib/cli/worker.js), or null when running from src/. */
export function workerScript(): string | null {
  const p = path.join(__dirname, "worker.js");
  return fs.existsSync(p) ? p : null;
}

export function cpuCount(): number {
  return typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length || 1;
}

/**
 * Workers when --jobs is not given. Every file is checked in a worker whatever this says; the question
 * is how many run at once. A worker costs ~0.2 s of CPU to start (it loads SheetJS and the engine), so
 * batches under 8 files use one. For larger batches, one per CPU, at most 4 (each holds a workbook while
 * reading it). bench/sections/30-batch.js, 200 files, on this 2-CPU machine shared with five other jobs:
 * --jobs 2 against --jobs 1 was 1.63× in the quietest run (load ~7) and 0.69–0.78× at load ~8.6 (two
 * CPUs already busy); issue 10 measured 1.20–1.25× on an idle 2-CPU machine, which is what a reviewer's
 * own computer is. --jobs 4 on 2 CPUs was never faster (0.60–0.95×). More than 4 CPUs: not measured.
 */
export const MIN_FILES_FOR_WORKERS = 8;
export function defaultJobs(files: number, cpus: number = cpuCount()): number {
  if (files < MIN_FILES_FOR_WORKERS) return 1;
  return Math.max(1, Math.min(files, cpus, 4));
}

export interface PoolLimits {
  /** Wall time for one file, read and check. */
  timeoutMs: number;
  /** V8 old-generation heap of one worker. */
  heapMb: number;
}

export const DEFAULT_POOL_LIMITS: PoolLimits = { timeoutMs: 15_000, heapMb: 512 };

export type OnDone = (index: number, report: FileReport) => void;

export interface WorkerRequest {
  index: number;
  job: CheckJob;
}
export interface WorkerResponse {
  index: number;
  report: FileReport;
}

function newWorker(script: string, limits: PoolLimits): Worker {
  return new Worker(script, {
    resourceLimits: { maxOldGenerationSizeMb: limits.heapMb, maxYoungGenerationSizeMb: 8 },
    stdout: false,
    stderr: false,
  });
}

/** A worker started ahead of the jobs (prewarm), taken by the first start() of runChecks. */
let spare: { worker: Worker; limits: PoolLimits } | null = null;

/**
 * Starts one worker now, so that its start-up (loading SheetJS and the engine, ~0.1–0.2 s) overlaps the
 * main thread's own (profile, paths). Unreferenced: an unused spare never keeps the process alive.
 */
export function prewarm(limits: PoolLimits = DEFAULT_POOL_LIMITS): void {
  const script = workerScript();
  if (!script || spare) return;
  spare = { worker: newWorker(script, limits), limits };
  spare.worker.unref();
}

/** Stops a spare worker that no run took (a usage error, or nothing to check). */
export function discardSpare(): void {
  if (spare) void spare.worker.terminate();
  spare = null;
}

function takeWorker(script: string, limits: PoolLimits): Worker {
  const s = spare;
  spare = null;
  if (s && s.limits.heapMb === limits.heapMb) {
    s.worker.ref();
    return s.worker;
  }
  if (s) void s.worker.terminate();
  return newWorker(script, limits);
}

async function runInThread(jobs: CheckJob[], onDone: OnDone): Promise<FileReport[]> {
  const { checkFile } = await import("./check-file");
  const out: FileReport[] = [];
  for (let i = 0; i < jobs.length; i++) {
    out.push(await checkFile(jobs[i]));
    onDone(i, out[i]);
  }
  return out;
}

function failed(job: CheckJob, message: string): FileReport {
  return { file: job.name, error: { code: "FILE_UNREADABLE", message }, sheets: [] };
}

function lostMessage(why: unknown, limits: PoolLimits): string {
  const code = (why as { code?: string })?.code;
  if (code === "ERR_WORKER_OUT_OF_MEMORY")
    return `读取该文件用尽了内存上限（${limits.heapMb} MB），文件可能过大或是恶意构造的，已跳过`;
  const msg = why instanceof Error ? why.message.split("\n")[0] : String(why);
  return `检查该文件时工作线程意外退出（${msg}），文件可能过大或已损坏`;
}

export async function runChecks(
  jobs: CheckJob[],
  threads: number,
  onDone: OnDone = () => {},
  limits: PoolLimits = DEFAULT_POOL_LIMITS,
): Promise<FileReport[]> {
  const script = workerScript();
  if (!script || jobs.length === 0) return runInThread(jobs, onDone);
  const n = Math.max(1, Math.min(threads, jobs.length));

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
      const worker = takeWorker(script, limits);
      let current = -1;
      let timer: NodeJS.Timeout | null = null;
      let gone = false;
      const stopTimer = () => {
        if (timer) clearTimeout(timer);
        timer = null;
      };
      // A worker that dies or overruns costs only its current file; a new one takes over the rest.
      const lose = (message: string) => {
        if (gone) return;
        gone = true;
        stopTimer();
        if (current >= 0) finish(current, failed(jobs[current], message));
        current = -1;
        void worker.terminate();
        if (next < jobs.length) start();
      };
      const feed = () => {
        stopTimer();
        if (next >= jobs.length) {
          current = -1;
          gone = true;
          void worker.terminate();
          return;
        }
        current = next++;
        timer = setTimeout(
          () =>
            lose(
              `检查该文件超过了时间上限（${limits.timeoutMs / 1000} 秒），文件可能过大或是恶意构造的，已跳过`,
            ),
          limits.timeoutMs,
        );
        worker.postMessage({ index: current, job: jobs[current] } satisfies WorkerRequest);
      };
      worker.on("message", (m: WorkerResponse) => {
        if (m.index !== current) return;
        current = -1;
        finish(m.index, m.report);
        feed();
      });
      worker.on("error", (e) => lose(lostMessage(e, limits)));
      worker.on("exit", (code) => lose(lostMessage(`退出码 ${code}`, limits)));
      feed();
    };
    for (let i = 0; i < n; i++) start();
  });
}
