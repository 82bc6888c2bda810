// Generates tests/phi-detection/corpus/corpus.json deterministically (seeded PRNG):
// synthetic replies holding one identifier kind each, with its labelled position, and
// clean replies with look-alikes (order numbers, versions, non-patient dates, prices).
// Run: node --import tsx tests/phi-detection/corpus/generate.ts
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

let seed = 0x5eed;
function rand(): number {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed / 0x80000000;
}
const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
const pick = <T>(xs: readonly T[]): T => xs[int(0, xs.length - 1)] as T;
const digits = (n: number) => Array.from({ length: n }, () => int(0, 9)).join('');
const pad = (n: number) => String(n).padStart(2, '0');

const makers: Record<string, () => string> = {
  ssn: () => `${int(100, 665)}-${pad(int(1, 99))}-${String(int(1, 9999)).padStart(4, '0')}`,
  phone: () =>
    pick([
      () => `(${int(201, 989)}) ${int(200, 999)}-${digits(4)}`,
      () => `${int(201, 989)}-${int(200, 999)}-${digits(4)}`,
      () => `+1 ${int(201, 989)} ${int(200, 999)} ${digits(4)}`,
      () => `${int(201, 989)}.${int(200, 999)}.${digits(4)}`,
    ])(),
  email: () =>
    `${pick(['jane.doe', 'pat', 'm.smith', 'carlos_r', 'li.wei'])}${int(1, 999)}@${pick(['example.com', 'mail.example.org', 'clinic.example.net'])}`,
  date: () =>
    pick([
      () => `${int(1, 12)}/${int(1, 28)}/${int(1930, 2024)}`,
      () => `${int(1930, 2024)}-${pad(int(1, 12))}-${pad(int(1, 28))}`,
      () => `${pick(['January', 'Mar', 'July', 'Sept', 'December'])} ${int(1, 28)}, ${int(1930, 2024)}`,
    ])(),
  zip: () => `${pick(['MA', 'NY', 'CA', 'TX'])} ${digits(5)}`,
  address: () =>
    `${int(1, 9999)} ${pick(['Oak', 'Maple', 'North Elm', 'Cedar Hill'])} ${pick(['Street', 'Ave', 'Road', 'Lane', 'Drive'])}`,
  url: () => `https://${pick(['portal.example.com', 'example.org'])}/patients/${digits(6)}`,
  ip: () => `${int(11, 223)}.${int(0, 255)}.${int(0, 255)}.${int(1, 254)}`,
  mrn: () => `MRN ${pick(['', 'E-', 'A'])}${digits(int(6, 8))}`,
  account: () => `account number ${digits(int(8, 12))}`,
};

const before = ['Hi, about your visit:', 'As discussed,', 'Please confirm', 'Record shows', 'Note:'];
const after = ['is on file.', 'was updated today.', 'please call us back.', 'thanks.', 'let us know.'];

const lookAlikes = [
  () => `Your order #${digits(8)} shipped.`,
  () => `We upgraded to version ${int(1, 9)}.${int(0, 20)}.${int(0, 99)} last night.`,
  () => `The clinic closes on ${pick(['Monday', 'Friday'])} for the holiday.`,
  () => `Invoice total is $${int(10, 999)}.${pad(int(0, 99))}, ticket ${int(1000, 99999)}.`,
  () => `Release ${int(2019, 2026)}.${int(1, 12)} fixes the login page.`,
  () => `Call the main desk during business hours, ${int(8, 9)} to ${int(4, 6)}.`,
  () => `Step ${int(1, 9)} of ${int(10, 20)}: upload form ${int(100, 999)}-B.`,
  () => `Reference code ${digits(3)}-${digits(3)} is valid for ${int(2, 30)} minutes.`,
  () => `Build ${digits(4)} passed ${int(100, 999)} checks in ${int(2, 59)} seconds.`,
  () => `Room ${int(100, 499)} is on floor ${int(1, 4)}.`,
];

interface Sample {
  id: string;
  text: string;
  labels: Array<{ kind: string; offset: number; length: number }>;
}
const samples: Sample[] = [];
for (const [kind, make] of Object.entries(makers)) {
  for (let i = 0; i < 30; i++) {
    const value = make();
    const head = `${pick(before)} ${kind === 'zip' ? 'Boston,' : ''}`.trimEnd() + ' ';
    samples.push({
      id: `${kind}-${i}`,
      text: `${head}${value} ${pick(after)}`,
      labels: [{ kind, offset: head.length, length: value.length }],
    });
  }
}
for (let i = 0; i < 150; i++) samples.push({ id: `clean-${i}`, text: pick(lookAlikes)(), labels: [] });

const target = fileURLToPath(new URL('./corpus.json', import.meta.url));
writeFileSync(target, JSON.stringify(samples, null, 1) + '\n');
console.log(`wrote ${samples.length} samples to ${target}`);
