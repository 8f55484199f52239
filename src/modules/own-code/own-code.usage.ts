import { EntityManager } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user';
import { badInput } from '../../common/errors/domain-error';
import { visibleOwnCodes } from '../access/access.rules';
import { applyTo } from '../access/sql-fragment';
import { OwnCodeEntity } from './own-code.entity';

/**
 * The own codes a coding of `pilotId`'s observation may use: each one the caller sees, live,
 * and shared or of that pilot. `field` names the input list in the error. A plain function, so
 * the observation module can ask it without depending on the own-code module (which depends on it).
 */
export async function assertOwnCodesUsable(em: EntityManager, actor: AuthUser, pilotId: string, ids: string[], field: string): Promise<void> {
  if (!ids.length) return;
  const qb = em.getRepository(OwnCodeEntity).createQueryBuilder('c').where('c.id IN (:...ids)', { ids });
  const found = new Map((await applyTo(qb, visibleOwnCodes(actor, 'c')).getMany()).map((c) => [c.id, c]));
  ids.forEach((id, i) => {
    const code = found.get(id);
    if (!code) throw badInput(`${field}.${i}`, 'is no own code you may use');
    if (code.mergedIntoId) throw badInput(`${field}.${i}`, `was merged into ${code.mergedIntoId}: use that code`);
    if (code.retiredAt) throw badInput(`${field}.${i}`, 'is retired: it takes no new codings');
    if (code.pilotId && code.pilotId !== pilotId) throw badInput(`${field}.${i}`, 'is kept to another pilot');
  });
}
