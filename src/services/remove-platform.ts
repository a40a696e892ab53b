import { AppError } from '../errors.js';
import type { PlatformRepository } from '../ports/storage.js';

export async function removePlatform(deps: { platforms: PlatformRepository }, id: string): Promise<void> {
  if (!(await deps.platforms.remove(id))) {
    throw new AppError(
      'not_found',
      `No platform has id '${id}'; list them with GET /api/admin/platforms or 'accredit platform list'.`,
    );
  }
}
