// The hand-written pattern corpus: replies as staff write them, each identifier marked
// {{kind:value}}, written from how identifiers appear in real correspondence and not
// from the detector's expressions (generate.ts's corpus shares the detector author's
// idea of each shape, so its 100% is optimistic; this one is the honest number). Some
// spellings here are known misses (an SSN without dashes, a ZIP without a state, an
// address in lower case); the clean replies hold look-alikes that are not about a
// patient (orders, versions, the clinic's own address and dates, error codes), some of
// which the patterns do flag: that is the false-positive rate reported.
import type { PhiPatternKind } from '../../../src/phi-detection/patterns.js';

export const labelledReplies: string[] = [
  // ssn
  'Her SSN is {{ssn:123-45-6789}} per the intake form.',
  'Social security number {{ssn:078-05-1121}} was on the claim.',
  'SSN: {{ssn:219 09 9999}}',
  'ssn {{ssn:219099998}} confirmed by phone',
  'The last claim listed {{ssn:536-22-8726}} as the member SSN.',
  'SS# {{ssn:401-33-2871}}',
  '{{ssn:310-48-9912}} is the number the caller gave.',
  '(SSN {{ssn:512-76-3309}})',
  'Tax id on file: {{ssn:623-11-0456}}.',
  'Verified identity with SSN={{ssn:288-61-5403}}',
  'SSN {{ssn:145.72.3390}} does not match.',
  'Please correct the SSN to {{ssn:472-19-8830}}, thanks.',
  // phone
  'Call me at {{phone:(617) 555-0143}} after lunch.',
  'Cell {{phone:617.555.0178}}',
  'Reach her on {{phone:+1 617 555 0111}}.',
  'Best number: {{phone:6175550122}}',
  'Tel: {{phone:1-800-555-0199}}',
  'Phone {{phone:617-555-0166}} ext. 12',
  'Text {{phone:+16175550155}} when ready.',
  'Fax to {{phone:(508)555-0134}}',
  "Daughter's number is {{phone:781 555 0190}}.",
  'Call back at {{phone:617 555-0105}}',
  'Mobile: {{phone:+1-617-555-0187}}',
  '{{phone:857.555.0101}} after 5pm works.',
  // email
  'Send it to {{email:jane.doe@gmail.com}} please.',
  'Mail {{email:R.Smith+clinic@Example.ORG}}',
  'Contact <{{email:pat_o@hospital.example.net}}>',
  'email: {{email:li-wei@example.co.uk}}',
  'Send the forms to {{email:mgarcia77@yahoo.com}}.',
  'cc {{email:nurse.line@clinic.example.com}}, thanks',
  'Her school address ({{email:t.nguyen@uni.example.edu}}) bounced.',
  'mailto:{{email:contact@family-practice.example}}',
  'Her address is {{email:ANNA.K@EXAMPLE.COM}}',
  "User {{email:o'brien@example.com}} asked again.",
  // date
  'Patient born {{date:03/14/1962}}.',
  'DOB {{date:1962-03-14}}',
  'Admitted on {{date:March 3, 2024}} for observation.',
  'Discharged {{date:3 March 2024}}.',
  'Seen {{date:Jan. 5, 2023}} in clinic.',
  'DOB: {{date:7/4/1985}}',
  'Date of death {{date:12/31/2020}}.',
  'Birthday {{date:14.03.1962}}',
  'Surgery scheduled for {{date:Sept 9 2025}}.',
  'Visit on {{date:2024/02/11}} was missed.',
  'Last period {{date:Feb 29, 2024}}.',
  'DOB {{date:04-22-1971}}',
  // zip
  'Boston, {{zip:MA 02114}}',
  'zip {{zip:02115-3301}}',
  'ZIP code: {{zip:10027}}',
  'Lives in Cambridge {{zip:MA 02139}}.',
  'Postal code {{zip:94110}}',
  'Springfield, IL {{zip:62701}}',
  'Austin TX {{zip:78701}}',
  'Moved to {{zip:02114}} last year.',
  'New York, NY {{zip:10001-2345}}',
  'zip: {{zip:60614}}',
  // address
  'She lives at {{address:42 Beacon Street}} now.',
  'Mail to {{address:1600 Pennsylvania Ave}}.',
  'Address on file: {{address:7 Elm St.}}',
  'Deliver to {{address:221B Baker Street}}.',
  'Home is {{address:350 Fifth Avenue}}, apartment 4.',
  'He moved to {{address:12 old mill road}}.',
  'Pick-up at {{address:900 Boylston St}}',
  'Send to {{address:55 Fruit St}}, Boston.',
  'Lives at {{address:10 Downing Pl}}',
  'New address {{address:4 Martin Luther King Jr Blvd}}',
  'Mail to {{address:PO Box 1234}}.',
  'Her house at {{address:77 Massachusetts Avenue}} flooded.',
  // url
  'See {{url:https://portal.example.com/patient/88123}} for the chart.',
  'Link: {{url:http://example.org/records?id=5}}',
  'Photos at {{url:www.example.com/chart/991}}',
  'Log in at {{url:https://mychart.example.org}}.',
  'Her page ({{url:https://x.example.net/a/b}}) is public.',
  'Shared {{url:HTTPS://EXAMPLE.COM/P/1}}',
  'Scans at {{url:https://drive.example.com/file/d/abc123/view}}',
  'Profile at {{url:example.com/patients/4412}}',
  // ip
  'Logged in from {{ip:192.168.1.20}}.',
  'Request from {{ip:10.0.0.5}}',
  'IP {{ip:203.0.113.77}}',
  'Her router is {{ip:8.8.4.4}}.',
  'Pump at {{ip:172.16.254.1}}.',
  'IPv6 {{ip:2001:db8::1}}',
  'Login from {{ip:198.51.100.23}} at 3am.',
  'Monitor reports {{ip:100.64.0.12}} offline.',
  // mrn
  'MRN {{mrn:00412781}}',
  'MRN: {{mrn:E-0041278}}',
  'Medical record number {{mrn:5512378}}',
  'MRN#{{mrn:778812}}',
  'mrn {{mrn:A9921345}} pulled.',
  'Chart number {{mrn:88812345}}',
  'Medical Record No. {{mrn:1234567}}',
  'MRN {{mrn:12-345-678}}',
  '(MRN {{mrn:009988776}})',
  'MR# {{mrn:334455}}',
  // account
  'Account number {{account:123456789}}',
  'acct {{account:0099887766}}',
  'Account #{{account:55512345}}',
  'Billing account {{account:7788990011}}',
  'acct no. {{account:11223344}}',
  'account no: {{account:99001122}}',
  'Acct. {{account:123456789012}}',
  'Bank account {{account:000123456789}}',
  'Account ID {{account:44556677}}',
  'Statement for account {{account:5544-3322}}',
];

