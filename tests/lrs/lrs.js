// A learning record store for the tests, on this machine only: Learning Locker's statements
// service (xAPI 1.0.3) in memory, and in front of it a small proxy that demands HTTP Basic
// credentials, as a real LRS does (in memory mode the service accepts anyone).
//
//   LRS_PORT=18080 LRS_KEY=key LRS_SECRET=secret node lrs.js
//
// The xAPI endpoint is then http://127.0.0.1:$LRS_PORT/xAPI/. Everything listens on 127.0.0.1.
// As an LMS's cmi5 launch gives, POST /fetch/ANY answers the credentials once as
// {"auth-token": ...}, and an error the next times; every answer carries CORS headers, so a
// page on another port reads them (a 401 too, or a wrong password looks like a network error).
// The State API (/xAPI/activities/state, by stateId, activityId, agent and registration) and
// the Agent Profile API (/xAPI/agents/profile, by profileId and agent) are kept here in memory,
// where an LMS writes cmi5's LMS.LaunchData before a launch and the learner's preferences; the
// statements service has neither.
const net = require('net');
const http = require('http');

const port = Number(process.env.LRS_PORT || 18080);
const inner = port + 1;
const key = process.env.LRS_KEY || 'key';
const secret = process.env.LRS_SECRET || 'secret';

// Bind every server of this process to the loopback address, whatever it asks for.
const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function (...args) {
  if (typeof args[0] === 'number') return listen.call(this, args[0], '127.0.0.1', ...args.slice(1).filter((a) => typeof a === 'function'));
  if (args[0] && typeof args[0] === 'object') return listen.call(this, { ...args[0], host: '127.0.0.1' }, ...args.slice(1));
  return listen.apply(this, args);
};

const storage = process.env.LRS_STORAGE || require('os').tmpdir() + '/mpa-lrs-' + port;
Object.assign(process.env, {
  EXPRESS_PORT: String(inner),
  AUTH_REPO: 'test',
  MODELS_REPO: 'memory',
  STORAGE_REPO: 'local',
  EVENTS_REPO: 'test',
  WINSTON_CONSOLE_LEVEL: 'error',
  FS_LOCAL_STORAGE_DIR: storage,
  EXPRESS_MORGAN_DIRECTORY: storage + '/accessLogs',
});
// The in-memory store pages with a cursor on each statement's internal id (`_id < cursor`) but
// sorts by the time stored, and it makes those ids with uuid v1, whose text does not sort by
// time (its first field wraps every 7 minutes). A store filled over more than that skipped
// statements when read page by page (3,741 of 10,000 sessions came back from a 26-minute
// sync). Learning Locker's MongoDB store uses ObjectIDs, which sort by time; the ids made here
// do the same, so that the test store pages as a real one does. The id is only used there.
const uuid = require(require.resolve('uuid', {
  paths: [require('path').dirname(require.resolve('@learninglocker/xapi-statements/dist/repo/modelsRepo/createStatements/memory.js'))],
}));
let made = 0;
uuid.v1 = () => String(++made).padStart(16, '0');
require('@learninglocker/xapi-statements/dist/index.js');

const expected = 'Basic ' + Buffer.from(`${key}:${secret}`).toString('base64');
const cors = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Headers': 'Authorization, Content-Type, X-Experience-API-Version',
  'Access-Control-Allow-Methods': 'GET, POST, PUT, OPTIONS',
};
const fetched = new Set();
const states = new Map();
// An agent as an LRS identifies it: by its account (or mbox), however its JSON is written.
function agentKey(text) {
  try {
    const a = JSON.parse(text);
    return a.account ? `${a.account.homePage} ${a.account.name}` : String(a.mbox);
  } catch (e) {
    return text;
  }
}
// One document of the State or Agent Profile API: PUT or POST stores it, GET gives it (404 if
// there is none).
const documents = ['/xAPI/activities/state', '/xAPI/agents/profile'];
function state(req, res, url) {
  const q = (k) => url.searchParams.get(k) || '';
  const id = q('stateId') || q('profileId');
  const key = [url.pathname, id, q('activityId'), agentKey(q('agent')), q('registration')].join('\n');
  if (req.method === 'GET') {
    const doc = states.get(key);
    console.log(`lrs: document ${id}: ${doc ? 'read' : 'none'}`);
    res.writeHead(doc ? 200 : 404, { 'Content-Type': 'application/json', ...cors });
    res.end(doc || JSON.stringify({ message: 'no such document' }));
    return;
  }
  let body = '';
  req.on('data', (chunk) => { body += chunk; });
  req.on('end', () => {
    states.set(key, body);
    res.writeHead(204, cors);
    res.end();
  });
}
http.createServer((req, res) => {
  const url = new URL(req.url, 'http://127.0.0.1');
  if (documents.includes(url.pathname) && req.method === 'OPTIONS') {
    res.writeHead(204, cors);
    res.end();
    return;
  }
  if (req.url.startsWith('/fetch/') && req.method !== 'OPTIONS') {
    const first = req.method === 'POST' && !fetched.has(req.url);
    fetched.add(req.url);
    console.log(`lrs: fetch ${req.url}: ${first ? 'token given' : 'refused, used before'}`);
    res.writeHead(200, { 'Content-Type': 'application/json', ...cors });
    res.end(JSON.stringify(first
      ? { 'auth-token': Buffer.from(`${key}:${secret}`).toString('base64') }
      : { 'error-code': '1', 'error-text': 'this fetch address was used already' }));
    return;
  }
  if (req.method !== 'OPTIONS' && req.headers.authorization !== expected) {
    res.writeHead(401, { 'Content-Type': 'application/json', 'WWW-Authenticate': 'Basic realm="lrs"', ...cors });
    res.end(JSON.stringify({ message: 'Unauthorised' }));
    return;
  }
  if (documents.includes(url.pathname)) {
    state(req, res, url);
    return;
  }
  const upstream = http.request(
    { host: '127.0.0.1', port: inner, method: req.method, path: req.url, headers: req.headers },
    (answer) => {
      res.writeHead(answer.statusCode, answer.headers);
      answer.pipe(res);
    },
  );
  upstream.on('error', (e) => {
    res.writeHead(502, { 'Content-Type': 'application/json', ...cors });
    res.end(JSON.stringify({ message: `the statements service is not up: ${e.message}` }));
  });
  req.pipe(upstream);
}).listen(port, '127.0.0.1', () => console.log(`lrs: http://127.0.0.1:${port}/xAPI/`));
