import type { Program } from '../domain/content/program.js';

/**
 * Where a development launch goes: the learner's progress (a link without `course`), or one course
 * of the program the tool loaded (a link with the custom parameter `course`, as an admin or deep
 * linking would place it). Each destination is one resource link of the platform's one course.
 */
export interface Destination {
  /** Sent as `lti_message_hint` and read back at the authorization endpoint. */
  readonly id: string;
  readonly resourceLinkId: string;
  readonly title: string;
  readonly courseId: string | undefined;
}

export const progressDestination: Destination = {
  id: 'progress',
  resourceLinkId: 'dev-link-progress',
  title: 'Accreditation progress',
  courseId: undefined,
};

export function destinationsOf(program: Program): Destination[] {
  return [
    progressDestination,
    ...program.courses.map((course) => ({
      id: `course:${course.id}`,
      resourceLinkId: `dev-link-${course.id}`,
      title: course.title,
      courseId: course.id,
    })),
  ];
}

export function findDestination(program: Program, id: string): Destination | undefined {
  return destinationsOf(program).find((d) => d.id === id);
}

/** The LMS course (LTI context) every development launch comes from. */
export const devContext = {
  id: 'dev-context',
  label: 'ACCREDIT-DEV',
  title: 'Field accreditation (development)',
  type: ['http://purl.imsglobal.org/vocab/lis/v2/course#CourseOffering'],
} as const;
