// The bundle that answers an access request: what phidesk holds about one patient, as
// JSON, as FHIR R4 resources (a collection Bundle of one Patient and one Communication per
// ticket and per comment) and as a readable HTML summary. Pure: the service loads and
// opens the record, this shapes it.
import type { ContactFields } from '../contacts/contacts.model.js';

export interface BundleTicket {
  id: string;
  subject: string;
  description: string | null;
  status: string;
  priority: string;
  type: string;
  channel: string;
  phiCustomFields: Record<string, unknown>;
  customFields: Record<string, unknown>;
  externalRefs: Array<{ system: string; value: string }>;
  createdAt: Date;
  updatedAt: Date;
  solvedAt: Date | null;
}

export interface BundleComment {
  id: string;
  ticketId: string;
  authorKind: string;
  public: boolean;
  body: string;
  redacted: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export interface BundleAttachment {
  id: string;
  ticketId: string;
  commentId: string | null;
  filename: string;
  contentType: string;
  sizeBytes: number;
  createdAt: Date;
}

export interface PatientRecord {
  contactId: string;
  contact: ContactFields;
  tickets: BundleTicket[];
  comments: BundleComment[];
  attachments: BundleAttachment[];
}

export interface AccessBundle {
  format: 'phidesk.access-bundle/1';
  requestId: string;
  generatedAt: string;
  /** what the designated record set held here includes (README "Patient rights") */
  scope: string;
  record: {
    contact: ContactFields & { id: string };
    tickets: Array<
      Omit<BundleTicket, 'createdAt' | 'updatedAt' | 'solvedAt'> & {
        createdAt: string;
        updatedAt: string;
        solvedAt: string | null;
        comments: Array<Omit<BundleComment, 'ticketId' | 'createdAt' | 'updatedAt'> & { createdAt: string }>;
        attachments: Array<Omit<BundleAttachment, 'ticketId' | 'createdAt'> & { createdAt: string }>;
      }
    >;
  };
  fhir: { resourceType: 'Bundle'; type: 'collection'; timestamp: string; entry: Array<{ resource: object }> };
  html: string;
}

export const bundleScope =
  'The contact record, every ticket the patient is the requester of, every comment on those tickets ' +
  '(public replies and internal notes), and the metadata of their attachments (file content on request).';

const iso = (d: Date) => d.toISOString();

function patientResource(contactId: string, c: ContactFields): object {
  const telecom = [
    ...(c.email ? [{ system: 'email', value: c.email }] : []),
    ...(c.phone ? [{ system: 'phone', value: c.phone }] : []),
  ];
  const identifier = [
    ...(c.mrn ? [{ type: { text: 'MRN' }, value: c.mrn }] : []),
    ...(c.healthPlanMemberId ? [{ type: { text: 'Health plan member id' }, value: c.healthPlanMemberId }] : []),
    ...c.externalIds.map((x) => ({ system: x.system, value: x.value })),
  ];
  const a = c.address;
  return {
    resourceType: 'Patient',
    id: contactId,
    ...(identifier.length > 0 ? { identifier } : {}),
    name: [{ text: c.name }],
    ...(telecom.length > 0 ? { telecom } : {}),
    ...(c.dateOfBirth ? { birthDate: c.dateOfBirth } : {}),
    ...(a
      ? {
          address: [
            {
              line: [a.line1, a.line2].filter((l): l is string => typeof l === 'string'),
              city: a.city,
              state: a.region,
              postalCode: a.postalCode,
              country: a.country,
            },
          ],
        }
      : {}),
  };
}

function communication(
  id: string,
  patient: string,
  sent: Date,
  topic: string,
  text: string | null,
  category: string,
  partOf?: string,
): object {
  return {
    resourceType: 'Communication',
    id,
    status: 'completed',
    category: [{ text: category }],
    subject: { reference: `Patient/${patient}` },
    topic: { text: topic },
    sent: iso(sent),
    ...(partOf ? { partOf: [{ reference: `Communication/${partOf}` }] } : {}),
    ...(text !== null ? { payload: [{ contentString: text }] } : {}),
  };
}

const escape = (s: string) =>
  s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);

