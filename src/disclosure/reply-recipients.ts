// The disclosure part of a public reply's input: who else receives it (`recipients`,
// contact ids, besides the ticket's requester) and what it is about (`topic`, which a
// personal representative's scope must cover). Checked here for REST and GraphQL alike.
import { replyTopics, type ReplyTopic } from '../db/tables/disclosure.js';
import { AppError, type ErrorDetail } from '../errors.js';
import { isUuid } from '../ids.js';

export interface ReplyDisclosureInput {
  recipients?: readonly string[] | null | undefined;
  topic?: string | null | undefined;
}

export const maxRecipients = 20;

export function checkReplyDisclosure(input: ReplyDisclosureInput): { recipients: string[]; topic: ReplyTopic | null } {
  const recipients = [...(input.recipients ?? [])];
  const problems: ErrorDetail[] = [];
  if (recipients.length > maxRecipients)
    problems.push({ pointer: '/recipients', detail: `at most ${maxRecipients} contact ids` });
  recipients.forEach((id, i) => {
    if (!isUuid(id)) problems.push({ pointer: `/recipients/${i}`, detail: 'must be a contact id (uuid)' });
  });
  const topic = input.topic ?? null;
  if (topic !== null && !(replyTopics as readonly string[]).includes(topic))
    problems.push({ pointer: '/topic', detail: 'must be one of the allowed topics', allowed: replyTopics });
  if (problems.length) throw new AppError('VALIDATION_FAILED', 'The reply is invalid.', problems);
  return { recipients, topic: topic as ReplyTopic | null };
}
