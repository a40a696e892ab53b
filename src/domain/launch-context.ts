import type { DeepLinkingSettings } from './deep-linking.js';
import type { GradeService } from './grade-passback/grade-service.js';
import type { Role } from './role.js';

/** Who launched, from where and into what: everything the rest of the tool needs from an LTI launch. */
export interface LaunchContext {
  readonly platformId: string;
  readonly issuer: string;
  readonly deploymentId: string;
  readonly messageType: 'LtiResourceLinkRequest' | 'LtiDeepLinkingRequest';
  /** The LTI subject: stable per user and platform. */
  readonly subject: string;
  readonly roles: readonly Role[];
  /** The roles exactly as the platform sent them, for audit. */
  readonly ltiRoles: readonly string[];
  readonly name: string | undefined;
  readonly email: string | undefined;
  readonly context: { readonly id: string; readonly title: string | undefined } | undefined;
  readonly resourceLink: { readonly id: string; readonly title: string | undefined } | undefined;
  /** The course the launch targets (custom claim `course`); none means the learner's progress page. */
  readonly courseId: string | undefined;
  readonly custom: Readonly<Record<string, string>>;
  /** The AGS endpoint claim, when the platform offers grade passback for this link. */
  readonly gradeService: GradeService | undefined;
  /** A deep linking request's settings: what the response may place, and where it goes. */
  readonly deepLinking: DeepLinkingSettings | undefined;
}
