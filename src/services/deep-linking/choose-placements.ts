import type { Program } from '../../domain/content/program.js';
import { type DeepLinkingSettings, type Placement, placementRefusal } from '../../domain/deep-linking.js';
import { AppError } from '../../errors.js';

/** What the picker posts: the chosen items (`progress`, `course:<id>`) and a title per item. */
export interface PlacementChoice {
  readonly items: readonly string[];
  readonly titles: Readonly<Record<string, string>>;
}

export const progressItem = 'progress';
export const maxTitleLength = 200;

/** The title a placement gets when the person leaves it empty. */
export function defaultTitle(program: Program, item: string): string | undefined {
  if (item === progressItem) return 'Accreditation progress';
  const courseId = courseIdOf(item);
  return courseId === undefined ? undefined : program.courses.find((c) => c.id === courseId)?.title;
}

/**
 * The placements a person chose, checked against the loaded program and the request's settings:
 * only this program's courses or the progress page, one item unless the platform accepts several.
 * Nothing chosen is the form's problem (422); anything a page could not have sent is refused (400).
 */
export function choosePlacements(
  program: Program,
  settings: DeepLinkingSettings,
  choice: PlacementChoice,
): Placement[] {
  const refusal = placementRefusal(settings);
  if (refusal) throw new AppError('invalid_request', refusal);
  const items = [...new Set(choice.items)];
  if (items.length === 0) {
    throw new AppError('invalid_response', 'Choose what to place in the course.');
  }
  const unknown = items.filter((item) => defaultTitle(program, item) === undefined);
  if (unknown.length > 0) {
    throw new AppError(
      'invalid_request',
      `${unknown.map((i) => `'${i.slice(0, 100)}'`).join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not the progress page or a course of the program Accredit has loaded, so ${unknown.length === 1 ? 'it' : 'they'} cannot be placed.`,
    );
  }
  if (items.length > 1 && !settings.acceptMultiple) {
    throw new AppError(
      'invalid_request',
      `The platform accepts one item from this request, and ${items.length} were chosen.`,
    );
  }
  return items.map((item) => {
    const title = (choice.titles[item] ?? '').trim();
    if (title.length > maxTitleLength) {
      throw new AppError('invalid_request', `A title may have at most ${maxTitleLength} characters.`);
    }
    const chosenTitle = title === '' ? defaultTitle(program, item)! : title;
    const courseId = courseIdOf(item);
    return courseId === undefined
      ? { kind: 'progress', title: chosenTitle }
      : { kind: 'course', courseId, title: chosenTitle };
  });
}

function courseIdOf(item: string): string | undefined {
  return item.startsWith('course:') ? item.slice('course:'.length) : undefined;
}
