import { Zip, ZipDeflate } from 'fflate';
import { once } from 'node:events';
import type { Writable } from 'node:stream';

const CHUNK = 64 * 1024;

/**
 * A ZIP archive written entry by entry straight to a stream (fflate's streaming Zip), honouring
 * back-pressure: text is buffered in chunks of 64 KiB, and after each chunk the writer waits
 * while the stream is full. Memory stays flat whatever the archive's size.
 */
export class ZipSink {
  private readonly zip: Zip;
  private readonly encoder = new TextEncoder();
  private file: ZipDeflate | null = null;
  private pending = '';
  private full = false;
  private failure: Error | null = null;

  constructor(private readonly out: Writable) {
    this.zip = new Zip((err, data, final) => {
      if (err) {
        this.failure = err;
        return;
      }
      if (!out.write(data)) this.full = true;
      if (final) out.end();
    });
  }

  /** Starts the next entry (the previous one is closed). */
  async open(name: string): Promise<void> {
    await this.close();
    this.file = new ZipDeflate(name, { level: 6 });
    this.zip.add(this.file);
  }

  /** Appends text (UTF-8) to the open entry. */
  async write(text: string): Promise<void> {
    this.pending += text;
    if (this.pending.length >= CHUNK) await this.flush(false);
  }

  /** Ends the archive. */
  async finish(): Promise<void> {
    await this.close();
    this.zip.end();
    this.check();
  }

  private async close(): Promise<void> {
    if (!this.file) return;
    await this.flush(true);
    this.file = null;
  }

  private async flush(final: boolean): Promise<void> {
    this.check();
    this.file!.push(this.encoder.encode(this.pending), final);
    this.pending = '';
    this.check();
    if (this.full) {
      this.full = false;
      await Promise.race([once(this.out, 'drain'), once(this.out, 'close')]);
      this.check();
    }
  }

  private check(): void {
    if (this.failure) throw this.failure;
    if (this.out.destroyed) throw new Error('the client closed the connection');
  }
}
