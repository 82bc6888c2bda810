import { hash } from 'node:crypto';
import { buildChain } from '../tests/audit/chain-fixture.js';
import { canonicalEventJson } from '../src/audit/event-hash.js';
import type { AuditEventBody } from '../src/audit/event.js';
const N = 200_000;
const events = buildChain(1, N);
const lines = events.map(e=>JSON.stringify(e));
const parsed = lines.map(l=>JSON.parse(l));
function bench(name: string, f: (i:number)=>number){ let best=1e9; for(let r=0;r<4;r++){ const t=performance.now(); let x=0; for (let i=0;i<N;i++) x+=f(i); const us=(performance.now()-t)*1000/N; best=Math.min(best,us);} console.log(name.padEnd(20), best.toFixed(3)); }
const ESC = /["\\\u0000-\u001f\ud800-\udfff]/;
const qs = (s: string) => ESC.test(s) ? JSON.stringify(s) : '"' + s + '"';
const o = (s: string|null|undefined) => s == null ? 'null' : qs(s);
function canonB(event: AuditEventBody): string {
  const actor = event.actor, resource = event.resource;
  let pf = '['; for (let i=0;i<event.phiFields.length;i++) pf += (i?',':'') + qs(event.phiFields[i]!); pf += ']';
  return '{"action":' + qs(event.action) + ',"actor":{"authMethod":' + qs(actor.authMethod) + ',"id":' + qs(actor.id) + ',"keyId":' + o(actor.keyId) + ',"kind":' + qs(actor.kind) + ',"sessionId":' + o(actor.sessionId) + '},"breakGlassReason":' + o(event.breakGlassReason) + ',"clientAddrHash":' + o(event.clientAddrHash) + ',"id":' + qs(event.id) + ',"occurredAt":' + qs(event.occurredAt) + ',"outcome":' + qs(event.outcome) + ',"phiFields":' + pf + ',"purposeOfUse":' + o(event.purposeOfUse) + ',"reasonCode":' + o(event.reasonCode) + ',"requestId":' + o(event.requestId) + ',"resource":{"id":' + qs(resource.id) + ',"type":' + qs(resource.type) + '},"seq":' + String(event.seq) + ',"subjectContactId":' + o(event.subjectContactId) + ',"tenantId":' + qs(event.tenantId) + ',"userAgentFamily":' + o(event.userAgentFamily) + '}';
}
function canonC(e: AuditEventBody): string {
  const a = e.actor, r = e.resource;
  return JSON.stringify({ action: e.action, actor: { authMethod: a.authMethod, id: a.id, keyId: a.keyId ?? null, kind: a.kind, sessionId: a.sessionId ?? null }, breakGlassReason: e.breakGlassReason ?? null, clientAddrHash: e.clientAddrHash ?? null, id: e.id, occurredAt: e.occurredAt, outcome: e.outcome, phiFields: e.phiFields, purposeOfUse: e.purposeOfUse ?? null, reasonCode: e.reasonCode ?? null, requestId: e.requestId ?? null, resource: { id: r.id, type: r.type }, seq: e.seq, subjectContactId: e.subjectContactId ?? null, tenantId: e.tenantId, userAgentFamily: e.userAgentFamily ?? null });
}
for (let i=0;i<1000;i++){ if (canonB(parsed[i])!==canonicalEventJson(parsed[i])||canonC(parsed[i])!==canonicalEventJson(parsed[i])) throw new Error('diff '+i); }
bench('parse', i=>JSON.parse(lines[i]!).seq);
bench('canonA stringify', i=>canonicalEventJson(parsed[i]).length);
bench('canonB regex', i=>canonB(parsed[i]).length);
bench('canonC obj', i=>canonC(parsed[i]).length);
bench('hashA', i=>hash('sha256', 'phidesk.audit.event.v1\n'+parsed[i].prevHash+'\n'+canonicalEventJson(parsed[i]),'hex').length);
bench('hashC', i=>hash('sha256', 'phidesk.audit.event.v1\n'+parsed[i].prevHash+'\n'+canonC(parsed[i]),'hex').length);
bench('hashC buf', i=>hash('sha256', Buffer.from('phidesk.audit.event.v1\n'+parsed[i].prevHash+'\n'+canonC(parsed[i])),'hex').length);
