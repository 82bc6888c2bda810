import { createReadStream, writeFileSync, existsSync, readFileSync } from 'node:fs';
import { buildChain, checkpointsFor, testKey } from '../tests/audit/chain-fixture.js';
import { verifyChain, parseNdjson } from '../src/audit/verify.js';
const f='/tmp/auditperf/x2.ndjson';
if (!existsSync(f)) { const ev = buildChain(1, 200000); writeFileSync(f, ev.map(e=>JSON.stringify(e)+'\n').join('')); writeFileSync(f+'.cp', JSON.stringify(checkpointsFor(ev, 10000))); process.exit(0); }
const cps = JSON.parse(readFileSync(f+'.cp','utf8'));
for (let r=0;r<4;r++){ const t=performance.now(); const c0=process.cpuUsage(); const rep = await verifyChain(parseNdjson(createReadStream(f,{highWaterMark:1<<20})), { publicKey: testKey.publicKey, checkpoints: cps }); const c=process.cpuUsage(c0); console.log('file', rep.ok, Math.round(rep.events/(performance.now()-t)*1000), 'cpu-rate', Math.round(rep.events/((c.user+c.system)/1e6))); }
import { parseNdjsonBatches } from '../src/audit/ndjson.js';
import { AuditChainVerifier } from '../src/audit/verify.js';
for (let r=0;r<4;r++){ const t=performance.now(); const v = new AuditChainVerifier({ publicKey: testKey.publicKey, checkpoints: cps }); for await (const b of parseNdjsonBatches(createReadStream(f,{highWaterMark:1<<20}))) for (const e of b) v.add(e); const rep=v.finish(); console.log('batch file', rep.ok, Math.round(rep.events/(performance.now()-t)*1000)); }
