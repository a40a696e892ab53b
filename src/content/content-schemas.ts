import { z } from 'zod';
import { audiences } from '../domain/content/program.js';

const id = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'must be lowercase letters, digits and dashes');
const markdown = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(20_000, 'must be at most 20000 characters');
const title = z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters');
const httpUrl = z.string().refine((v) => {
  try {
    return ['http:', 'https:'].includes(new URL(v).protocol);
  } catch {
    return false;
  }
}, 'must be an absolute http(s) URL');

export const accreditationFileSchema = z.strictObject({
  title,
  audience: z.enum(audiences, { error: `must be one of ${audiences.join(', ')}` }),
  description: markdown.optional(),
  courses: z.array(id).min(1, 'must list at least one course'),
  badge: z.strictObject({ validForMonths: z.int().min(1).max(120).default(24) }).optional(),
});

const option = z.strictObject({
  text: markdown,
  correct: z.boolean().default(false),
  feedback: markdown.optional(),
});

const questionBase = {
  id,
  stem: markdown,
  points: z.number().positive('must be more than 0').max(100).default(1),
  competencies: z.array(id).max(10).default([]),
};

const question = z.discriminatedUnion(
  'type',
  [
    z.strictObject({
      ...questionBase,
      type: z.literal('single-choice'),
      options: z.array(option).min(2, 'needs at least 2 options').max(8, 'may have at most 8 options'),
    }),
    z.strictObject({
      ...questionBase,
      type: z.literal('multiple-response'),
      options: z.array(option).min(2, 'needs at least 2 options').max(8, 'may have at most 8 options'),
    }),
    z.strictObject({
      ...questionBase,
      type: z.literal('true-false'),
      answer: z.boolean(),
      feedback: z.strictObject({ true: markdown.optional(), false: markdown.optional() }).default({}),
    }),
  ],
  { error: 'type must be single-choice, multiple-response or true-false' },
);

const level = z.strictObject({
  id,
  title,
  points: z.number().min(0).max(100),
  description: markdown.optional(),
});

const criterion = z.strictObject({
  id,
  title,
  description: markdown.optional(),
  minimumLevel: id.optional(),
  levels: z.array(level).min(2, 'needs at least 2 levels').max(10),
});

export const courseFileSchema = z.strictObject({
  title,
  summary: markdown.optional(),
  learningPath: httpUrl,
  exam: z.strictObject({
    questionsPerAttempt: z.int().min(1, 'must be at least 1'),
    passingScore: z.number().min(0).max(100).default(80),
    timeLimitMinutes: z.int().min(1).max(600),
    attemptLimit: z.int().min(1).optional(),
    retakeCooldownHours: z
      .number()
      .min(0)
      .max(24 * 365)
      .default(0),
    remediation: z.boolean().default(false),
    review: z.enum(['none', 'score', 'responses', 'full']).default('score'),
  }),
  questions: z.array(question).min(1, 'needs at least one question'),
  practical: z.strictObject({
    title,
    instructions: markdown,
    evidence: z
      .array(z.enum(['recording', 'document', 'notes']))
      .min(1, 'must accept at least one kind of evidence'),
    rubric: z.strictObject({
      passThreshold: z.number().min(0),
      criteria: z.array(criterion).min(1, 'needs at least one criterion'),
    }),
    doubleMarking: z.boolean().default(false),
    moderationGap: z.int().min(0).max(9).default(1),
    appealWindowDays: z.int().min(0).max(365).default(14),
    calibration: z
      .array(
        z.strictObject({
          id,
          title,
          evidence: z.strictObject({
            links: z
              .array(z.strictObject({ url: httpUrl, title: title.optional() }))
              .max(10)
              .default([]),
            notes: markdown.optional(),
          }),
          agreedLevels: z.record(id, id),
        }),
      )
      .max(20)
      .default([]),
  }),
});

export type AccreditationFile = z.infer<typeof accreditationFileSchema>;
export type CourseFile = z.infer<typeof courseFileSchema>;
