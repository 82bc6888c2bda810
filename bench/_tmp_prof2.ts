import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { buildChain, checkpointsFor, testKey } from '../tests/audit/chain-fixture.js';
import { verifyChain } from '../src/audit/verify.js';
const N = 200000; const f='/tmp/auditperf/events.json';
if (!existsSync(f)) { const ev = buildChain(1, N); writeFileSync(f, JSON.stringify({ev, cps: checkpointsFor(ev, 10000)})); process.exit(0); }
const { ev: events, cps } = JSON.parse(readFileSync(f,'utf8'));
const res=[];
for (let r=0;r<10;r++){ const t=performance.now(); const rep = await verifyChain(events, { publicKey: testKey.publicKey, checkpoints: cps }); res.push(Math.round(N/(performance.now()-t)*1000)); if(!rep.ok) throw 1; }
console.log(res.join(' '));
