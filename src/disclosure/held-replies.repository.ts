// The hold queue in SQL. Sealing happens in the service; rows arrive here sealed.
import type { Sealed } from '../crypto/sealed.js';
import type { HeldReplyStatus, ReplyTopic } from '../db/tables/disclosure.js';
import type { Tx } from '../db/tenant-tx.js';

const columns = [
  'id',
  'ticket_id',
  'author_id',
  'author_kind',
  'recipient_contact_ids',
  'topic',
  'reasons',
  'status',
  'body',
  'rejection_reason_sealed',
  'decided_by',
  'decided_at',
  'created_at',
] as const;

export function selectHeldReplies(tx: Tx, status?: HeldReplyStatus) {
  const q = tx.selectFrom('held_replies').select(columns);
  return status === undefined ? q : q.where('status', '=', status);
}

export async function getHeldReply(tx: Tx, id: string, opts: { forUpdate?: boolean } = {}) {
  const q = selectHeldReplies(tx).where('id', '=', id);
  return (opts.forUpdate ? q.forUpdate() : q).executeTakeFirst();
}

export type HeldReplyRow = NonNullable<Awaited<ReturnType<typeof getHeldReply>>>;

export async function insertHeldReply(
  tx: Tx,
  row: {
    id: string;
    tenant_id: string;
    ticket_id: string;
    author_id: string;
    author_kind: string;
    recipient_contact_ids: string[];
    topic: ReplyTopic | null;
    reasons: { pointer: string; detail: string }[];
    body: Sealed<string>;
    key_version: number;
  },
): Promise<HeldReplyRow> {
  return tx
    .insertInto('held_replies')
    .values({ ...row, reasons: JSON.stringify(row.reasons) })
    .returning(columns)
    .executeTakeFirstOrThrow();
}

export async function decideHeldReply(
  tx: Tx,
  id: string,
  decision: {
    status: 'released' | 'rejected';
    decided_by: string;
    body?: Sealed<string>;
    rejection_reason_sealed?: Sealed<string>;
    key_version?: number;
  },
): Promise<HeldReplyRow> {
  return tx
    .updateTable('held_replies')
    .set({ ...decision, decided_at: new Date(), updated_at: new Date() })
    .where('id', '=', id)
    .returning(columns)
    .executeTakeFirstOrThrow();
}
