/** One action on a submission, kept for good: who did what, when, and what changed. */
export interface AuditEvent {
  readonly id: string;
  readonly submissionId: string;
  readonly at: Date;
  readonly actor: {
    readonly platformId: string;
    readonly subject: string;
    readonly name: string | undefined;
  };
  readonly action:
    | 'submitted'
    | 'withdrawn'
    | 'claimed'
    | 'evaluated'
    | 'sent_to_second_marking'
    | 'sent_to_moderation'
    | 'ready_for_release'
    | 'released'
    | 'appealed';
  readonly details: Readonly<Record<string, unknown>>;
}
