import type { RequestHandler } from 'express';
import { accreditationsOf, type Program } from '../../domain/content/program.js';
import { type DeepLinkingSettings, type Placement, placementRefusal } from '../../domain/deep-linking.js';
import type { Platform } from '../../domain/platform.js';
import type { Session } from '../../domain/session.js';
import { AppError } from '../../errors.js';
import { signDeepLinkingResponse } from '../../lti/deep-linking-response.js';
import {
  choosePlacements,
  defaultTitle,
  maxTitleLength,
  type PlacementChoice,
  progressItem,
} from '../../services/deep-linking/choose-placements.js';
import { deepLinkingOf } from '../../services/deep-linking/deep-linking-session.js';
import { deepLinkingPickerPage, deepLinkingReturnPage } from '../../views/pages/deep-linking-page.js';
import type { FormProblems } from '../../views/pages/form-errors.js';
import { strings } from '../../views/strings.js';
import { readForm } from '../read-form.js';
import type { ToolContext } from '../tool-context.js';
import { sessionPage } from './page-handler.js';

/** GET /deep-linking: the content picker of a deep linking launch. */
export function deepLinkingPickerHandler(tool: ToolContext): RequestHandler {
  return sessionPage(tool, async (_req, { session, links }) => {
    const settings = deepLinkingOf(session);
    return { html: deepLinkingPickerPage(pickerView(tool.programs.current, settings), links) };
  });
}

/**
 * POST /deep-linking: the person's choice becomes the signed LtiDeepLinkingResponse, on a page that
 * posts it to the request's return URL. Only the choice is read from the form; the platform, the
 * deployment, the return URL and `data` are the session's own.
 */
export function deepLinkingResponseHandler(tool: ToolContext): RequestHandler {
  return sessionPage(tool, async (req, { session, links }) => {
    const settings = deepLinkingOf(session);
    const program = tool.programs.current;
    const form = await readForm(req, req.res!);
    const cancelled = form.action === 'cancel';
    let placements: Placement[] = [];
    if (!cancelled) {
      const choice = choiceOf(form);
      try {
        placements = choosePlacements(program, settings, choice);
      } catch (err) {
        if (!(err instanceof AppError && err.code === 'invalid_response')) throw err;
        const problems: FormProblems = { fields: [{ field: 'item-1', message: err.message }] };
        return {
          html: deepLinkingPickerPage(pickerView(program, settings, { choice, problems }), links),
          status: 422,
        };
      }
    }
    const platform = await platformOf(tool, session);
    const jwt = await signDeepLinkingResponse(
      { keyRing: tool.keyRing, clock: tool.clock },
      {
        platform,
        deploymentId: session.launch.deploymentId,
        settings,
        placements,
        launchUrl: `${tool.config.publicUrl}/lti/launch`,
        message:
          placements.length > 0
            ? strings.deepLinking.placedMessage(placements.length)
            : strings.deepLinking.nothingPlaced,
      },
    );
    req.log.info(
      { platformId: platform.id, deploymentId: session.launch.deploymentId, placed: placements.length },
      'deep linking response signed',
    );
    return { html: deepLinkingReturnPage({ returnUrl: settings.returnUrl, jwt, placements }, links) };
  });
}

/** The session's platform, still registered and still holding the session's deployment. */
async function platformOf(tool: ToolContext, session: Session): Promise<Platform> {
  const platform = await tool.storage.platforms.findById(session.launch.platformId);
  if (!platform?.deploymentIds.includes(session.launch.deploymentId)) {
    throw new AppError(
      'forbidden',
      'The platform or deployment this deep linking request came from is no longer registered with Accredit; nothing can be placed.',
    );
  }
  return platform;
}

function choiceOf(form: Record<string, string | string[]>): PlacementChoice {
  const posted = form.item;
  const items = (Array.isArray(posted) ? posted : posted === undefined ? [] : [posted]).slice(0, 100);
  const titles: Record<string, string> = {};
  for (const [name, value] of Object.entries(form)) {
    if (name.startsWith('title:') && typeof value === 'string') titles[name.slice('title:'.length)] = value;
  }
  return { items, titles };
}

function pickerView(
  program: Program,
  settings: DeepLinkingSettings,
  sentBack?: { choice: PlacementChoice; problems: FormProblems },
) {
  const text = strings.deepLinking;
  const chosen = new Set(sentBack?.choice.items ?? []);
  const option = (item: string, label: string, detail: string | undefined) => ({
    item,
    label,
    detail,
    title: sentBack?.choice.titles[item] ?? defaultTitle(program, item)!,
    checked: chosen.has(item),
  });
  return {
    platformTitle: settings.title,
    refusal: placementRefusal(settings),
    multiple: settings.acceptMultiple,
    lineItems: settings.acceptLineItem === true,
    maxTitleLength,
    options: [
      option(progressItem, text.progress, undefined),
      ...program.courses.map((course) => {
        const in_ = accreditationsOf(program, course.id).map((a) => a.title);
        return option(
          `course:${course.id}`,
          text.course(course.title),
          in_.length > 0 ? text.inAccreditations(in_.join(', ')) : undefined,
        );
      }),
    ],
    ...(sentBack ? { problems: sentBack.problems } : {}),
  };
}