function html(requestId: string, r: PatientRecord, at: Date): string {
  const c = r.contact;
  const rows = (pairs: Array<[string, string | null]>) =>
    pairs
      .filter(([, v]) => v !== null && v !== '')
      .map(([k, v]) => `<tr><th>${escape(k)}</th><td>${escape(v!)}</td></tr>`)
      .join('');
  const tickets = r.tickets
    .map((t) => {
      const comments = r.comments
        .filter((x) => x.ticketId === t.id)
        .map(
          (x) =>
            `<li><p><small>${escape(iso(x.createdAt))} (${x.public ? 'reply' : 'internal note'}${x.redacted ? ', redacted' : ''})</small></p><p>${escape(x.body)}</p></li>`,
        )
        .join('');
      const files = r.attachments
        .filter((x) => x.ticketId === t.id)
        .map((x) => `<li>${escape(x.filename)} (${escape(x.contentType)}, ${x.sizeBytes} bytes)</li>`)
        .join('');
      return `<section><h2>${escape(t.subject)}</h2><p><small>Opened ${escape(iso(t.createdAt))}; status ${escape(t.status)}</small></p>${t.description ? `<p>${escape(t.description)}</p>` : ''}${comments ? `<h3>Comments</h3><ol>${comments}</ol>` : ''}${files ? `<h3>Attachments</h3><ul>${files}</ul>` : ''}</section>`;
    })
    .join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Your records</title></head><body><h1>Your records</h1><p>Prepared ${escape(iso(at))} in answer to request ${escape(requestId)}. ${escape(bundleScope)}</p><table>${rows(
    [
      ['Name', c.name],
      ['Date of birth', c.dateOfBirth],
      ['Email', c.email],
      ['Phone', c.phone],
      ['Medical record number', c.mrn],
      ['Health plan member id', c.healthPlanMemberId],
    ],
  )}</table>${tickets || '<p>No tickets.</p>'}</body></html>`;
}

export function buildAccessBundle(requestId: string, r: PatientRecord, at: Date): AccessBundle {
  const tickets = r.tickets.map((t) => ({
    ...t,
    createdAt: iso(t.createdAt),
    updatedAt: iso(t.updatedAt),
    solvedAt: t.solvedAt ? iso(t.solvedAt) : null,
    comments: r.comments
      .filter((x) => x.ticketId === t.id)
      .map(({ ticketId: _t, updatedAt: _u, createdAt, ...x }) => ({ ...x, createdAt: iso(createdAt) })),
    attachments: r.attachments
      .filter((x) => x.ticketId === t.id)
      .map(({ ticketId: _t, createdAt, ...x }) => ({ ...x, createdAt: iso(createdAt) })),
  }));
  const entry = [
    { resource: patientResource(r.contactId, r.contact) },
    ...r.tickets.map((t) => ({
      resource: communication(t.id, r.contactId, t.createdAt, t.subject, t.description, 'ticket'),
    })),
    ...r.comments.map((x) => {
      const t = r.tickets.find((tk) => tk.id === x.ticketId);
      return {
        resource: communication(
          x.id,
          r.contactId,
          x.createdAt,
          t?.subject ?? '',
          x.body,
          x.public ? 'reply' : 'internal-note',
          x.ticketId,
        ),
      };
    }),
  ];
  return {
    format: 'phidesk.access-bundle/1',
    requestId,
    generatedAt: iso(at),
    scope: bundleScope,
    record: { contact: { id: r.contactId, ...r.contact }, tickets },
    fhir: { resourceType: 'Bundle', type: 'collection', timestamp: iso(at), entry },
    html: html(requestId, r, at),
  };
}
