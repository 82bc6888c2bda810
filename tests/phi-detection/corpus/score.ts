// Scores the pattern detector on corpus.json: recall per kind (a label counts as found
// when a finding of the same kind overlaps it) and false-positive rate per kind (share
// of clean samples with at least one finding of that kind).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PatternDetector, PHI_KINDS, type PhiPatternKind } from '../../../src/phi-detection/patterns.js';

export interface Sample {
  id: string;
  text: string;
  labels: Array<{ kind: PhiPatternKind; offset: number; length: number }>;
}

export function loadCorpus(): Sample[] {
  return JSON.parse(readFileSync(fileURLToPath(new URL('./corpus.json', import.meta.url)), 'utf8')) as Sample[];
}

export interface KindScore {
  kind: PhiPatternKind;
  labelled: number;
  found: number;
  recall: number;
  clean: number;
  falsePositives: number;
  fpRate: number;
}

export function scoreCorpus(detector = new PatternDetector(), corpus: readonly Sample[] = loadCorpus()): KindScore[] {
  const clean = corpus.filter((s) => s.labels.length === 0);
  return PHI_KINDS.map((kind) => {
    let labelled = 0;
    let found = 0;
    for (const s of corpus) {
      const findings = detector.detect(s.text);
      for (const l of s.labels.filter((x) => x.kind === kind)) {
        labelled++;
        if (findings.some((f) => f.kind === kind && f.offset < l.offset + l.length && f.offset + f.length > l.offset))
          found++;
      }
    }
    const falsePositives = clean.filter((s) => detector.detect(s.text).some((f) => f.kind === kind)).length;
    return {
      kind,
      labelled,
      found,
      recall: labelled === 0 ? 1 : found / labelled,
      clean: clean.length,
      falsePositives,
      fpRate: falsePositives / clean.length,
    };
  });
}

/** The hand-written corpus (handwritten.ts) in the shape scoreCorpus takes. */
export async function handwrittenSamples(): Promise<Sample[]> {
  const { handwrittenCorpus } = await import('./handwritten.js');
  return handwrittenCorpus().map((s, i) => ({ id: `hand-${i}`, ...s }));
}

/** The held-out set (heldout.ts), never used to tune the patterns. */
export async function heldoutSamples(): Promise<Sample[]> {
  const { parseReply } = await import('./handwritten.js');
  const { heldoutClean, heldoutLabelled } = await import('./heldout.js');
  return [
    ...heldoutLabelled.map((m, i) => ({ id: `held-${i}`, ...parseReply(m) })),
    ...heldoutClean.map((text, i) => ({ id: `held-clean-${i}`, text, labels: [] })),
  ];
}
