/** A pool thread: checks the files the main thread sends, one at a time, and posts back each FileReport. */
import { parentPort } from "worker_threads";
import { checkFile } from "./check-file";
import { preloadReader } from "../xlsx/read";
import type { WorkerRequest, WorkerResponse } from "./pool";

if (parentPort) {
  // The first job arrives once the main thread has read the profile and listed the files: load the
  // parser meanwhile.
  preloadReader();
  const port = parentPort;
  port.on("message", (m: WorkerRequest) => {
    void checkFile(m.job).then((report) =>
      port.postMessage({ index: m.index, report } satisfies WorkerResponse),
    );
  });
}
