// Every statement an LRS holds about the course, page by page, written as one JSON array (to
// check them with tests/xapi/validate.js and count them).
// Usage: node fetch.js ENDPOINT ACTIVITY OUT.json   (credentials in MPA_LRS_KEY, MPA_LRS_SECRET)
const fs = require('fs');
const [endpoint, activity, out] = process.argv.slice(2);
const auth = 'Basic ' + Buffer.from(`${process.env.MPA_LRS_KEY}:${process.env.MPA_LRS_SECRET}`).toString('base64');
const origin = new URL(endpoint).origin;
(async () => {
  const all = [];
  let next = `${endpoint}statements?activity=${encodeURIComponent(activity)}&related_activities=true&ascending=true&limit=500`;
  while (next) {
    const res = await fetch(next, { headers: { Authorization: auth, 'X-Experience-API-Version': '1.0.3' } });
    if (!res.ok) throw new Error(`${res.status} ${await res.text()}`);
    const page = await res.json();
    all.push(...page.statements);
    next = page.more ? (page.more.startsWith('http') ? page.more : origin + page.more) : null;
  }
  fs.writeFileSync(out, JSON.stringify(all));
  const ids = new Set(all.map((s) => s.id));
  console.log(`${all.length} statements, ${ids.size} distinct ids`);
  if (ids.size !== all.length) process.exit(1);
})().catch((e) => { console.error(e.message); process.exit(2); });
