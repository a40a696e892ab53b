import type { RequestHandler } from 'express';
import { bodyOf } from './ags-handlers.js';
import { deepLinkingHintPrefix } from './authorization-request.js';
import { devContext } from './destinations.js';
import type { DevPlatformContext } from './dev-platform-context.js';
import { loginInitiationUrl } from './login-initiation.js';
import { personaById } from './personas.js';
import type { Placement } from './placements.js';
import { problemPage } from './views/problem-page.js';

/**
 * POST /dev/deep-linking: "Add Accredit content to the course". An instructor or admin persona
 * starts a deep linking request, which goes to the tool through the same third-party login as any
 * launch; the login hint names the persona, the message hint the request.
 */
export function startDeepLinking(ctx: DevPlatformContext): RequestHandler {
  return (req, res) => {
    const persona = personaById(String(bodyOf(req).persona ?? ''));
    if (!persona || persona.kind === 'learner') {
      res
        .status(400)
        .type('html')
        .send(
          problemPage({
            problems: ['Pick an instructor or an admin to add content: learners cannot change the course.'],
            root: ctx.urls.issuer,
            asset: ctx.asset,
          }),
        );
      return;
    }
    const request = ctx.deepLinking.start(persona);
    res.setHeader('Cache-Control', 'no-store');
    res.redirect(
      303,
      loginInitiationUrl(ctx.urls, persona, { messageHint: `${deepLinkingHintPrefix}${request.id}` }),
    );
  };
}

/**
 * POST /dev/deep-linking/return: the tool's deep linking response. A verified response becomes new
 * links of the course (with a line item in the gradebook for each item that carries one); anything
 * else is refused with every problem found.
 */
export function deepLinkingReturn(ctx: DevPlatformContext): RequestHandler {
  return async (req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    const answer = await ctx.deepLinkingReturns.read(bodyOf(req).JWT);
    if ('problems' in answer) {
      req.log.warn({ problems: answer.problems }, 'development platform refused a deep linking response');
      res
        .status(400)
        .type('html')
        .send(problemPage({ problems: answer.problems, root: ctx.urls.issuer, asset: ctx.asset }));
      return;
    }
    const now = ctx.clock.now();
    const placements: Placement[] = [];
    for (const link of answer.links) {
      const lineItem = link.lineItem
        ? await ctx.gradebook.createLineItem(
            devContext.id,
            {
              label: link.lineItem.label || link.title,
              scoreMaximum: link.lineItem.scoreMaximum,
              resourceLinkId: link.resourceLinkId,
              ...(link.lineItem.resourceId ? { resourceId: link.lineItem.resourceId } : {}),
              ...(link.lineItem.tag ? { tag: link.lineItem.tag } : {}),
            },
            now,
          )
        : undefined;
      placements.push({
        resourceLinkId: link.resourceLinkId,
        title: link.title,
        url: link.url,
        custom: link.custom,
        lineItemId: lineItem?.id,
        addedBy: answer.request.persona.subject,
        addedAt: now.toISOString(),
      });
    }
    await ctx.placements.add(placements);
    req.log.info({ placed: placements.length }, 'development platform placed deep linking content');
    res.redirect(303, `${ctx.urls.startPage}?placed=${placements.length}`);
  };
}