export const cleanReplies: string[] = [
  'Your order #88123412 shipped yesterday.',
  'We upgraded to version 2.4.1 on Monday.',
  'The clinic moved to the new building in 2019.',
  'Invoice INV-2024-0042 is paid.',
  'Release 10.2.0.1 fixes the portal login.',
  'Call the main line during business hours.',
  'Meeting notes from the 3/14 standup are attached.',
  'Pricing is $1,234.56 per year.',
  'Ticket 555-1234 was merged into this one.',
  'Error code 404-500-1234 appears in the log.',
  'Reference 123-45-678 for the part.',
  'Room 12B is on floor 3.',
  'The form is 2024-W12.',
  'Build 20240311 passed.',
  'Office hours are 9-5, Monday to Friday.',
  'The 2023 annual report is attached.',
  'Use coupon SAVE2024 at checkout.',
  'Model number AB-1234-XYZ is discontinued.',
  'Follow steps 1.2.3 of the guide.',
  'Firmware 4.10.2.255 was released.',
  'See section 164.502(b) of the rule.',
  'Policy updated on 2024-01-15.',
  'Our fiscal year ends June 30, 2025.',
  'The maintenance window is 01/02/2025 at 10pm.',
  'Contact support through the portal.',
  'Reply STOP to opt out.',
  'The package weighs 2.5 kg.',
  'ISBN 978-3-16-148410-0 is the handbook.',
  'We shipped 1,250 units in 12 shipments.',
  'Flight UA 2214 departs at 10:45.',
  'Serial SN-4412-8871-22 is under warranty.',
  'Version 2024.3.1 is live.',
  '45 CFR 164.514 lists 18 identifiers.',
  'You are number 14 in the queue of 200.',
  'Tracking 1Z999AA10123456784 shows delivered.',
  'Patch KB5034441 is installed.',
  'Ports 8080 and 8443 are open.',
  'A temperature of 98.6 F is normal.',
  'The hotline number is on our website.',
  'Account settings are under your profile.',
  'Our MRN format changed last year.',
  'Route 128 traffic delayed the courier.',
  'Reception is in Suite 400.',
  'Dial extension 4412 for billing.',
  'Our office at 100 Main Street is closed Friday.',
  'Visit https://www.example.com/help for answers.',
  'Uploads must be under 25 MB.',
  'Q3 2024 results are out.',
  'The survey has 3 parts and takes 10 minutes.',
  'Your claim 2024-88812 is in review.',
  'Appointment reminders go out 48 hours ahead.',
  'The lab is open 7 days a week.',
  'Order 123456789 was refunded.',
  'Case 00012345 was escalated.',
  'We reached 99.9% uptime this month.',
  'The new portal launches on Monday.',
  'Dose is 2.5 mg twice a day.',
  'Batch 7781-22 of the vaccine arrived.',
  'Check the FAQ at our help center.',
  'Call 911 in an emergency.',
];

export interface HandSample {
  text: string;
  labels: Array<{ kind: PhiPatternKind; offset: number; length: number }>;
}

/** Parses the {{kind:value}} marks into text and labelled spans. */
export function parseReply(marked: string): HandSample {
  const labels: HandSample['labels'] = [];
  let text = '';
  let at = 0;
  for (const m of marked.matchAll(/\{\{(\w+):(.*?)\}\}/g)) {
    text += marked.slice(at, m.index);
    labels.push({ kind: m[1] as PhiPatternKind, offset: text.length, length: m[2]!.length });
    text += m[2];
    at = m.index + m[0].length;
  }
  return { text: text + marked.slice(at), labels };
}

export function handwrittenCorpus(): HandSample[] {
  return [...labelledReplies.map(parseReply), ...cleanReplies.map((text) => ({ text, labels: [] }))];
}
