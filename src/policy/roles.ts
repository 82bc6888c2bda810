// Facts about role lists that are not CASL rules: which names are roles, which roles an
// API key may carry, whether a key acts as staff. Kept here so that role logic lives in
// src/policy only (lint forbids `roles.includes`/`roles.some` elsewhere).
import { roles as knownRoles, type Role } from '../auth/actor.js';
import { AppError } from '../errors.js';

export const isRole = (name: string): name is Role => (knownRoles as readonly string[]).includes(name);

/** The known roles among `names`, unknown names dropped (tokens and stored rows may carry others). */
export const knownRolesOf = (names: readonly string[]): Role[] => [...new Set(names.filter(isRole))];

/** Validates a role list sent by a caller; 400 names the known roles. */
export function parseRoles(names: readonly string[]): Role[] {
  if (names.some((r) => !isRole(r))) {
    throw new AppError('VALIDATION_FAILED', 'Unknown role.', [
      { pointer: '/roles', detail: `known roles: ${knownRoles.join(', ')}` },
    ]);
  }
  return [...new Set(names)] as Role[];
}

/** The roles a new API key acts with: integration unless named; never requester (a key is not a person). */
export function parseKeyRoles(names: readonly string[] | undefined): Role[] {
  const roles = parseRoles(names ?? ['integration']);
  if (roles.includes('requester')) {
    throw new AppError('VALIDATION_FAILED', 'An API key cannot act as a requester.', [
      { pointer: '/roles', detail: 'requester is for people' },
    ]);
  }
  return roles;
}

/**
 * Whether a key acts with staff roles (anything beyond integration). Such keys are minted
 * by tenant admins only (CASL: `create ApiKey {staffRoles}`) and carry break-glass grants.
 */
export const keyHasStaffRoles = (roles: readonly string[]): boolean => roles.some((r) => r !== 'integration');
