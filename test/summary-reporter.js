/**
 * Prints one closing line CI can read whatever the runner: "Jest: N passed, N failed, N skipped".
 * Jest's own summary ("Tests: 868 passed, 868 total") does not say how many failed.
 */
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    process.stderr.write(`\nJest: ${results.numPassedTests} passed, ${results.numFailedTests} failed, ${skipped} skipped\n`);
  }
}
module.exports = SummaryReporter;
