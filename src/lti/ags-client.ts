import { callService, type ServiceAnswer } from './service-answer.js';

const media = {
  lineItem: 'application/vnd.ims.lis.v2.lineitem+json',
  container: 'application/vnd.ims.lis.v2.lineitemcontainer+json',
  score: 'application/vnd.ims.lis.v1.score+json',
};

export interface LineItemQuery {
  readonly resourceLinkId: string;
  readonly resourceId: string;
  readonly tag: string;
}

/** The platform's answer, and the line item's URL when the call found or made one. */
export interface LineItemAnswer {
  readonly answer: ServiceAnswer;
  readonly url: string | undefined;
}

/** The largest number of container pages followed: a context with more line items is unusual. */
const maxPages = 20;

/** Assignment and Grade Services 2.0 calls (line items and scores), with a bearer token given. */
export class AgsClient {
  constructor(private readonly deps: { userAgent: string; timeoutMs: number }) {}

  /**
   * The line item of the container matching the link, resource and tag. Filters are sent as the
   * spec defines them, and checked again here: some platforms ignore them. Follows `Link: next`.
   */
  async findLineItem(token: string, lineItemsUrl: string, query: LineItemQuery): Promise<LineItemAnswer> {
    let url = withParams(lineItemsUrl, {
      resource_link_id: query.resourceLinkId,
      resource_id: query.resourceId,
      tag: query.tag,
    });
    for (let page = 0; page < maxPages; page += 1) {
      const answer = await callService(
        url,
        { method: 'GET', headers: this.headers(token, media.container) },
        this.deps.timeoutMs,
      );
      if (!answer.reached || answer.status >= 300) return { answer, url: undefined };
      const items = parseArray(answer.body);
      const match = items.find(
        (i) =>
          i.tag === query.tag &&
          i.resourceId === query.resourceId &&
          (i.resourceLinkId === undefined || i.resourceLinkId === query.resourceLinkId),
      );
      if (match && typeof match.id === 'string') return { answer, url: match.id };
      const next = nextLink(answer.headers.get('link'));
      if (!next) return { answer, url: undefined };
      url = next;
    }
    return { answer: { reached: false, error: `more than ${maxPages} pages of line items` }, url: undefined };
  }

  async createLineItem(
    token: string,
    lineItemsUrl: string,
    item: LineItemQuery & { label: string; scoreMaximum: number },
  ): Promise<LineItemAnswer> {
    const answer = await callService(
      lineItemsUrl,
      {
        method: 'POST',
        headers: { ...this.headers(token, media.lineItem), 'Content-Type': media.lineItem },
        body: JSON.stringify({
          label: item.label,
          scoreMaximum: item.scoreMaximum,
          resourceLinkId: item.resourceLinkId,
          resourceId: item.resourceId,
          tag: item.tag,
        }),
      },
      this.deps.timeoutMs,
    );
    if (!answer.reached || answer.status >= 300) return { answer, url: undefined };
    const created = parseObject(answer.body);
    if (typeof created?.id !== 'string') {
      return {
        answer: { ...answer, status: 502, body: `the created line item has no id: ${answer.body}` },
        url: undefined,
      };
    }
    return { answer, url: created.id };
  }

  /** POST `{lineitem}/scores`: the path gets `/scores`, the query string stays (AGS §3.4). */
  async postScore(token: string, lineItemUrl: string, score: unknown): Promise<{ answer: ServiceAnswer }> {
    const url = new URL(lineItemUrl);
    url.pathname = `${url.pathname.replace(/\/+$/, '')}/scores`;
    const answer = await callService(
      url.toString(),
      {
        method: 'POST',
        headers: { ...this.headers(token, 'application/json'), 'Content-Type': media.score },
        body: JSON.stringify(score),
      },
      this.deps.timeoutMs,
    );
    return { answer };
  }

  private headers(token: string, accept: string): Record<string, string> {
    return { Authorization: `Bearer ${token}`, Accept: accept, 'User-Agent': this.deps.userAgent };
  }
}

type LineItemJson = { id?: unknown; tag?: unknown; resourceId?: unknown; resourceLinkId?: unknown };

function parseArray(text: string): LineItemJson[] {
  try {
    const value = JSON.parse(text) as unknown;
    return Array.isArray(value)
      ? (value.filter((v) => typeof v === 'object' && v !== null) as LineItemJson[])
      : [];
  } catch {
    return [];
  }
}

function parseObject(text: string): LineItemJson | undefined {
  try {
    const value = JSON.parse(text) as unknown;
    return typeof value === 'object' && value !== null ? (value as LineItemJson) : undefined;
  } catch {
    return undefined;
  }
}

function withParams(base: string, params: Record<string, string>): string {
  const url = new URL(base);
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  return url.toString();
}

/** The `rel="next"` target of a Link header (RFC 8288), if any. */
function nextLink(header: string | null): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(',')) {
    const match = /<([^>]+)>\s*;(.*)/.exec(part.trim());
    if (match && /rel\s*=\s*"?next"?/i.test(match[2]!)) return match[1];
  }
  return undefined;
}
