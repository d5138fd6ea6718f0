/**
 * Prints one closing line CI can read whatever the runner: "Jest: N passed, N failed, N skipped".
 * Jest's own summary ("Tests: 868 passed, 868 total") does not say how many failed. Written on exit
 * so that it is the last line, after Jest's summary.
 */
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    const line = `\nJest: ${results.numPassedTests} passed, ${results.numFailedTests} failed, ${skipped} skipped\n`;
    process.once("exit", () => process.stderr.write(line));
  }
}
module.exports = SummaryReporter;
