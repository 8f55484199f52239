import { Logger } from '@nestjs/common';
import { AbstractLogger, LogLevel, LogMessage, QueryRunner } from 'typeorm';

/**
 * TypeORM's own log lines, without SQL parameters: TypeORM's default loggers print a failed
 * query with its parameters (the submitted data). Query failures are logged once, by the error
 * path of the request (safeError), so they are not repeated here; migrations and warnings are.
 */
export class SafeTypeOrmLogger extends AbstractLogger {
  private readonly logger = new Logger('TypeORM');

  override logQuery(): void {
    // Statements are not logged (they may carry values in literals written by TypeORM).
  }

  override logQueryError(): void {
    // Logged once by the request's error path, without data.
  }

  override logQuerySlow(time: number, _query: string, _parameters?: unknown[], _runner?: QueryRunner): void {
    this.logger.warn({ ms: time }, 'slow query');
  }

  protected writeLog(level: LogLevel, message: LogMessage | LogMessage[]): void {
    const messages = Array.isArray(message) ? message : [message];
    for (const m of messages) {
      const text = typeof m.message === 'string' ? m.message : String(m.message);
      if (level === 'warn') this.logger.warn(text);
      else if (level === 'error') this.logger.error(text);
      else this.logger.log(text);
    }
  }
}
