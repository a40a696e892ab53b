import { z } from 'zod';

const httpUrl = z
  .string()
  .max(2000, 'must be at most 2000 characters')
  .refine((v) => {
    try {
      const url = new URL(v);
      return url.protocol === 'https:' || url.protocol === 'http:';
    } catch {
      return false;
    }
  }, 'must be an http(s) URL, e.g. https://drive.example.com/recording.mp4');

/** POST /api/courses/:courseId/practical/submissions: links to recordings or documents, and notes. */
export const evidenceInputSchema = z
  .strictObject({
    links: z
      .array(z.strictObject({ url: httpUrl, title: z.string().trim().min(1).max(200).optional() }))
      .max(10, 'may hold at most 10 links')
      .default([]),
    notes: z.string().trim().min(1).max(10_000, 'must be at most 10,000 characters').optional(),
  })
  .refine((e) => e.links.length > 0 || e.notes !== undefined, {
    message: 'give at least one link or some notes',
  });

/** POST /api/practical-submissions/:id/appeal */
export const appealInputSchema = z.strictObject({
  reason: z.string().trim().min(10, 'must say why, in at least 10 characters').max(2000),
});

const id = z.string().min(1).max(64);

/** PUT /api/practical-submissions/:id/evaluation: a level per criterion, comments, an overall comment. */
export const evaluationInputSchema = z.strictObject({
  scores: z
    .array(
      z.strictObject({
        criterionId: id,
        levelId: id,
        comment: z.string().trim().min(1).max(4000).optional(),
        at: z.string().max(10).optional(),
      }),
    )
    .min(1, 'needs a level for every criterion')
    .max(50),
  comment: z.string().trim().min(1).max(8000).optional(),
});

/** POST /api/evaluator/calibration/:courseId/:referenceId: a level per criterion. */
export const calibrationInputSchema = z.strictObject({
  levels: z.record(id, id),
});
