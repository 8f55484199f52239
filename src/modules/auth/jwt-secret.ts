import { resolveSecret } from '../../config/secrets';

/** JWT_SECRET, or a random secret kept in `<dataDir>/jwt-secret`. */
export const resolveJwtSecret = (explicit: string | undefined, dataDir: string) => resolveSecret(explicit, dataDir, 'jwt-secret');
