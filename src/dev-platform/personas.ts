/** LTI role URIs (LIS vocabulary) the development platform gives its personas. */
export const ltiRole = {
  learner: 'http://purl.imsglobal.org/vocab/lis/v2/membership#Learner',
  instructor: 'http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor',
  administrator: 'http://purl.imsglobal.org/vocab/lis/v2/membership#Administrator',
  institutionAdministrator: 'http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator',
  institutionStudent: 'http://purl.imsglobal.org/vocab/lis/v2/institution/person#Student',
  institutionFaculty: 'http://purl.imsglobal.org/vocab/lis/v2/institution/person#Faculty',
} as const;

export type PersonaKind = 'learner' | 'evaluator' | 'admin';

/** Someone a newcomer can play: a stable LTI subject, a name, an email and the roles a real LMS would send. */
export interface Persona {
  readonly id: string;
  /** The LTI `sub`: stable, so a relaunch finds the same attempts. */
  readonly subject: string;
  readonly givenName: string;
  readonly familyName: string;
  readonly email: string;
  readonly kind: PersonaKind;
  readonly roles: readonly string[];
}

export const personas: readonly Persona[] = [
  {
    id: 'ada',
    subject: 'dev-ada',
    givenName: 'Ada',
    familyName: 'Lovelace',
    email: 'ada@dev.accredit.example',
    kind: 'learner',
    roles: [ltiRole.learner, ltiRole.institutionStudent],
  },
  {
    id: 'grace',
    subject: 'dev-grace',
    givenName: 'Grace',
    familyName: 'Hopper',
    email: 'grace@dev.accredit.example',
    kind: 'learner',
    roles: [ltiRole.learner, ltiRole.institutionStudent],
  },
  {
    id: 'alan',
    subject: 'dev-alan',
    givenName: 'Alan',
    familyName: 'Turing',
    email: 'alan@dev.accredit.example',
    kind: 'evaluator',
    roles: [ltiRole.instructor, ltiRole.institutionFaculty],
  },
  {
    id: 'margaret',
    subject: 'dev-margaret',
    givenName: 'Margaret',
    familyName: 'Hamilton',
    email: 'margaret@dev.accredit.example',
    kind: 'admin',
    roles: [ltiRole.administrator, ltiRole.institutionAdministrator],
  },
];

export function personaById(id: string): Persona | undefined {
  return personas.find((p) => p.id === id);
}

export function personaBySubject(subject: string): Persona | undefined {
  return personas.find((p) => p.subject === subject);
}

export function fullName(persona: Persona): string {
  return `${persona.givenName} ${persona.familyName}`;
}
