import { z } from 'zod';

/** The body of PUT /api/attempts/:attemptId/responses/:questionId: the shown option ids picked. */
export const responseInputSchema = z.strictObject({
  selected: z.array(z.string().min(1).max(16)).max(8, 'may pick at most 8 options'),
});
