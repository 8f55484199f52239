/**
 * Prints one plain closing line after everything Jest prints: "jest: N passed, N failed,
 * N skipped", a form CI tooling reads whatever the test runner. Jest writes its own summary to
 * stderr after the custom reporters run, so the line goes to stderr when the process exits.
 */
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    const line = `jest: ${results.numPassedTests} passed, ${results.numFailedTests} failed, ${skipped} skipped\n`;
    process.once('exit', () => process.stderr.write(line));
  }
}
module.exports = SummaryReporter;
