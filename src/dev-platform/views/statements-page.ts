import { html } from '../../views/html.js';
import { fullName, personaBySubject } from '../personas.js';
import type { StatementLog, StoredStatement } from '../statement-log.js';
import { devLayout } from './dev-layout.js';
import { devStrings } from './dev-strings.js';

/** How many statements the viewer shows: the newest. */
const shownLimit = 200;

type Json = Record<string, unknown>;

/** GET /dev/statements: the statements the development LRS received, newest first, each readable and raw. */
export function statementsPage(input: {
  statements: StatementLog;
  /** This platform's LRS endpoint. */
  lrsEndpoint: string;
  /** LRS_ENDPOINT, when the tool sends its statements elsewhere. */
  externalLrs: string | undefined;
  root: string;
  asset: (file: string) => string;
}): string {
  const text = devStrings.statements;
  const shown = input.statements.newest(shownLimit);
  return devLayout({
    title: text.title,
    section: 'statements',
    root: input.root,
    asset: input.asset,
    main: html`<h1>${text.title}</h1>
<p>${text.intro(input.lrsEndpoint)}</p>
${input.externalLrs ? html`<p class="notice">${text.external(input.externalLrs)}</p>` : ''}
${
  shown.length === 0
    ? html`<p class="notice">${text.empty}</p>`
    : html`<p>${text.count(shown.length, input.statements.count)}</p>
<ol class="statements">
${shown.map(statementItem)}</ol>`
}`,
  });
}

function statementItem(stored: StoredStatement) {
  const text = devStrings.statements;
  const s = stored.statement as Json;
  const verb = s.verb as Json;
  const object = s.object as Json;
  const result = describeResult(s.result as Json | undefined);
  return html`<li class="statement" data-statement-id="${stored.statement.id}" data-verb="${String(verb.id ?? '')}">
<p class="statement-sentence"><strong class="actor">${actorName(s.actor as Json)}</strong> <span class="verb">${display(verb.display) ?? String(verb.id ?? '')}</span> <span class="object">${objectName(object)}</span></p>
<dl class="statement-facts">
${result ? html`<div><dt>${text.result}</dt><dd class="result">${result}</dd></div>` : ''}
<div><dt>${text.stored}</dt><dd><time datetime="${stored.stored}">${String(s.timestamp ?? stored.stored)}</time></dd></div>
</dl>
<details>
<summary>${text.raw}</summary>
<pre><code>${JSON.stringify(stored.statement, null, 2)}</code></pre>
</details>
</li>
`;
}

function actorName(actor: Json | undefined): string {
  const account = actor?.account as Json | undefined;
  const persona = typeof account?.name === 'string' ? personaBySubject(account.name) : undefined;
  if (persona) return fullName(persona);
  if (typeof actor?.name === 'string') return actor.name;
  if (typeof account?.name === 'string') return account.name;
  return typeof actor?.mbox === 'string' ? actor.mbox : '?';
}

function objectName(object: Json | undefined): string {
  const definition = object?.definition as Json | undefined;
  return display(definition?.name) ?? String(object?.id ?? '?');
}

/** A language map's English entry, or its first one. */
function display(map: unknown): string | undefined {
  if (typeof map !== 'object' || map === null) return undefined;
  const entries = map as Record<string, unknown>;
  const value = entries['en-US'] ?? entries.en ?? Object.values(entries)[0];
  return typeof value === 'string' ? value : undefined;
}

function describeResult(result: Json | undefined): string | undefined {
  if (!result) return undefined;
  const text = devStrings.statements;
  const score = result.score as Json | undefined;
  const parts = [
    typeof score?.scaled === 'number' ? text.score(Math.round(score.scaled * 1000) / 10) : undefined,
    typeof result.success === 'boolean' ? text.success(result.success) : undefined,
    result.completion === true ? text.completed : undefined,
    typeof result.duration === 'string' ? text.duration(result.duration) : undefined,
  ].filter((p) => p !== undefined);
  return parts.length > 0 ? parts.join(', ') : undefined;
}
