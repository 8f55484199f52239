import { createHmac } from 'node:crypto';

/**
 * The stored form of a panel key: HMAC-SHA256 with the server's secret, per pilot. The same
 * person's key gives the same hash in every wave of the pilot; the key itself is never stored,
 * and without the secret the hash cannot be turned back into it or recomputed from a guess.
 */
export const panelHash = (secret: string, pilotId: string, panelKey: string): string =>
  createHmac('sha256', secret).update(`${pilotId}\u0000${panelKey.trim()}`).digest('hex');
