import type { ScenarioResult } from './runner';

const seconds = (ms: number | undefined) => (ms ?? 0) / 1000;

/**
 * JUnit XML: one suite per scenario, one test case per step with its time; a failed step is a failure, one
 * that did not run is skipped, and `system-out` holds the step's answer status and message.
 */
export async function scenarioJUnitXml(results: readonly ScenarioResult[]): Promise<string> {
  // Loaded when a report is written, not with the simulator, which never writes one.
  const { default: junitReportBuilder } = await import('junit-report-builder');
  const builder = junitReportBuilder.newBuilder().name('smsim run');
  for (const result of results) {
    const suite = builder
      .testSuite()
      .name(result.name)
      .timestamp(result.startedAt)
      .time(seconds(result.durationMs));
    for (const step of result.steps) {
      const out = [step.status === undefined ? '' : `→ ${step.status}`, step.message ?? ''].filter(Boolean);
      const testCase = suite
        .testCase()
        .className(`smsim.run.${step.action}`)
        .name(step.title)
        .time(seconds(step.durationMs));
      if (out.length) testCase.standardOutput(out.join('\n'));
      if (step.state === 'failed') testCase.failure(step.message ?? 'failed', 'ScenarioStepFailed');
      else if (step.state !== 'passed') testCase.skipped();
    }
  }
  return builder.build();
}
