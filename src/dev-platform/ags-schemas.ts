import { z } from 'zod';
import { activityProgressValues, gradingProgressValues } from './gradebook.js';

const optionalText = (max: number) => z.string().trim().min(1).max(max).optional();

/** A line item as a tool POSTs it to the container (AGS 2.0 §3.2). */
export const newLineItemSchema = z.object({
  label: z.string().trim().min(1, 'must not be empty').max(500),
  scoreMaximum: z.number().positive('must be greater than 0'),
  resourceLinkId: optionalText(255),
  resourceId: optionalText(255),
  tag: optionalText(255),
  startDateTime: z.iso.datetime({ offset: true }).optional(),
  endDateTime: z.iso.datetime({ offset: true }).optional(),
  gradesReleased: z.boolean().optional(),
});

/** A score as a tool POSTs it to `{lineitem}/scores` (AGS 2.0 §3.4). */
export const newScoreSchema = z
  .object({
    userId: z.string().min(1, 'must name the user').max(255),
    scoreGiven: z.number().min(0, 'must not be negative').optional(),
    scoreMaximum: z.number().positive('must be greater than 0').optional(),
    comment: z.string().max(10_000).optional(),
    timestamp: z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time' }),
    activityProgress: z.enum(activityProgressValues),
    gradingProgress: z.enum(gradingProgressValues),
    submission: z.looseObject({}).optional(),
  })
  .refine((s) => s.scoreGiven === undefined || s.scoreMaximum !== undefined, {
    message: 'scoreMaximum is required with scoreGiven',
    path: ['scoreMaximum'],
  });
