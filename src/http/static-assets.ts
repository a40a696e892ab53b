import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type RequestHandler } from 'express';

/** public/ at the top of the repository (this file runs from dist/src/http/ or a sibling outDir). */
export const publicDir = fileURLToPath(new URL('../../../public', import.meta.url));

/** A hash of every file under public/: asset URLs carry it, so a changed file gets a new URL. */
export const assetVersion = hashFiles(publicDir);

/**
 * The pages' scripts and styles, served at /assets: cached for a year since their URLs change with
 * their content; correct content types (express.static); no directory listing, no dotfiles.
 */
export function staticAssets(): RequestHandler {
  return express.static(publicDir, {
    index: false,
    dotfiles: 'ignore',
    redirect: false,
    maxAge: '365d',
    immutable: true,
  });
}

function hashFiles(dir: string): string {
  const hash = createHash('sha256');
  for (const name of readdirSync(dir).sort()) {
    hash.update(name);
    hash.update(readFileSync(join(dir, name)));
  }
  return hash.digest('hex').slice(0, 12);
}
