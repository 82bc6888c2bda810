import { describe, expect, it } from 'vitest';
import { actorOf } from '../../src/http/actor.js';
import type { Actor } from '../../src/auth/actor.js';
import { isAppError } from '../../src/errors.js';

describe('actorOf', () => {
  it('returns the authenticated actor', () => {
    const actor = { userId: 'u', tenantId: 't' } as unknown as Actor;
    expect(actorOf({ actor })).toBe(actor);
  });

  it('answers 401 UNAUTHENTICATED when there is none', () => {
    let error: unknown;
    try {
      actorOf({ actor: undefined });
    } catch (e) {
      error = e;
    }
    expect(isAppError(error) && error.code === 'UNAUTHENTICATED' && error.status === 401).toBe(true);
  });
});
