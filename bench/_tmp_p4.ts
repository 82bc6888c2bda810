import { createReadStream } from 'node:fs';
import { parseNdjson } from '../src/audit/ndjson.js';
const f='/tmp/auditperf/x2.ndjson';
for (let r=0;r<3;r++){ let t=performance.now(); let n=0; for await (const e of parseNdjson(createReadStream(f,{highWaterMark:1<<20}))) n+=e.seq>0?1:0; console.log('gen parse', Math.round(n/(performance.now()-t)*1000));
t=performance.now(); n=0; for await (const c of createReadStream(f,{highWaterMark:1<<20})) { const s=(c as Buffer).toString('utf8'); let st=0; for(let e=s.indexOf('\n');e!==-1;e=s.indexOf('\n',st)){ n+= JSON.parse(s.slice(st,e)).seq>0?1:0; st=e+1;} } console.log('raw parse (approx)', Math.round(n/(performance.now()-t)*1000)); }
