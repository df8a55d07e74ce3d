import { AppError } from '../../../lib/app-error';

/** The row, or RECORD_NOT_FOUND (404) when there is none. */
export function requireRecord<T>(row: T | null | undefined): T {
  if (row === null || row === undefined) throw new AppError('RECORD_NOT_FOUND');
  return row;
}
