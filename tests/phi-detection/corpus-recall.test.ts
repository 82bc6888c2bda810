import { describe, expect, it } from 'vitest';
import { PatternDetector, redact, validateTenantPattern } from '../../src/phi-detection/patterns.js';
import { valueCandidates } from '../../src/phi-detection/value-candidates.js';
import { loadCorpus, scoreCorpus } from './corpus/score.js';

describe('PHI pattern detection on the corpus', () => {
  it('has a few hundred samples with every kind and clean look-alikes', () => {
    const corpus = loadCorpus();
    expect(corpus.length).toBeGreaterThanOrEqual(300);
    expect(corpus.filter((s) => s.labels.length === 0).length).toBeGreaterThanOrEqual(100);
  });

  it('reaches at least 90% recall on every pattern kind, and at most 5% false positives', () => {
    for (const s of scoreCorpus()) {
      expect(s.labelled, s.kind).toBeGreaterThan(0);
      expect(s.recall, `${s.kind} recall`).toBeGreaterThanOrEqual(0.9);
      expect(s.fpRate, `${s.kind} false positives`).toBeLessThanOrEqual(0.05);
    }
  });

  it('names kind and position, never the value, and redacts by position', () => {
    const text = 'Call 617-555-0199 or mail a@example.com';
    const findings = new PatternDetector().detect(text);
    expect(findings).toEqual([
      { kind: 'phone', offset: 5, length: 12 },
      { kind: 'email', offset: 26, length: 13 },
    ]);
    expect(JSON.stringify(findings)).not.toContain('555');
    expect(redact(text, findings)).toBe('Call [PHONE] or mail [EMAIL]');
  });

  it('normalises value candidates as the contact blind indexes do', () => {
    const text = 'Reach +1 (617) 555-0199, Pat@Example.com, MRN E-0041278';
    const c = valueCandidates(text, new PatternDetector().detect(text));
    expect(c.map((x) => [x.index, x.normalised])).toEqual([
      ['phone', '16175550199'],
      ['phone', '6175550199'],
      ['email', 'pat@example.com'],
      ['mrn', 'e0041278'],
    ]);
  });

  it('refuses tenant patterns that can backtrack, and applies valid ones', () => {
    for (const bad of ['(a+)+$', '(x*)*', '(\\d{2,})+', '(a)\\1', '(?=a)b', '', 'x'.repeat(201), '[']) {
      expect(() => validateTenantPattern(bad), bad).toThrow();
    }
    const d = new PatternDetector({ mrn: ['\\bPT\\d{7}\\b'] });
    expect(d.detect('chart PT1234567 here')).toEqual([{ kind: 'mrn', offset: 6, length: 9 }]);
  });
});
