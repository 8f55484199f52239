import { SingleBar, Presets } from 'cli-progress';

/**
 * Progress of one phase of a long job: a bar with rate and ETA on a terminal, and a plain line
 * every 10 % elsewhere (CI logs), then one summary line with the time taken.
 */
export class Progress {
  private readonly bar: SingleBar | null;
  private readonly started = Date.now();
  private value = 0;
  private lastDecile = 0;

  constructor(
    private readonly phase: string,
    private readonly total: number,
  ) {
    this.bar = process.stdout.isTTY
      ? new SingleBar(
          { format: `${phase.padEnd(28)} [{bar}] {percentage}% {value}/{total} {rate}/s ETA {eta_formatted}`, hideCursor: true },
          Presets.shades_classic,
        )
      : null;
    this.bar?.start(total, 0, { rate: '0' });
  }

  tick(n = 1): void {
    this.value += n;
    const seconds = (Date.now() - this.started) / 1000;
    const rate = seconds > 0 ? Math.round(this.value / seconds) : 0;
    if (this.bar) {
      this.bar.update(this.value, { rate: String(rate) });
      return;
    }
    const decile = Math.floor((this.value / Math.max(1, this.total)) * 10);
    if (decile > this.lastDecile && decile < 10) {
      this.lastDecile = decile;
      console.log(`  ${this.phase}: ${decile * 10} % (${this.value}/${this.total}, ${rate}/s)`);
    }
  }

  /** Stops the bar and prints the phase's time; returns seconds. */
  done(): number {
    this.bar?.stop();
    const seconds = (Date.now() - this.started) / 1000;
    console.log(
      `✓ ${this.phase}: ${this.value.toLocaleString('en')} in ${seconds.toFixed(1)} s (${Math.round(this.value / Math.max(seconds, 0.001)).toLocaleString('en')}/s)`,
    );
    return seconds;
  }
}
