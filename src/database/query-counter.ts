import { AbstractLogger, LogLevel, LogMessage } from 'typeorm';

/**
 * A TypeORM logger that only counts SQL statements. Tests use it to prove a constant number of
 * queries per request (no N+1); benchmarks to report statements per request.
 */
export class QueryCounter extends AbstractLogger {
  count = 0;

  override logQuery(): void {
    this.count++;
  }

  protected writeLog(_level: LogLevel, _message: LogMessage | LogMessage[]): void {
    // counting only
  }

  reset(): number {
    const n = this.count;
    this.count = 0;
    return n;
  }
}
