/**
 * The timestamp a score goes out with: when the event happened, but strictly after the last score
 * sent for the same line item and user (AGS requires strictly increasing timestamps, and a platform
 * keeps whichever score is newest).
 */
export function scoreTimestamp(eventAt: Date, lastSent: Date | undefined): Date {
  if (lastSent && eventAt.getTime() <= lastSent.getTime()) return new Date(lastSent.getTime() + 1);
  return eventAt;
}
