import { buildChain, checkpointsFor, testKey } from '../tests/audit/chain-fixture.js';
import { verifyChain } from '../src/audit/verify.js';
const N = 200000;
const events = buildChain(1, N).map(e=>JSON.parse(JSON.stringify(e)));
const cps = checkpointsFor(events, 10000);
for (let r=0;r<5;r++){ const t=performance.now(); const rep = await verifyChain(events, { publicKey: testKey.publicKey, checkpoints: cps }); console.log('mem', rep.ok, Math.round(N/(performance.now()-t)*1000)); }
