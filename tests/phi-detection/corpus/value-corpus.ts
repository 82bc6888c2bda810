// The value-based corpus: hand-written contact fixtures (identifiers stored the way staff
// type them) and replies quoting them in other spellings, with the quoted span labelled.
// Written from how people write phones, emails and MRNs, not from the detector's
// expressions. Spellings the check does not handle (digits in words, a domain without its
// dot) are kept apart as hardSpellings and reported on
// their own: they are a known limit, not hidden in an average. Clean samples: the ticket's patient's own identifiers (never a
// finding), identifiers nobody in the tenant has, and look-alikes (orders, versions, dates).

export interface FixtureContact {
  name: string;
  phone: string;
  email: string;
  mrn: string;
}

/** [0] is the ticket's patient; the others are the tenant's other patients. */
export const fixtureContacts: FixtureContact[] = [
  { name: 'Pat Own', phone: '617-555-0100', email: 'pat.own@example.org', mrn: 'E-0011111' },
  { name: 'Robin Alvarez', phone: '(617) 555-0142', email: 'Robin.Alvarez@example.org', mrn: 'E-0088123' },
  { name: 'Sam Okafor', phone: '+1 508 555 0191', email: 'sokafor@mail.example.com', mrn: '00412781' },
  { name: 'Li Wei', phone: '781.555.0107', email: 'li.wei@clinic.example.net', mrn: 'A9921345' },
  { name: 'Maria Gomez', phone: '8575550163', email: 'MGomez77@example.com', mrn: '7712390' },
  { name: 'John Smith', phone: '+16175550188', email: 'john_smith@example.edu', mrn: 'E-0420001' },
  { name: 'Ana Costa', phone: '1-978-555-0115', email: 'ana.costa+health@example.org', mrn: 'B-778812' },
  { name: 'Kofi Mensah', phone: '413 555 0129', email: 'kofi@mensah.example', mrn: '009988776' },
  { name: 'Emily Chen', phone: '(339)555-0170', email: 'emily.chen@example.co.uk', mrn: 'MR-551237' },
  { name: 'Omar Haddad', phone: '617 555-0133', email: 'o.haddad@example.org', mrn: 'E-0099001' },
  { name: 'Grace Kim', phone: '774-555-0158', email: 'gkim@example.net', mrn: '3345512' },
  { name: 'Ivan Petrov', phone: '+1 (351) 555-0144', email: 'ivan.petrov@example.com', mrn: 'C00112233' },
  { name: 'Fatima Bello', phone: '617.555.0119', email: 'fbello@example.org', mrn: 'E-0133700' },
  { name: 'Noah Brown', phone: '5085550176', email: 'noah.b@example.io', mrn: '88812345' },
  { name: 'Aiko Tanaka', phone: '(781) 555-0102', email: 'aiko.tanaka@example.jp', mrn: 'T-4455667' },
  { name: 'Lucas Silva', phone: '857-555-0137', email: 'lucas.silva@example.com.br', mrn: 'E-0777777' },
  { name: 'Chloe Martin', phone: '+1 617 555 0165', email: 'chloe.martin@example.fr', mrn: '5512378' },
  { name: 'Diego Ruiz', phone: '978.555.0181', email: 'druiz@example.mx', mrn: 'D-1010101' },
  { name: 'Hana Novak', phone: '413-555-0147', email: 'hana.novak@example.cz', mrn: 'E-0246810' },
  { name: 'Ben Cohen', phone: '(508) 555-0124', email: 'ben.cohen@example.il', mrn: '6600221' },
  { name: 'Zoe Walker', phone: '339 555 0198', email: 'zoe.walker@example.org', mrn: 'W-333444' },
  { name: 'Raj Patel', phone: '+1-774-555-0110', email: 'raj.patel@example.in', mrn: 'E-0567890' },
  { name: 'Mia Rossi', phone: '6175550153', email: 'mia.rossi@example.it', mrn: '4433221' },
  { name: 'Tom Muller', phone: '351-555-0186', email: 'tom.muller@example.de', mrn: 'M-9080706' },
  { name: 'Sara Lind', phone: '(857) 555-0139', email: 'sara.lind@example.se', mrn: 'E-0314159' },
  { name: 'Yusuf Demir', phone: '781 555 0174', email: 'ydemir@example.com.tr', mrn: '27182818' },
  { name: 'Nina Ivanova', phone: '617-555-0192', email: 'nina.ivanova@example.ru', mrn: 'E-0161803' },
  { name: 'Paulo Reis', phone: '+1 978 555 0126', email: 'paulo.reis@example.pt', mrn: 'P-5556667' },
  { name: 'Amara Obi', phone: '508.555.0168', email: 'amara.obi@example.ng', mrn: '1357913' },
  { name: 'Leo Dubois', phone: '(413) 555-0150', email: 'leo.dubois@example.be', mrn: 'E-0864200' },
];

const digitsOf = (s: string) => s.replace(/\D/g, '').replace(/^1(?=\d{10}$)/, '');

