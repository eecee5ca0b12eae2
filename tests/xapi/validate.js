// Validates an xAPI export of mpa-trainer (a JSON array of statements) with Learning Locker's
// validator, and checks what the project promises besides: unique statement ids, one
// registration per session, the verbs in order (a finished session completed, passed or failed,
// terminated; one ended before an ending terminated; an unfinished one suspended; one taken up
// again resumed, after the suspension sent while it was left), millisecond
// timestamps.
// Usage: node validate.js export.json
const fs = require('fs');
const validate = require('@learninglocker/xapi-validation').default;

const statements = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
let problems = 0;
const fail = (message) => { problems += 1; console.error(message); };

if (!Array.isArray(statements) || statements.length === 0) fail('the export holds no statements');
const ids = new Set();
const byRegistration = new Map();
statements.forEach((s, i) => {
  const warnings = validate(s);
  if (warnings.length > 0) fail(`statement ${i}: ${JSON.stringify(warnings)}`);
  if (ids.has(s.id)) fail(`statement ${i}: duplicate id ${s.id}`);
  ids.add(s.id);
  if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,3})?Z$/.test(s.timestamp)) fail(`statement ${i}: timestamp ${s.timestamp}`);
  const r = s.context && s.context.registration;
  if (!r) fail(`statement ${i}: no registration`);
  if (!byRegistration.has(r)) byRegistration.set(r, []);
  byRegistration.get(r).push(s.verb.id.split('/').pop());
});
for (const [registration, verbs] of byRegistration) {
  const text = verbs.join(' ');
  // A session left and taken up again: `resumed` where it went on, after the `suspended` sent
  // while it was left, if it was sent.
  if (!/^initialized(( suspended)? resumed| answered)*((( completed (passed|failed))? terminated)|( suspended))$/.test(text)) {
    fail(`registration ${registration}: verbs out of order: ${text}`);
  }
}
console.log(`${statements.length} statements in ${byRegistration.size} sessions: ${problems} problem(s)`);
process.exit(problems === 0 ? 0 : 1);
