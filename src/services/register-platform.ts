import { randomUUID } from 'node:crypto';
import type { NewPlatform, Platform } from '../domain/platform.js';
import { AppError } from '../errors.js';
import type { Clock } from '../ports/clock.js';
import type { PlatformRepository } from '../ports/storage.js';

/** Registers a platform; a second registration of the same issuer and client id is a conflict. */
export async function registerPlatform(
  deps: { platforms: PlatformRepository; clock: Clock },
  input: NewPlatform,
): Promise<Platform> {
  const id = randomUUID();
  const outcome = await deps.platforms.create({ ...input, id, createdAt: deps.clock.now() });
  if (outcome === 'duplicate') {
    const existing = await deps.platforms.findByIssuerAndClientId(input.issuer, input.clientId);
    throw new AppError(
      'conflict',
      `A platform with issuer '${input.issuer}' and client id '${input.clientId}' is already registered${existing ? ` (id ${existing.id}, '${existing.name}')` : ''}; remove it first or use another client id.`,
    );
  }
  const created = await deps.platforms.findById(id);
  if (!created) throw new Error(`platform ${id} vanished right after it was created`);
  return created;
}