/** How people write a phone (10 digits), some with their own mistakes of spacing. */
export const phoneSpellings: Array<(d: string) => string> = [
  (d) => `${d.slice(0, 3)}-${d.slice(3, 6)}-${d.slice(6)}`,
  (d) => `(${d.slice(0, 3)}) ${d.slice(3, 6)}-${d.slice(6)}`,
  (d) => `${d.slice(0, 3)}.${d.slice(3, 6)}.${d.slice(6)}`,
  (d) => d,
  (d) => `+1 ${d.slice(0, 3)} ${d.slice(3, 6)} ${d.slice(6)}`,
  (d) => `1-${d.slice(0, 3)}-${d.slice(3, 6)}-${d.slice(6)}`,
  (d) => `+1${d}`,
  (d) => `(${d.slice(0, 3)})${d.slice(3, 6)}-${d.slice(6)}`,
  (d) => `${d.slice(0, 3)} ${d.slice(3, 6)} ${d.slice(6)}`,
  (d) => `+1 (${d.slice(0, 3)}) ${d.slice(3, 6)}-${d.slice(6)}`,
  (d) => `${d.slice(0, 3)}-${d.slice(3, 6)} ${d.slice(6)}`,
  (d) => `${d.slice(0, 3)} ${d.slice(3, 6)}.${d.slice(6)}`,
  // the last group split: people dictate "zero one, four two"
  (d) => `${d.slice(0, 3)}-${d.slice(3, 6)}-${d.slice(6, 8)} ${d.slice(8)}`,
  // a letter O typed for a zero
  (d) => `${d.slice(0, 3)}-${d.slice(3, 6)}-${d.slice(6).replace(/0/g, 'O')}`,
];

export const emailSpellings: Array<(e: string) => string> = [
  (e) => e,
  (e) => e.toLowerCase(),
  (e) => e.toUpperCase(),
  (e) => `<${e}>`,
  (e) => `mailto:${e}`,
  (e) => `${e[0]!.toUpperCase()}${e.slice(1).toLowerCase()}`,
  (e) => ` ${e} `,
  // written out to dodge spam filters
  (e) => e.replace('@', ' at '),
  // "[at]" and "[dot]"
  (e) => e.replace('@', ' [at] ').replace(/\.(?=[^.]*$)/, ' [dot] '),
];

const letters = (m: string) => /^[A-Za-z]+/.exec(m)?.[0] ?? '';
export const mrnSpellings: Array<(m: string) => string> = [
  (m) => m,
  (m) => m.replace(/-/g, ''),
  (m) => m.toLowerCase(),
  (m) => `MRN ${m}`,
  (m) => `MRN:${m.replace(/-/g, '')}`,
  (m) => `#${m}`,
  (m) =>
    letters(m) ? `${letters(m)} ${m.slice(letters(m).length).replace(/^-/, '')}` : `${m.slice(0, 4)}-${m.slice(4)}`,
  // split by a space in the middle of the digits
  (m) => `${m.slice(0, m.length - 3)} ${m.slice(m.length - 3)}`,
  // an en dash for the hyphen (word processors do this)
  (m) => m.replace('-', '\u2013'),
];

const words = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
/** Spellings the check is known not to handle; scored apart (ValueCorpusScore.hard). */
export const hardSpellings: { [K in ValueKind]: Array<(v: string) => string> } = {
  phone: [(d) => [...d].map((c) => words[Number(c)]).join(' ')],
  email: [(e) => e.replace('@', ' at ').replace(/\.(?=[^.]*$)/, ' ')],
  mrn: [(m) => m.replace(/\d/g, (c) => ` ${words[Number(c)]}`).trim()],
};

const templates = [
  'Hi, please reach out to {x} for the update.',
  'Forwarding to {x} as requested.',
  "Your sister's details ({x}) are on file.",
  'Per our call, {x} was confirmed.',
  'The lab results were sent to {x}.',
  'Can you confirm {x}? Thanks.',
  'Note: {x}',
  '{x} is what we have.',
  'We tried {x} twice with no answer.',
  'Record shows {x}, please verify.',
  'Thanks for your patience. I updated the chart ({x}) and the pharmacy will call when the refill is ready.',
];

export type ValueKind = 'phone' | 'email' | 'mrn';

export interface ValueSample {
  id: string;
  text: string;
  /** empty for clean samples */
  labels: Array<{ kind: ValueKind; offset: number; length: number }>;
  /** quoted in a hard spelling (scored apart) */
  hard?: boolean;
}

function place(template: string, value: string, kind: ValueKind | null, id: string): ValueSample {
  const offset = template.indexOf('{x}');
  const text = template.replace('{x}', value);
  // a label covers the identifier itself, not the spaces a spelling wraps it in
  const trimmed = value.trim();
  const at = offset + value.indexOf(trimmed);
  return { id, text, labels: kind ? [{ kind, offset: at, length: trimmed.length }] : [] };
}

