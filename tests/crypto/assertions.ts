// Assertions shared by the crypto tests: a failure must be the right error with
// the right reason, must not have produced a value, and must not echo plaintext.

import { expect } from 'vitest';
import { AppError } from '../../src/errors.js';
import { SealError, UnsealError, type SealFailureReason, type UnsealFailureReason } from '../../src/crypto/errors.js';

function errorText(error: unknown): string {
  const e = error as Error;
  return [e.message, String(e), e.stack ?? '', JSON.stringify(e)].join('\n');
}

function checkUnsealError(error: unknown, reasons: readonly UnsealFailureReason[], canary?: string): void {
  expect(error).toBeInstanceOf(UnsealError);
  expect(error).toBeInstanceOf(AppError);
  const e = error as UnsealError;
  expect(e.code).toBe('UNSEAL_FAILED');
  expect(reasons).toContain(e.reason);
  if (canary !== undefined) expect(errorText(e)).not.toContain(canary);
}

/** `open` must throw UNSEAL_FAILED with one of `reasons`, returning nothing. */
export function expectUnsealFailure(
  open: () => unknown,
  reasons: UnsealFailureReason | readonly UnsealFailureReason[],
  canary?: string,
): void {
  let result: unknown;
  let error: unknown;
  try {
    result = open();
  } catch (e) {
    error = e;
  }
  expect(result).toBeUndefined();
  checkUnsealError(error, typeof reasons === 'string' ? [reasons] : reasons, canary);
}

export async function expectUnsealFailureAsync(
  open: () => Promise<unknown>,
  reasons: UnsealFailureReason | readonly UnsealFailureReason[],
  canary?: string,
): Promise<void> {
  let result: unknown;
  let error: unknown;
  try {
    result = await open();
  } catch (e) {
    error = e;
  }
  expect(result).toBeUndefined();
  checkUnsealError(error, typeof reasons === 'string' ? [reasons] : reasons, canary);
}

export async function expectSealFailure(run: () => unknown, reason: SealFailureReason): Promise<void> {
  let error: unknown;
  try {
    await run();
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(SealError);
  expect((error as SealError).code).toBe('SEAL_FAILED');
  expect((error as SealError).reason).toBe(reason);
}
