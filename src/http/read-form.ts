import express, { type Request, type Response } from 'express';

const urlencoded = express.urlencoded({ extended: false, limit: '64kb', parameterLimit: 200 });

/**
 * The fields of a posted HTML form (application/x-www-form-urlencoded); a repeated name (checkboxes)
 * gives an array. Parsed here, for the page that takes the form, rather than for every route.
 */
export async function readForm(req: Request, res: Response): Promise<Record<string, string | string[]>> {
  await new Promise<void>((resolve, reject) => {
    urlencoded(req, res, (err?: unknown) => (err ? reject(err) : resolve()));
  });
  return typeof req.body === 'object' && req.body !== null
    ? (req.body as Record<string, string | string[]>)
    : {};
}