const spell = (kind: ValueKind, c: FixtureContact, f: number): string =>
  kind === 'phone'
    ? phoneSpellings[f % phoneSpellings.length]!(digitsOf(c.phone))
    : kind === 'email'
      ? emailSpellings[f % emailSpellings.length]!(c.email)
      : mrnSpellings[f % mrnSpellings.length]!(c.mrn);

const spellings = { phone: phoneSpellings.length, email: emailSpellings.length, mrn: mrnSpellings.length };

export function valueSamples(): ValueSample[] {
  const out: ValueSample[] = [];
  const kinds: ValueKind[] = ['phone', 'email', 'mrn'];
  fixtureContacts.slice(1).forEach((c, i) => {
    for (const kind of kinds)
      for (const shift of [0, 5]) {
        const f = i + shift;
        out.push(
          place(
            templates[(i + shift + kind.length) % templates.length]!,
            spell(kind, c, f),
            kind,
            `${kind}-${i}-${f % spellings[kind]}`,
          ),
        );
      }
  });
  fixtureContacts.slice(1).forEach((c, i) => {
    for (const kind of kinds) {
      const value = kind === 'phone' ? digitsOf(c.phone) : kind === 'email' ? c.email : c.mrn;
      const sample = place(templates[i % templates.length]!, hardSpellings[kind][0]!(value), kind, `hard-${kind}-${i}`);
      out.push({ ...sample, hard: true });
    }
  });
  // the patient's own identifiers, in every spelling: never a finding
  const own = fixtureContacts[0]!;
  for (const kind of kinds)
    for (let f = 0; f < spellings[kind]; f++)
      out.push(place(templates[f % templates.length]!, spell(kind, own, f), null, `own-${kind}-${f}`));
  // identifiers of nobody in the tenant, and look-alikes
  const nobody: FixtureContact = { name: 'x', phone: '617-555-0999', email: 'nobody@example.org', mrn: 'E-0999999' };
  for (const kind of kinds)
    for (let f = 0; f < 4; f++)
      out.push(place(templates[(f + 3) % templates.length]!, spell(kind, nobody, f), null, `nobody-${kind}-${f}`));
  const lookAlikes = [
    'Your order #88123412 shipped.',
    'We upgraded to version 2.4.1 last night.',
    'Invoice INV-2024-0042 is paid.',
    'The maintenance window is 01/02/2025 at 10pm.',
    'Tracking 1Z999AA10123456784 shows it delivered.',
    'Reference code 555-0142 expires in 10 minutes.',
    'Build 20240311 passed 812 checks.',
    'Room 4412, floor 3.',
    'Call the main desk at extension 0142.',
    'ISBN 978-3-16-148410-0 is the handbook.',
  ];
  lookAlikes.forEach((text, i) => out.push({ id: `lookalike-${i}`, text, labels: [] }));
  return out;
}

export interface ValueScore {
  kind: ValueKind;
  labelled: number;
  found: number;
  recall: number;
}

export interface ValueCorpusScore {
  kinds: ValueScore[];
  /** the same, for the hard spellings (not in `kinds` nor `overall`) */
  hard: ValueScore[];
  overall: { labelled: number; found: number; recall: number };
  clean: number;
  falsePositives: number;
  fpRate: number;
  missed: string[];
}

/** Scores `detect` (the value pass for the patient fixtureContacts[0]) over valueSamples(). */
export async function scoreValueCorpus(
  detect: (text: string) => Promise<Array<{ kind: string; offset: number; length: number }>>,
): Promise<ValueCorpusScore> {
  const samples = valueSamples();
  const tally = new Map<ValueKind, { labelled: number; found: number }>();
  const hardTally = new Map<ValueKind, { labelled: number; found: number }>();
  let clean = 0;
  let falsePositives = 0;
  const missed: string[] = [];
  for (const s of samples) {
    const findings = await detect(s.text);
    if (s.labels.length === 0) {
      clean++;
      if (findings.length > 0) falsePositives++;
      continue;
    }
    const into = s.hard ? hardTally : tally;
    for (const l of s.labels) {
      const t = into.get(l.kind) ?? { labelled: 0, found: 0 };
      t.labelled++;
      if (findings.some((f) => f.kind === l.kind && f.offset < l.offset + l.length && f.offset + f.length > l.offset))
        t.found++;
      else if (!s.hard) missed.push(s.id);
      into.set(l.kind, t);
    }
  }
  const perKind = (from: typeof tally) =>
    (['phone', 'email', 'mrn'] as const).map((kind) => {
      const t = from.get(kind) ?? { labelled: 0, found: 0 };
      return { kind, ...t, recall: t.labelled ? t.found / t.labelled : 1 };
    });
  const kinds = perKind(tally);
  const labelled = kinds.reduce((n, k) => n + k.labelled, 0);
  const found = kinds.reduce((n, k) => n + k.found, 0);
  return {
    kinds,
    hard: perKind(hardTally),
    overall: { labelled, found, recall: labelled ? found / labelled : 1 },
    clean,
    falsePositives,
    fpRate: clean ? falsePositives / clean : 0,
    missed,
  };
}
