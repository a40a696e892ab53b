import type { Program } from '../domain/content/program.js';
import type { Placement } from './placements.js';

/**
 * Where a development launch goes: the learner's progress (a link without `course`), one course
 * of the program the tool loaded (a link with the custom parameter `course`, as an admin would
 * place it by hand), or a link placed through deep linking (its own resource link id, title,
 * target and custom parameters). Each destination is one resource link of the platform's one course.
 */
export interface Destination {
  /** Sent as `lti_message_hint` and read back at the authorization endpoint. */
  readonly id: string;
  readonly resourceLinkId: string;
  readonly title: string;
  readonly courseId: string | undefined;
  readonly custom: Readonly<Record<string, string>>;
  /** The launch's target_link_uri when the link names one (placed links); the tool's launch URL otherwise. */
  readonly targetLinkUri: string | undefined;
  readonly placed: boolean;
}

export const progressDestination: Destination = {
  id: 'progress',
  resourceLinkId: 'dev-link-progress',
  title: 'Accreditation progress',
  courseId: undefined,
  custom: {},
  targetLinkUri: undefined,
  placed: false,
};

export function destinationsOf(program: Program, placements: readonly Placement[] = []): Destination[] {
  return [
    progressDestination,
    ...program.courses.map((course) => ({
      id: `course:${course.id}`,
      resourceLinkId: `dev-link-${course.id}`,
      title: course.title,
      courseId: course.id,
      custom: { course: course.id },
      targetLinkUri: undefined,
      placed: false,
    })),
    ...placements.map((p) => ({
      id: `placed:${p.resourceLinkId}`,
      resourceLinkId: p.resourceLinkId,
      title: p.title,
      courseId: p.custom.course,
      custom: p.custom,
      targetLinkUri: p.url,
      placed: true,
    })),
  ];
}

export function findDestination(
  program: Program,
  placements: readonly Placement[],
  id: string,
): Destination | undefined {
  return destinationsOf(program, placements).find((d) => d.id === id);
}

/** The LMS course (LTI context) every development launch comes from. */
export const devContext = {
  id: 'dev-context',
  label: 'ACCREDIT-DEV',
  title: 'Field accreditation (development)',
  type: ['http://purl.imsglobal.org/vocab/lis/v2/course#CourseOffering'],
} as const;
