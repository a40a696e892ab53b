import type { Statement } from './xapi-types.js';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
const isoDuration = /^P(?!$)(\d+Y)?(\d+M)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$/;
const utcTimestamp = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

function isIri(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  try {
    return new URL(value).protocol.length > 1;
  } catch {
    return false;
  }
}

/**
 * The xAPI 1.0.3 rules (Data 2.4) a statement must meet before it is queued; an empty list means
 * it may go. A statement the tool would send invalid is a bug, caught here rather than by the LRS.
 */
export function statementProblems(s: Statement, now: Date): string[] {
  const problems: string[] = [];
  const need = (ok: boolean, problem: string) => {
    if (!ok) problems.push(problem);
  };
  need(uuid.test(s.id), 'id must be a UUID');
  need(s.actor?.objectType === 'Agent', 'actor must be an Agent');
  need(
    isIri(s.actor?.account?.homePage) &&
      typeof s.actor?.account?.name === 'string' &&
      s.actor.account.name !== '',
    'actor.account needs an IRL homePage and a name',
  );
  need(
    Object.keys(s.actor ?? {}).filter((k) => ['mbox', 'mbox_sha1sum', 'openid', 'account'].includes(k))
      .length === 1,
    'actor must have exactly one identifier',
  );
  need(isIri(s.verb?.id), 'verb.id must be an IRI');
  need(
    s.object?.objectType === 'Activity' && isIri(s.object?.id),
    'object must be an Activity with an IRI id',
  );
  const score = s.result?.score;
  if (score) {
    if (score.scaled !== undefined)
      need(score.scaled >= -1 && score.scaled <= 1, 'result.score.scaled must be within [-1, 1]');
    if (score.min !== undefined && score.max !== undefined)
      need(score.min < score.max, 'result.score.min must be below max');
    if (score.raw !== undefined) {
      need(score.min === undefined || score.raw >= score.min, 'result.score.raw must not be below min');
      need(score.max === undefined || score.raw <= score.max, 'result.score.raw must not exceed max');
    }
  }
  if (s.result?.duration !== undefined)
    need(isoDuration.test(s.result.duration), 'result.duration must be an ISO 8601 duration');
  need(
    s.context?.registration === undefined || uuid.test(s.context.registration),
    'context.registration must be a UUID',
  );
  for (const [key, list] of Object.entries(s.context?.contextActivities ?? {})) {
    need(
      Array.isArray(list) && list.every((a) => isIri(a.id)),
      `context.contextActivities.${key} must be an array of activities`,
    );
  }
  need(utcTimestamp.test(s.timestamp), 'timestamp must be UTC ISO 8601 with milliseconds');
  need(Date.parse(s.timestamp) <= now.getTime() + 1000, 'timestamp must not be in the future');
  const definition = s.object?.definition;
  if (definition?.interactionType === 'choice') {
    need(
      Array.isArray(definition.choices) && definition.choices.length > 0,
      'a choice interaction needs choices',
    );
  }
  return problems;
}
