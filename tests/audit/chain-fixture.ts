// Synthetic audit chains for tests and the benchmark: real hashing, a real Ed25519
// key, events shaped like production ones (optional fields sometimes absent,
// sometimes null, sometimes set). No PHI values: there are none in audit events.

import { createHash } from 'node:crypto';
import { signCheckpoint, type SignedCheckpoint } from '../../src/audit/checkpoint/checkpoint.js';
import { chainEvent } from '../../src/audit/chain/event-hash.js';
import { GENESIS_HASH, type AuditEvent, type AuditEventBody } from '../../src/audit/capture/event.js';
import { MerkleAccumulator } from '../../src/audit/checkpoint/merkle.js';
import { loadCheckpointSigningKey, type CheckpointSigningKey } from '../../src/audit/checkpoint/signing-key.js';

export function seedFor(label: string): string {
  return createHash('sha256').update(label).digest('base64');
}

export const testSeed = seedFor('phidesk audit test signing key');
export const otherSeed = seedFor('someone else entirely');
export const testKey: CheckpointSigningKey = loadCheckpointSigningKey(testSeed);
export const otherKey: CheckpointSigningKey = loadCheckpointSigningKey(otherSeed);

const actions = [
  'contact.read',
  'contact.update',
  'ticket.read',
  'ticket.assign',
  'comment.create',
  'attachment.download',
];
const phiFieldSets = [[], ['contact.name', 'contact.dob'], ['contact.ssn'], ['ticket.subject', 'ticket.description']];
const startMs = Date.parse('2025-01-06T08:00:00.000Z');

function hex(value: number, width: number): string {
  return value.toString(16).padStart(width, '0');
}

export function uuidFor(tenantIndex: number, seq: number): string {
  return `${hex(seq, 8)}-${hex(tenantIndex, 4)}-4000-8000-${hex(seq * 7919, 12).slice(-12)}`;
}

export function tenantIdFor(tenantIndex: number): string {
  return `00000000-0000-4000-a000-${hex(tenantIndex, 12)}`;
}

export function eventBody(tenantIndex: number, seq: number): AuditEventBody {
  const variant = seq % 4;
  const body: AuditEventBody = {
    tenantId: tenantIdFor(tenantIndex),
    seq,
    id: uuidFor(tenantIndex, seq),
    occurredAt: new Date(startMs + seq * 1500).toISOString(),
    actor:
      variant === 3
        ? { id: `key_${hex(seq % 5, 4)}`, kind: 'api_key', authMethod: 'api_key', keyId: `ak_${seq % 5}` }
        : {
            id: uuidFor(900 + (seq % 9), 1),
            kind: 'user',
            authMethod: 'jwt',
            sessionId: `sess_${seq % 13}`,
            keyId: null,
          },
    action: actions[seq % actions.length] as string,
    resource: { type: 'contact', id: uuidFor(500, seq % 97) },
    phiFields: phiFieldSets[seq % phiFieldSets.length] as string[],
    subjectContactId: uuidFor(500, seq % 97),
    requestId: `req_${hex(seq, 10)}`,
    clientAddrHash: hex(seq * 2654435761, 16).slice(-16),
    userAgentFamily: variant === 3 ? 'python-requests' : 'Chrome',
    outcome: seq % 17 === 0 ? 'denied' : 'allowed',
  };
  if (variant === 1) body.purposeOfUse = 'TREAT';
  // Break-glass is rare in practice; its free text is where non-ASCII shows up.
  if (seq % 64 === 1) body.breakGlassReason = 'Patient in ED, record needed — "urgent"';
  if (variant === 2) body.reasonCode = null;
  if (seq % 17 === 0) body.reasonCode = 'FORBIDDEN';
  return body;
}

export function buildChain(tenantIndex: number, count: number): AuditEvent[] {
  const events: AuditEvent[] = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= count; seq++) {
    const event = chainEvent(prevHash, eventBody(tenantIndex, seq));
    events.push(event);
    prevHash = event.hash;
  }
  return events;
}

/** Checkpoints at every `every` events and at the end, as the sequencer would issue them. */
export function checkpointsFor(
  events: readonly AuditEvent[],
  every: number,
  key: CheckpointSigningKey = testKey,
): SignedCheckpoint[] {
  const checkpoints: SignedCheckpoint[] = [];
  const merkle = new MerkleAccumulator();
  events.forEach((event, index) => {
    merkle.push(event.hash);
    const size = index + 1;
    if (size % every === 0 || size === events.length) {
      checkpoints.push(
        signCheckpoint(
          {
            tenantId: event.tenantId,
            treeSize: size,
            headHash: event.hash,
            merkleRoot: merkle.root(),
            issuedAt: new Date(startMs + size * 1500 + 60_000).toISOString(),
          },
          key,
        ),
      );
    }
  });
  return checkpoints;
}

/** Re-hashes events from `fromIndex` on, as an attacker with database access would after an edit. */
export function rechainFrom(events: AuditEvent[], fromIndex: number): AuditEvent[] {
  const out = events.slice(0, fromIndex);
  let prevHash = fromIndex === 0 ? GENESIS_HASH : (events[fromIndex - 1] as AuditEvent).hash;
  for (let i = fromIndex; i < events.length; i++) {
    const event = chainEvent(prevHash, events[i] as AuditEvent);
    out.push(event);
    prevHash = event.hash;
  }
  return out;
}

export function clone<T>(value: T): T {
  return structuredClone(value);
}
