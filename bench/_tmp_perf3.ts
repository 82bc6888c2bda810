import { createReadStream, writeFileSync } from 'node:fs';
import { buildChain, checkpointsFor, testKey } from '../tests/audit/chain-fixture.js';
import { verifyChain, parseNdjson } from '../src/audit/verify.js';
import { findAuditEventProblem } from '../src/audit/event-validation.js';
import { computeEventHash } from '../src/audit/event-hash.js';
import { MerkleAccumulator } from '../src/audit/merkle.js';
const N = Number(process.argv[2] ?? 200000);
const events = buildChain(1, N);
const cps = checkpointsFor(events, 10000);
function t0(){ return performance.now(); }
for (let r=0;r<3;r++){ const t=t0(); const rep = await verifyChain(events, { publicKey: testKey.publicKey, checkpoints: cps }); console.log('mem', rep.ok, Math.round(N/(t0()-t)*1000)); }
const parsed = events.map(e=>JSON.parse(JSON.stringify(e)));
for (let r=0;r<2;r++){ let t=t0(); for (const e of parsed) if (findAuditEventProblem(e,true)) throw 1; console.log('validate us', ((t0()-t)*1000/N).toFixed(3));
t=t0(); for (const e of parsed) computeEventHash(e.prevHash,e); console.log('hash us', ((t0()-t)*1000/N).toFixed(3));
t=t0(); const m=new MerkleAccumulator(); for (const e of parsed) m.push(e.hash); console.log('merkle us', ((t0()-t)*1000/N).toFixed(3)); }
writeFileSync('/tmp/auditperf/x.ndjson', events.map(e=>JSON.stringify(e)+'\n').join(''));
for (let r=0;r<2;r++){ let t=t0(); let n=0; for await (const e of parseNdjson(createReadStream('/tmp/auditperf/x.ndjson',{highWaterMark:1<<20}))) n++; console.log('parse only', Math.round(n/(t0()-t)*1000));
t=t0(); const rep = await verifyChain(parseNdjson(createReadStream('/tmp/auditperf/x.ndjson',{highWaterMark:1<<20})), { publicKey: testKey.publicKey, checkpoints: cps }); console.log('file', rep.ok, Math.round(N/(t0()-t)*1000)); }
