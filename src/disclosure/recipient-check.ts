// The recipient check (164.502(g), 164.514(h)): a public reply on a ticket about a patient
// goes out only to people entitled to that patient's PHI. In phidesk's model a ticket is
// about the contact who is its requester (tickets.requester_id references contacts), and
// a reply's recipients are that requester plus the contacts named in the reply's optional
// `recipients`. Each recipient must be
//   - the patient, with an identity verification in force, or
//   - a personal representative of the patient, effective today, whose scope is 'all' or
//     the reply's `topic` (a reply without a topic needs scope 'all'), and verified too.
// What is missing is named by pointer and fixed phrase (`/requester`, `/recipients/<i>`),
// never by name or value. Per the tenant's disclosure settings the check is off (the
// default), refuses, or holds the reply for a supervisor. A reply the patient writes
// themselves (the requester replying on their own ticket, with no one added) is theirs
// to send: the check only looks at replies from the desk or that add recipients.
import type { ErrorDetail } from '../errors.js';
import type { PublicReplyCheck, PublicReplyCheckResult } from './public-reply-guard.js';
import { representativesOf } from './representatives.service.js';
import { verifiedContacts } from './verifications.service.js';

export const recipientCheck: PublicReplyCheck = async (ctx): Promise<PublicReplyCheckResult> => {
  const patient = ctx.ticket.requesterId;
  // a ticket with no requester is about no contact: nobody's PHI to check recipients for
  if (!patient) return { verdict: 'allow' };
  const { scope } = ctx;
  const extra = ctx.recipientContactIds;
  if (scope.actor.contactId === patient && extra.length === 0) return { verdict: 'allow' };
  const settings = ctx.settings.disclosure;
  if (settings.recipientCheck === 'off') return { verdict: 'allow' };

  const verified = await verifiedContacts(scope.tx, [patient, ...extra], settings.verificationValidDays);
  const representatives = extra.some((id) => id !== patient) ? await representativesOf(scope.tx, patient) : [];
  const errors: ErrorDetail[] = [];
  const missing = (pointer: string, detail: string) => errors.push({ pointer, detail });

  if (!verified.has(patient)) missing('/requester', "the patient's identity is not verified");
  extra.forEach((contactId, i) => {
    const pointer = `/recipients/${i}`;
    if (contactId === patient) {
      if (!verified.has(patient)) missing(pointer, "the patient's identity is not verified");
      return;
    }
    const theirs = representatives.filter((r) => r.representativeContactId === contactId);
    if (theirs.length === 0) {
      missing(pointer, 'not the patient nor an effective personal representative of the patient');
      return;
    }
    const inScope = theirs.some((r) => r.scope === 'all' || (ctx.topic != null && r.scope === ctx.topic));
    if (!inScope)
      missing(
        pointer,
        ctx.topic == null
          ? "representative's scope does not cover a reply without a topic (needs scope all)"
          : `representative's scope does not cover the topic ${ctx.topic}`,
      );
    if (!verified.has(contactId)) missing(pointer, "the representative's identity is not verified");
  });
  if (errors.length === 0) return { verdict: 'allow' };
  return { verdict: settings.recipientCheck, errors };
};
