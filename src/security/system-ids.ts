import { randomUUID } from 'node:crypto';
import type { Ids } from '../ports/ids.js';
import { randomToken } from './random-token.js';

export const systemIds: Ids = { uuid: () => randomUUID(), token: () => randomToken(18) };
