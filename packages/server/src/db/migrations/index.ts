import type { Migration } from 'kysely';
import * as core from './0001-core';

/** Every migration, in order. Append new ones; never edit one that has shipped. */
export const migrations: Record<string, Migration> = {
  '0001-core': core,
};
