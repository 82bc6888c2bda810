// The audit trail's one entry point: the rest of the app, the CLI and the benchmarks
// import from here (lint refuses imports of src/audit/<folder>/ from outside src/audit).
// Services also import the action catalogue, ./actions.ts, a leaf module, directly.
//
// The path of one read's event, and the file that does each step:
//   1. capture     a service records it: s.record({ action, ... }) in src/services/scope.ts;
//                  capture/inbox.service.ts builds the event body (who, where, why) and
//                  checks it is chainable (capture/event.ts is the event's shape).
//   2. inbox       a read's events (and other detached ones: denials, failed sign-ins) are
//                  group-committed with concurrent requests' (capture/group-commit.ts)
//                  straight into step 4, before the response leaves; the events of a write
//                  go into audit_inbox in the data's own transaction
//                  (capture/inbox.repository.ts) instead.
//   3. sequencer   chain/sequencer.service.ts moves a tenant's inbox rows to step 4 (run
//                  on a timer and nudged after each commit, see audit-jobs.ts).
//   4. chain       chain/chain-writer.service.ts gives each event its seq and hash
//                  (chain/event-hash.ts) under the tenant's lock and appends it
//                  (chain/stored-event.ts is the row, audit.repository.ts the SQL).
//   5. checkpoint  checkpoint/checkpointer.service.ts signs each grown chain's size, head
//                  and Merkle root (checkpoint/merkle.ts) and hands it to the sink
//                  (checkpoint/checkpoint-sink.ts).
// Reading it back: audit.service.ts (search, export, verify) behind audit.routes.ts and
// audit.resolvers.ts; export/ holds the NDJSON export line and the offline verifier.
// trail.ts wires all of it for one process.

// wiring (compose.ts)
export { createAuditTrail, type AuditKeys, type AuditTrail, type AuditTrailOptions } from './trail.js';
export { AuditJobs, type AuditJobsOptions } from './audit-jobs.js';

// the action catalogue
export {
  auditActions,
  denialAction,
  isAuditAction,
  namedAuditActions,
  type AuditAction,
  type DenialAction,
  type NamedAuditAction,
} from './actions.js';

// capture: the event and the port services write through
export {
  GENESIS_HASH,
  type AuditActor,
  type AuditEvent,
  type AuditEventBody,
  type AuditOutcome,
} from './capture/event.js';
export { AuditEventFormatError, parseAuditEvent } from './capture/event-validation.js';
export { createAuditInbox, NO_RESOURCE_ID, PLATFORM_TENANT_ID, type InboxOptions } from './capture/inbox.service.js';
// a chained row as its event (the SIEM streamer reads the chain in seq order)
export { eventFromRow, type StoredEventRow } from './chain/stored-event.js';

// checkpoints and their keys
export { loadAuditKeys } from './checkpoint/audit-keys.js';
export { CheckpointFormatError, type SignedCheckpoint } from './checkpoint/checkpoint.js';
export { CheckpointConflictError, DirectoryCheckpointSink, type CheckpointSink } from './checkpoint/checkpoint-sink.js';
export {
  AuditKeyError,
  auditPublicJwks,
  keyIdOf,
  publicKeyFromBase64,
  publicKeyFromJwk,
  publicKeyToBase64,
} from './checkpoint/signing-key.js';

// export and offline verification
export { formatExportLine } from './export/export-line.js';
export { isBlankLine, parseEventLine, parseNdjson, parseNdjsonBatches, readNdjsonLines } from './export/ndjson.js';
export {
  AuditChainVerifier,
  verifyChain,
  type AuditDamage,
  type AuditFinding,
  type TenantVerification,
  type VerificationReport,
} from './export/verify.js';

// use cases the CLI runs
export { exportChainsForOperator } from './audit.service.js';
