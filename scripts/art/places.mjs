// Draws the scene backdrops: assets/places/<place>.svg and assets/places/LICENCE.txt.
//
// Run from this folder: `node places.mjs`. The output is deterministic (no clock, no unseeded
// randomness), so running it twice gives identical files; the SVGs are committed and a build
// needs no Node.
//
// Every backdrop is 1600×900, a full opaque rectangle (the page behind it is dark grey, or
// black or white in high contrast), drawn as flat shapes with a few linear gradients and
// clip paths: no text, no filters, no masks, no external references, no CSS. Outdoor scenes
// share the horizon at y = HORIZON, indoor scenes the floor line at y = FLOOR. The lower middle
// (x 300–1300, y 450–900) is kept quiet because people are drawn over it.
//
// Props come from Fluent Emoji Flat (Microsoft, MIT) through @iconify-json/fluent-emoji-flat:
// each icon body (32×32) is placed with translate/scale and its colours are mixed towards the
// scene's light so the props sit calmly in the muted palette.

import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const outDir = join(here, '..', '..', 'assets', 'places');
const iconDir = join(here, 'node_modules', '@iconify-json', 'fluent-emoji-flat');
const iconSet = JSON.parse(readFileSync(join(iconDir, 'icons.json'), 'utf8'));
const iconPkg = JSON.parse(readFileSync(join(iconDir, 'package.json'), 'utf8'));
const iconInfo = JSON.parse(readFileSync(join(iconDir, 'info.json'), 'utf8'));

const W = 1600;
const H = 900;
const HORIZON = 560;
const FLOOR = 640;

// ---------------------------------------------------------------------------------------------
// Palette: one muted, warm family for all twelve scenes.

const C = {
  skyTop: '#a7c6d2',
  skyLow: '#e9e2cc',
  cloud: '#f3eee2',
  hillFar: '#9fb5a5',
  hillNear: '#7e9c7c',
  sea: '#6f9fa8',
  seaDeep: '#5a8b97',
  seaLight: '#a9cbcb',
  foam: '#eef0e8',
  sand: '#dccaa2',
  sandWet: '#c8b189',
  grass: '#94a970',
  grassDark: '#768e58',
  leaf: '#6f8f5a',
  leafDark: '#56754a',
  earth: '#c3a77f',
  earthDark: '#a98d67',
  concrete: '#c2bcae',
  concreteDark: '#a39d90',
  asphalt: '#6a6c6a',
  wood: '#9a7656',
  woodDark: '#75583f',
  woodLight: '#b8946e',
  zinc: '#aeb2ad',
  zincLight: '#c9ccc6',
  zincDark: '#8f948f',
  rust: '#a9704f',
  cream: '#eadcc2',
  creamDark: '#d8c6a6',
  ink: '#4a4440',
  shadow: '#2e2a27',
};

// ---------------------------------------------------------------------------------------------
// Small SVG writers.

const n = (v) => String(+(+v).toFixed(1));
const n3 = (v) => String(+(+v).toFixed(4));
const attrs = (o = {}) =>
  Object.entries(o)
    .filter(([, v]) => v !== undefined && v !== null)
    .map(([k, v]) => ` ${k}="${typeof v === 'number' ? String(+v.toFixed(3)) : v}"`)
    .join('');

const rect = (x, y, w, h, fill, o = {}) =>
  `<rect x="${n(x)}" y="${n(y)}" width="${n(w)}" height="${n(h)}" fill="${fill}"${attrs(o)}/>`;
const circle = (cx, cy, r, fill, o = {}) =>
  `<circle cx="${n(cx)}" cy="${n(cy)}" r="${n(r)}" fill="${fill}"${attrs(o)}/>`;
const ellipse = (cx, cy, rx, ry, fill, o = {}) =>
  `<ellipse cx="${n(cx)}" cy="${n(cy)}" rx="${n(rx)}" ry="${n(ry)}" fill="${fill}"${attrs(o)}/>`;
const path = (d, fill, o = {}) => `<path d="${d}" fill="${fill}"${attrs(o)}/>`;
const line = (d, stroke, width, o = {}) =>
  `<path d="${d}" fill="none" stroke="${stroke}" stroke-width="${n(width)}"${attrs(o)}/>`;
const poly = (pts, fill, o = {}) =>
  `<path d="M${pts.map(([x, y]) => `${n(x)} ${n(y)}`).join('L')}Z" fill="${fill}"${attrs(o)}/>`;
const group = (inner, o = {}) => `<g${attrs(o)}>${inner}</g>`;

// A seeded generator, so that "random" details are the same on every run.
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function parseHex(h) {
  let s = h.slice(1);
  if (s.length === 3) s = s.replace(/./g, (c) => c + c);
  return [0, 2, 4].map((i) => parseInt(s.slice(i, i + 2), 16));
}
function mix(a, b, t) {
  const [p, q] = [parseHex(a), parseHex(b)];
  return (
    '#' +
    p
      .map((v, i) => Math.round(v + (q[i] - v) * t))
      .map((v) => v.toString(16).padStart(2, '0'))
      .join('')
  );
}

// ---------------------------------------------------------------------------------------------
// A scene: collects shapes, gradients, clip paths and the icons it uses.

class Scene {
  constructor(name, { tone, note }) {
    this.name = name;
    this.tone = tone; // { color, amt }: how icon colours are mixed into the scene's light
    this.note = note;
    this.parts = [];
    this.defs = [];
    this.used = new Set();
    this.ids = 0;
  }
  add(...s) {
    this.parts.push(...s);
    return this;
  }
  // A linear gradient; stops are [offset, colour, opacity?]. Vertical unless told.
  grad(stops, { x1 = 0, y1 = 0, x2 = 0, y2 = 1 } = {}) {
    const id = `g${++this.ids}`;
    const s = stops
      .map(([o, c, op]) => `<stop offset="${o}" stop-color="${c}"${op !== undefined ? ` stop-opacity="${op}"` : ''}/>`)
      .join('');
    this.defs.push(`<linearGradient id="${id}" x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}">${s}</linearGradient>`);
    return `url(#${id})`;
  }
  clip(shape) {
    const id = `c${++this.ids}`;
    this.defs.push(`<clipPath id="${id}">${shape}</clipPath>`);
    return `url(#${id})`;
  }
  // Places a Fluent Emoji Flat icon with its top-left corner at (x, y), `size` pixels square.
  icon(id, x, y, size, { flip = false, dropWaves = false, tone = this.tone, rotate = 0 } = {}) {
    this.add(iconMarkup(id, x, y, size, { flip, dropWaves, tone, rotate }));
    this.used.add(id);
    return this;
  }
  svg() {
    const defs = this.defs.length ? `<defs>${this.defs.join('')}</defs>` : '';
    return (
      `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}">` +
      defs +
      this.parts.join('') +
      '</svg>\n'
    );
  }
}

function iconMarkup(id, x, y, size, { flip, dropWaves, tone, rotate }) {
  const ic = iconSet.icons[id];
  if (!ic) throw new Error(`icon ${id} is not in @iconify-json/fluent-emoji-flat`);
  const w = ic.width ?? iconSet.width ?? 16;
  const h = ic.height ?? iconSet.height ?? 16;
  if (w !== 32 || h !== 32 || ic.left || ic.top) throw new Error(`icon ${id} is not a plain 32×32 icon`);
  let body = ic.body;
  if (/\sid=|<(?:image|text|use|mask|filter|style)\b|url\(/.test(body)) {
    throw new Error(`icon ${id} has ids, references or elements that these backdrops avoid`);
  }
  if (dropWaves) {
    // The boat icons stand on a band of bright waves; the scene draws its own sea instead.
    const before = body;
    body = body.replace(/<path fill="#00a6ed" d="M30(?:\.0\d)? 2\dc[^"]*"\/>/g, '');
    if (body === before) throw new Error(`icon ${id} has no wave band to drop`);
  }
  if (tone) {
    body = body.replace(/#(?:[0-9a-fA-F]{6}|[0-9a-fA-F]{3})(?![0-9a-fA-F])/g, (m) => mix(m, tone.color, tone.amt));
  }
  const s = size / 32;
  let t = flip ? `translate(${n(x + size)} ${n(y)}) scale(${n3(-s)} ${n3(s)})` : `translate(${n(x)} ${n(y)}) scale(${n3(s)})`;
  if (rotate) t += ` rotate(${rotate} 16 16)`;
  return `<g transform="${t}">${body}</g>`;
}

// ---------------------------------------------------------------------------------------------
// Shared pieces of scenery.

const DAY = { color: '#b9ae98', amt: 0.38 };
const INDOOR = { color: '#c2b49c', amt: 0.36 };

function daySky(sc, { top = C.skyTop, low = C.skyLow } = {}) {
  sc.add(rect(0, 0, W, HORIZON + 2, sc.grad([[0, top], [1, low]])));
}

function clouds(sc, list, fill = C.cloud, opacity = 0.85) {
  // Flat, soft clouds: a row of overlapping ellipses on a rounded base.
  const out = [];
  for (const [x, y, w] of list) {
    const h = w * 0.16;
    out.push(rect(x, y, w, h, fill, { rx: h / 2 }));
    out.push(ellipse(x + w * 0.3, y + h * 0.2, w * 0.18, h * 1.0, fill));
    out.push(ellipse(x + w * 0.55, y, w * 0.2, h * 1.35, fill));
    out.push(ellipse(x + w * 0.77, y + h * 0.3, w * 0.13, h * 0.85, fill));
  }
  sc.add(group(out.join(''), { opacity }));
}

// A smooth range of hills standing on y = base, through the given (x, height) knots.
function hills(knots, base, fill) {
  let d = `M0 ${n(base)}L0 ${n(base - knots[0][1])}`;
  for (let i = 1; i < knots.length; i++) {
    const [x0, h0] = knots[i - 1];
    const [x1, h1] = knots[i];
    const mx = (x0 + x1) / 2;
    d += `C${n(mx)} ${n(base - h0)} ${n(mx)} ${n(base - h1)} ${n(x1)} ${n(base - h1)}`;
  }
  d += `L${W} ${n(base)}Z`;
  return path(d, fill);
}

function northernRange(sc, far = C.hillFar, near = C.hillNear) {
  sc.add(hills([[0, 70], [180, 110], [420, 60], [640, 95], [900, 45], [1150, 100], [1380, 70], [1600, 120]], HORIZON, far));
  sc.add(hills([[0, 40], [260, 20], [520, 45], [760, 10], [1100, 30], [1400, 15], [1600, 35]], HORIZON, near));
}

// A palm drawn as flat shapes: a leaning, tapering trunk and drooping fronds.
function palm(x, y, h, { lean = 0.15, trunk = '#8a6a4e', leaf = C.leaf, leafDark = C.leafDark, fronds = 8 } = {}) {
  const tx = x + lean * h;
  const ty = y - h;
  const w0 = h * 0.055;
  const w1 = h * 0.03;
  const cx = x + lean * h * 0.2;
  const cy = y - h * 0.55;
  let out = path(
    `M${n(x - w0 / 2)} ${n(y)}Q${n(cx - w0 / 2)} ${n(cy)} ${n(tx - w1 / 2)} ${n(ty)}L${n(tx + w1 / 2)} ${n(ty)}Q${n(cx + w0 / 2)} ${n(cy)} ${n(x + w0 / 2)} ${n(y)}Z`,
    trunk,
  );
  const len = h * 0.5;
  for (let i = 0; i < fronds; i++) {
    const a = Math.PI + (i / (fronds - 1)) * Math.PI; // from left, over the top, to right
    const dx = Math.cos(a);
    const droop = 0.55 + 0.45 * Math.abs(dx);
    const ex = tx + dx * len;
    const ey = ty + Math.sin(a) * len * 0.45 + droop * len * 0.55;
    const mx = tx + dx * len * 0.55;
    const my = ty + Math.sin(a) * len * 0.55 - len * 0.12;
    const wdt = len * 0.13;
    const fill = i % 2 ? leaf : leafDark;
    out += path(
      `M${n(tx)} ${n(ty)}Q${n(mx)} ${n(my - wdt)} ${n(ex)} ${n(ey)}Q${n(mx)} ${n(my + wdt)} ${n(tx)} ${n(ty)}Z`,
      fill,
    );
  }
  out += circle(tx, ty + 2, h * 0.03, '#7a5d3f');
  return out;
}

// Corrugated iron ("galvanize") as a quadrilateral: top edge a→b, bottom edge d→c, ridges between.
function corrugated([a, b, c, d], { base = C.zinc, light = C.zincLight, dark = C.zincDark, pitch = 16, width = 3 } = {}) {
  const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
  const k = Math.max(2, Math.round(len / pitch));
  let lights = '';
  let darks = '';
  for (let i = 0; i < k; i++) {
    const t = (i + 0.3) / k;
    const u = (i + 0.75) / k;
    const top = (t0) => [a[0] + (b[0] - a[0]) * t0, a[1] + (b[1] - a[1]) * t0];
    const bot = (t0) => [d[0] + (c[0] - d[0]) * t0, d[1] + (c[1] - d[1]) * t0];
    const [p, q] = [top(t), bot(t)];
    const [r, s] = [top(u), bot(u)];
    lights += `M${n(p[0])} ${n(p[1])}L${n(q[0])} ${n(q[1])}`;
    darks += `M${n(r[0])} ${n(r[1])}L${n(s[0])} ${n(s[1])}`;
  }
  return poly([a, b, c, d], base) + line(lights, light, width) + line(darks, dark, width);
}

// A jalousie window: a frame, the view outside (clipped), and the glass louvres over it.
function jalousie(sc, x, y, w, h, view, { frame = '#f1ebdf', sill = '#d9cfbd', slat = 26, glass = 0.14, edge = 0.35 } = {}) {
  const clip = sc.clip(rect(x, y, w, h, '#000'));
  let louvres = '';
  let shades = '';
  for (let yy = y + slat * 0.6; yy < y + h - 4; yy += slat) {
    louvres += rect(x, yy - slat * 0.5, w, slat * 0.42, '#ffffff');
    shades += `M${n(x)} ${n(yy)}H${n(x + w)}`;
  }
  sc.add(
    group(view, { 'clip-path': clip }),
    group(louvres, { opacity: glass }),
    line(shades, '#ffffff', 2, { opacity: edge }),
    rect(x - 12, y - 12, w + 24, h + 24, 'none', { stroke: frame, 'stroke-width': 16 }),
    line(`M${n(x + w / 2)} ${n(y)}V${n(y + h)}`, frame, 8),
    rect(x - 26, y + h + 4, w + 52, 16, sill, { rx: 3 }),
  );
}

// The view through a window by day: sky, sea or hills, and a palm.
function windowView(x, y, w, h, { sea = true, palmAt = 0.7 } = {}) {
  const hz = y + h * 0.62;
  let v = rect(x, y, w, h, '#bcd5dc') + rect(x, y + h * 0.35, w, h * 0.3, '#d8e3dc', { opacity: 0.6 });
  v += path(
    `M${n(x)} ${n(hz)}Q${n(x + w * 0.25)} ${n(hz - h * 0.16)} ${n(x + w * 0.5)} ${n(hz - h * 0.06)}T${n(x + w)} ${n(hz - h * 0.1)}V${n(hz)}Z`,
    C.hillFar,
  );
  v += sea ? rect(x, hz, w, h - (hz - y), C.sea) : rect(x, hz, w, h - (hz - y), C.grass);
  v += rect(x, y + h * 0.86, w, h * 0.14, C.grassDark);
  if (palmAt !== null) v += palm(x + w * palmAt, y + h + 10, h * 0.68, { lean: -0.12 });
  return v;
}

function floorTiles(sc, { fill, lines, size = 90, vanish = [800, 250] }) {
  sc.add(rect(0, FLOOR, W, H - FLOOR, fill));
  let d = '';
  for (let yy = FLOOR + 36, step = 40; yy < H; step *= 1.35, yy += step) d += `M0 ${n(yy)}H${W}`;
  const [vx, vy] = vanish;
  for (let i = -12; i <= 12; i++) {
    const bx = vx + i * size * 1.6;
    const tx = vx + ((bx - vx) * (FLOOR - vy)) / (H - vy);
    d += `M${n(tx)} ${FLOOR}L${n(bx)} ${H}`;
  }
  sc.add(line(d, lines, 2));
}

function floorBoards(sc, { fill, lines, vanish = [800, 250], step = 110 }) {
  sc.add(rect(0, FLOOR, W, H - FLOOR, fill));
  let d = '';
  const [vx, vy] = vanish;
  for (let i = -16; i <= 16; i++) {
    const bx = vx + i * step;
    const tx = vx + ((bx - vx) * (FLOOR - vy)) / (H - vy);
    d += `M${n(tx)} ${FLOOR}L${n(bx)} ${H}`;
  }
  sc.add(line(d, lines, 3));
}

function skirting(sc, color) {
  sc.add(rect(0, FLOOR - 10, W, 12, color));
}

// A counter seen from the front: a top at y = top and a panelled front down to the floor.
function counter(sc, { top = 500, x = 0, w = W, topFill, front, panel, edge }) {
  sc.add(rect(x, top, w, 18, topFill), rect(x, top + 18, w, 6, edge), rect(x, top + 24, w, FLOOR - top - 24 + 4, front));
  let d = '';
  for (let px = x + 40; px < x + w - 60; px += 200) d += `M${n(px)} ${n(top + 44)}h160v${n(FLOOR - top - 70)}h-160Z`;
  sc.add(line(d, panel, 3));
  sc.add(rect(x, FLOOR, w, 8, C.shadow, { opacity: 0.12 }));
}

function shadowUnder(cx, y, rx, ry = rx * 0.12, opacity = 0.16) {
  return ellipse(cx, y, rx, ry, C.shadow, { opacity });
}

// A wooden crate seen from the front.
function crate(x, y, w, h, { fill = C.woodLight, slat = C.wood } = {}) {
  let out = rect(x, y, w, h, fill) + rect(x, y, w, 8, C.woodDark);
  const k = 3;
  let d = '';
  for (let i = 1; i < k; i++) d += `M${n(x)} ${n(y + (h * i) / k)}H${n(x + w)}`;
  out += line(d, slat, 3);
  out += rect(x, y, 10, h, slat) + rect(x + w - 10, y, 10, h, slat);
  return out;
}

// A bottle standing on y = base.
function bottle(x, base, h, fill, { cap = '#c9b48a', label = null } = {}) {
  const bw = h * 0.3;
  const bh = h * 0.6;
  const nw = h * 0.1;
  let out = rect(x, base - bh, bw, bh, fill, { rx: bw * 0.15 });
  out += path(
    `M${n(x)} ${n(base - bh + 6)}Q${n(x)} ${n(base - bh - h * 0.12)} ${n(x + bw / 2 - nw / 2)} ${n(base - h * 0.78)}V${n(base - h)}H${n(x + bw / 2 + nw / 2)}V${n(base - h * 0.78)}Q${n(x + bw)} ${n(base - bh - h * 0.12)} ${n(x + bw)} ${n(base - bh + 6)}Z`,
    fill,
  );
  out += rect(x + bw / 2 - nw / 2 - 1, base - h - 4, nw + 2, 8, cap);
  if (label) out += rect(x, base - bh * 0.7, bw, bh * 0.35, label);
  out += rect(x + bw * 0.18, base - bh + 8, bw * 0.12, bh - 16, '#ffffff', { opacity: 0.14 });
  return out;
}

// A pirogue (an open wooden fishing boat with an outboard engine), side on, bow to the left,
// its keel on y = yb. `tilt` raises the engine out of the water, as when the boat is ashore.
function pirogue(x, yb, len, { hull = '#e6e1d5', stripe = '#5f8f98', bottom = '#a6654d', rim = '#5b524a', tilt = false, flip = false } = {}) {
  const hh = len * 0.15;
  const X = (t) => n(x + len * t);
  let out = '';
  // The outboard engine on the transom.
  const ex = x + len * 0.985;
  out += tilt
    ? path(`M${n(ex)} ${n(yb - hh * 1.3)}l${n(len * 0.06)} ${n(-hh * 0.15)}l${n(len * 0.05)} ${n(hh * 0.75)}l${n(-len * 0.05)} ${n(hh * 0.2)}Z`, '#4f5557')
    : rect(ex, yb - hh * 1.45, len * 0.05, hh * 0.7, '#4f5557', { rx: 4 }) + rect(ex + len * 0.015, yb - hh * 0.8, len * 0.015, hh * 0.9, '#3e4345');
  out += path(
    `M${X(0)} ${n(yb - hh * 1.35)}Q${X(0.3)} ${n(yb - hh * 0.92)} ${X(1)} ${n(yb - hh)}L${X(0.985)} ${n(yb)}L${X(0.3)} ${n(yb)}Q${X(0.09)} ${n(yb)} ${X(0)} ${n(yb - hh * 1.35)}Z`,
    hull,
  );
  out += path(
    `M${X(0.115)} ${n(yb - hh * 0.38)}L${X(0.992)} ${n(yb - hh * 0.38)}L${X(0.985)} ${n(yb)}L${X(0.3)} ${n(yb)}Q${X(0.17)} ${n(yb)} ${X(0.115)} ${n(yb - hh * 0.38)}Z`,
    bottom,
  );
  out += line(`M${X(0.03)} ${n(yb - hh * 1.1)}Q${X(0.3)} ${n(yb - hh * 0.7)} ${X(0.995)} ${n(yb - hh * 0.76)}`, stripe, hh * 0.16);
  out += line(`M${X(0)} ${n(yb - hh * 1.35)}Q${X(0.3)} ${n(yb - hh * 0.92)} ${X(1)} ${n(yb - hh)}`, rim, 5, { 'stroke-linecap': 'round' });
  return flip ? group(out, { transform: `matrix(-1 0 0 1 ${n(2 * x + len)} 0)` }) : out;
}

// A soft pool of light: concentric discs of low opacity.
function glow(cx, cy, r, colour, { steps = 6, opacity = 0.035 } = {}) {
  let out = '';
  for (let i = 0; i < steps; i++) out += circle(cx, cy, r * (1 - i / steps), colour, { opacity });
  return out;
}

// ---------------------------------------------------------------------------------------------
// The twelve places.

const scenes = [];
function place(name, opts, draw) {
  const sc = new Scene(name, opts);
  draw(sc);
  scenes.push(sc);
}

// Bar, at night: a warm, dim room, a back bar with bottles, pendant lamps, glasses at the ends.
place('bar', { tone: { color: '#3a2b26', amt: 0.45 }, note: 'a bar at night' }, (sc) => {
  const wall = '#4a3830';
  sc.add(rect(0, 0, W, H, '#2c2220'));
  sc.add(rect(0, 0, W, FLOOR, sc.grad([[0, '#3a2c27'], [1, wall]])));
  // Wooden wall boards.
  let d = '';
  for (let x = 60; x < W; x += 120) d += `M${x} 0V${FLOOR}`;
  sc.add(line(d, '#3c2d27', 4));
  // A night window on the left, with a palm against the sky and a moon.
  const wx = 70, wy = 110, ww = 230, wh = 270;
  const view =
    rect(wx, wy, ww, wh, sc.grad([[0, '#1d2736'], [1, '#34404e']])) +
    [[90, 140], [150, 125], [250, 150], [120, 200], [280, 220], [200, 185], [95, 250], [235, 265]]
      .map(([x, y]) => circle(x, y, 2, '#e8dfc8', { opacity: 0.7 }))
      .join('') +
    iconMarkup('crescent-moon', 220, 122, 52, { tone: { color: '#3a3340', amt: 0.3 } }) +
    hills([[0, 40], [160, 70], [400, 50]], wy + wh, '#1a2029') +
    palm(wx + 80, wy + wh + 20, 220, { lean: 0.1, trunk: '#141a22', leaf: '#141a22', leafDark: '#10151c' });
  sc.used.add('crescent-moon');
  jalousie(sc, wx, wy, ww, wh, view, { frame: '#5e4636', sill: '#5a4334', slat: 30, glass: 0.05, edge: 0.12 });
  // The back bar: a dark mirror and three shelves of bottles.
  const bx = 400, bw = 800;
  sc.add(rect(bx - 20, 90, bw + 40, 370, '#33251f'), rect(bx, 105, bw, 340, '#3f3431'));
  const bottleColours = ['#5b6b4a', '#7a5a36', '#8c6b3c', '#4e5f5a', '#6e4a3a', '#8a7a52', '#556049'];
  const labels = ['#c9b48a', '#b9a68a', null, '#a99a7a'];
  const rand = rng(7);
  for (const [shelfY, hgt] of [[210, 78], [320, 84], [430, 70]]) {
    let x = bx + 24;
    while (x < bx + bw - 40) {
      const h = hgt * (0.8 + rand() * 0.25);
      const col = bottleColours[Math.floor(rand() * bottleColours.length)];
      sc.add(bottle(x, shelfY, h, col, { label: labels[Math.floor(rand() * labels.length)] }));
      x += h * 0.3 + 12 + rand() * 14;
    }
    sc.add(rect(bx - 10, shelfY, bw + 20, 12, '#6b4d36'), rect(bx - 10, shelfY + 12, bw + 20, 4, '#2a1f1b'));
  }
  // Pendant lamps with soft pools of warm light.
  for (const lx of [420, 800, 1180]) {
    sc.add(
      glow(lx, 150, 220, '#ffcf86', { steps: 16, opacity: 0.026 }),
      line(`M${lx} 0V110`, '#1f1714', 3),
      path(`M${lx - 34} 140L${lx - 14} 106H${lx + 14}L${lx + 34} 140Z`, '#6d4a30'),
      ellipse(lx, 141, 18, 7, '#ffe3a8'),
    );
  }
  // A string of small lights along the ceiling.
  let bulbs = '';
  let wire = 'M0 30';
  for (let i = 0; i < 8; i++) {
    const x0 = i * 200;
    wire += `Q${x0 + 100} 70 ${x0 + 200} 30`;
    for (let k = 1; k < 5; k++) {
      const t = k / 5;
      const x = x0 + 200 * t;
      const y = (1 - t) * (1 - t) * 30 + 2 * (1 - t) * t * 70 + t * t * 30;
      bulbs += circle(x, y + 6, 5, '#ffd996');
    }
  }
  sc.add(line(wire, '#1c1512', 2), group(bulbs, { opacity: 0.8 }));
  // A shelf with a radio on the right wall.
  sc.add(rect(1300, 300, 250, 12, '#6b4d36'));
  sc.icon('radio', 1320, 200, 110);
  sc.icon('potted-plant', 1450, 210, 100);
  // The floor, darker towards the viewer.
  sc.add(rect(0, FLOOR, W, H - FLOOR, sc.grad([[0, '#3a2c26'], [1, '#241c1a']])));
  let fd = '';
  for (let i = -16; i <= 16; i++) fd += `M${n(800 + i * 70)} ${FLOOR}L${n(800 + i * 120)} ${H}`;
  sc.add(line(fd, '#2a201d', 3));
  // The counter, lit from above, with glasses at both ends.
  counter(sc, { top: 500, topFill: '#7d5a3e', edge: '#5a402c', front: '#4e3828', panel: '#5d4331' });
  sc.add(rect(0, 500, W, 18, sc.grad([[0, '#ffd99a', 0], [0.25, '#ffd99a', 0.25], [0.5, '#ffd99a', 0], [0.75, '#ffd99a', 0.25], [1, '#ffd99a', 0]], { x2: 1, y2: 0 })));
  sc.icon('tumbler-glass', 40, 432, 74);
  sc.icon('beer-mug', 122, 426, 80);
  sc.icon('wine-glass', 210, 424, 80);
  sc.icon('tropical-drink', 1320, 422, 82);
  sc.icon('tumbler-glass', 1412, 432, 74);
  sc.icon('beer-mug', 1496, 426, 80, { flip: true });
  // Bar stools at the ends.
  for (const sx of [150, 1450]) {
    sc.add(
      shadowUnder(sx, 842, 60, 8, 0.3),
      line(`M${sx - 40} 840L${sx - 20} 620M${sx + 40} 840L${sx + 20} 620M${sx - 32} 760H${sx + 32}`, '#1e1613', 8),
      ellipse(sx, 612, 62, 16, '#6e4b33'),
      rect(sx - 62, 612, 124, 14, '#5b3e2b', { rx: 6 }),
    );
  }
});

// Beach landing, at dawn: a pale sky, the sun on the sea, palms and a pirogue on the sand.
place('beach_landing', { tone: { color: '#c7a6a0', amt: 0.32 }, note: 'a beach at dawn' }, (sc) => {
  sc.add(rect(0, 0, W, H, C.sand));
  sc.add(rect(0, 0, W, HORIZON + 2, sc.grad([[0, '#7f8aa9'], [0.55, '#d3a9a5'], [1, '#f1cfa3']])));
  // Sun and glow, just over the horizon.
  sc.add(glow(1040, HORIZON, 260, '#fbe0b2', { steps: 16, opacity: 0.026 }), circle(1040, HORIZON - 6, 62, '#fbe6bd'));
  // Long dawn clouds.
  sc.add(
    group(
      [[120, 150, 380, 16], [560, 100, 260, 12], [1120, 130, 420, 18], [900, 230, 260, 12], [250, 270, 220, 10], [1300, 290, 240, 10]]
        .map(([x, y, w, h]) => rect(x, y, w, h, '#f0c7b6', { rx: h / 2 }))
        .join(''),
      { opacity: 0.75 },
    ),
  );
  // A headland on the left, an island with palms far right.
  sc.add(hills([[0, 120], [200, 90], [420, 35], [560, 0], [1600, 0]], HORIZON, '#8d8497'));
  sc.add(path(`M1300 ${HORIZON}Q1380 ${HORIZON - 30} 1450 ${HORIZON - 26}T1600 ${HORIZON - 36}V${HORIZON}Z`, '#9a8fa2'));
  sc.icon('palm-tree', 1352, HORIZON - 72, 54, { tone: { color: '#8f86a0', amt: 0.6 } });
  sc.icon('palm-tree', 1400, HORIZON - 64, 44, { tone: { color: '#8f86a0', amt: 0.6 } });
  // The sea, with the sun's path on it.
  sc.add(rect(0, HORIZON, W, 160, sc.grad([[0, '#c8b1b4'], [1, '#7e98a6']])));
  let glint = '';
  for (let i = 0; i < 9; i++) {
    const y = HORIZON + 10 + i * 14;
    const w = 110 - i * 9;
    glint += `M${n(1040 - w / 2 + (i % 2) * 12)} ${y}h${n(w)}`;
  }
  sc.add(line(glint, '#fbe3b8', 4, { opacity: 0.7, 'stroke-linecap': 'round' }));
  let ripples = '';
  for (const [x, y, w] of [[120, 600, 90], [360, 625, 120], [640, 590, 80], [1280, 610, 110], [1480, 640, 70], [200, 660, 100], [820, 650, 90]])
    ripples += `M${x} ${y}h${w}`;
  sc.add(line(ripples, '#e6d3cf', 3, { opacity: 0.5, 'stroke-linecap': 'round' }));
  // A fishing boat heading out, far off.
  sc.icon('motor-boat', 470, HORIZON - 22, 46, { dropWaves: true });
  // Wet sand, foam and dry sand.
  sc.add(path(`M0 700Q300 676 620 698T1250 694T1600 688V${H}H0Z`, C.sandWet));
  sc.add(line(`M0 700Q300 676 620 698T1250 694T1600 688`, '#f4ece3', 6, { opacity: 0.8 }));
  sc.add(path(`M0 736Q360 716 760 738T1600 728V${H}H0Z`, '#d9c39c'));
  sc.add(path(`M0 800Q500 786 900 806T1600 796V${H}H0Z`, C.sand));
  // Palms leaning over the sand at both sides.
  const dawnPalm = { trunk: '#7d6352', leaf: '#6f7f5e', leafDark: '#5b6a50' };
  sc.add(shadowUnder(110, 774, 120, 12, 0.14), shadowUnder(1500, 770, 110, 12, 0.14));
  sc.add(palm(70, 776, 470, { lean: 0.22, ...dawnPalm }), palm(210, 760, 330, { lean: -0.08, ...dawnPalm }));
  sc.add(palm(1520, 770, 450, { lean: -0.2, ...dawnPalm }));
  // A pirogue pulled up on the sand, and shells.
  sc.add(shadowUnder(1420, 866, 160, 12, 0.2));
  sc.add(pirogue(1280, 862, 272, { tilt: true, hull: '#e2d8cf', stripe: '#6d8f9a', bottom: '#a66a58' }));
  sc.icon('spiral-shell', 230, 838, 40);
  sc.icon('spiral-shell', 1566, 858, 24, { flip: true });
});

// Jetty: a plank deck over the sea, a fishing boat moored alongside, crates and fish.
place('jetty', { tone: DAY, note: 'a jetty by day' }, (sc) => {
  sc.add(rect(0, 0, W, H, C.sea));
  daySky(sc);
  clouds(sc, [[140, 110, 300], [620, 70, 220], [1080, 140, 340], [1360, 60, 200]]);
  northernRange(sc);
  sc.add(rect(0, HORIZON, W, 160, sc.grad([[0, C.seaLight], [0.35, C.sea], [1, C.seaDeep]])));
  let ripples = '';
  for (const [x, y, w] of [[80, 590, 110], [420, 600, 90], [700, 580, 120], [980, 610, 100], [1200, 590, 80], [260, 640, 140], [860, 650, 120]])
    ripples += `M${x} ${y}h${w}`;
  sc.add(line(ripples, '#cfe1de', 3, { opacity: 0.6, 'stroke-linecap': 'round' }));
  // A far walkway of another jetty on the left, on piles.
  let piles = '';
  for (let x = 30; x < 400; x += 48) piles += rect(x, 600, 8, 46, C.woodDark);
  sc.add(piles, rect(0, 592, 410, 12, C.wood));
  // A boat far out, and the fishing boat moored to the right.
  sc.icon('motor-boat', 160, HORIZON - 26, 50, { dropWaves: true });
  sc.add(pirogue(1225, 676, 330, { stripe: '#b6704f', bottom: '#4f7f86', hull: '#ece6da' }));
  sc.add(line(`M1215 678q100 12 200 0t200 0`, '#d6e6e2', 4, { opacity: 0.7, 'stroke-linecap': 'round' }));
  // The deck: planks running away from the viewer, a beam at the far edge.
  sc.add(rect(0, 690, W, H - 690, '#b08f6d'));
  let planks = '';
  const vx = 800, vy = 200;
  for (let i = -16; i <= 16; i++) {
    const bx = vx + i * 110;
    const tx = vx + ((bx - vx) * (690 - vy)) / (H - vy);
    planks += `M${n(tx)} 690L${n(bx)} ${H}`;
  }
  sc.add(line(planks, '#94734f', 4));
  sc.add(rect(0, 684, W, 14, '#7d5f43'));
  // Posts and a bollard at the far edge, outside the middle.
  for (const px of [40, 250, 1350, 1560]) sc.add(rect(px - 10, 640, 20, 56, '#6e523b'), rect(px - 12, 634, 24, 8, '#5e4532'));
  sc.add(rect(1455, 662, 30, 30, '#4f4a45', { rx: 6 }), rect(1447, 656, 46, 10, '#5d5852', { rx: 5 }));
  sc.add(line(`M1470 664Q1350 700 1236 612`, '#d8c8a0', 4));
  // Crates of fish on the left: the fish lie in the crates, their fronts hide the rest.
  const silver = { color: '#a9b0ac', amt: 0.62 };
  sc.add(shadowUnder(160, 884, 160, 12, 0.2));
  sc.icon('fish', 140, 646, 64, { tone: silver, rotate: -12 });
  sc.icon('fish', 200, 644, 64, { tone: silver, flip: true, rotate: -8 });
  sc.add(crate(130, 700, 160, 90, { fill: '#c4a27c' }));
  sc.icon('fish', 22, 714, 70, { tone: silver, rotate: 10 });
  sc.icon('tropical-fish', 84, 722, 60, { tone: { color: '#a9b0ac', amt: 0.45 }, rotate: -6 });
  sc.icon('fish', 136, 710, 70, { tone: silver, flip: true, rotate: 12 });
  sc.add(crate(16, 776, 200, 104));
  // A bucket and a crate of fish on the right.
  sc.add(shadowUnder(1470, 884, 130, 10, 0.2));
  sc.icon('fish', 1410, 722, 70, { tone: silver, rotate: -10 });
  sc.icon('fish', 1480, 718, 70, { tone: silver, flip: true, rotate: 8 });
  sc.add(crate(1390, 780, 180, 100));
  sc.icon('bucket', 1320, 790, 96, { tone: { color: '#9aa6a4', amt: 0.5 } });
  // Two seabirds.
  sc.add(line('M700 240q14 -12 28 0q14 -12 28 0M812 200q10 -9 20 0q10 -9 20 0', '#5d6a6c', 3, { 'stroke-linecap': 'round', 'stroke-linejoin': 'round' }));
});

// A house, inside: a living room with a jalousie window, a couch and a small kitchen.
place('house', { tone: INDOOR, note: 'a living room and kitchen' }, (sc) => {
  const wall = '#e6d5b8';
  sc.add(rect(0, 0, W, H, wall));
  sc.add(rect(0, 0, W, FLOOR, sc.grad([[0, '#efe2c8'], [1, '#dfcbaa']])));
  sc.add(rect(0, 0, W, 40, '#d2bd9b'));
  floorTiles(sc, { fill: '#b99f80', lines: '#a88e70' });
  skirting(sc, '#c4ab88');
  // Jalousie window with curtains.
  jalousie(sc, 130, 120, 260, 280, windowView(130, 120, 260, 280, { palmAt: 0.72 }));
  sc.add(path('M90 90H170Q150 250 180 430H90Z', '#b97b62'), path('M430 90H350Q370 250 340 430H430Z', '#b97b62'));
  sc.add(rect(80, 82, 360, 12, '#8a6a4e', { rx: 6 }));
  // A picture and a clock on the wall.
  sc.icon('framed-picture', 700, 150, 150);
  sc.icon('mantelpiece-clock', 560, 280, 60);
  sc.add(rect(540, 338, 110, 10, '#a9855f'));
  // A ceiling fan.
  sc.add(line('M800 40V80', '#6d5a48', 6), ellipse(730, 88, 80, 9, '#8a7560'), ellipse(870, 88, 80, 9, '#8a7560'), circle(800, 88, 16, '#6d5a48'));
  // A couch and a plant on the left.
  sc.add(shadowUnder(150, 640, 170, 12, 0.2));
  sc.icon('couch-and-lamp', -20, 372, 300, { tone: { color: '#a88f78', amt: 0.55 } });
  // Kitchen on the right: upper cupboards, a counter with a pot and a teapot.
  sc.add(rect(1280, 150, 320, 170, '#a8c2b6'), line('M1440 150V320M1290 160h140v150h-140ZM1450 160h140v150h-140Z', '#8fa99d', 3));
  sc.add(rect(1414, 230, 8, 40, '#e5dccb', { rx: 3 }), rect(1458, 230, 8, 40, '#e5dccb', { rx: 3 }));
  sc.add(rect(1270, 500, 330, 18, '#e3d8c6'), rect(1270, 518, 330, 122, '#a8c2b6'));
  sc.add(line('M1290 530h140v100h-140ZM1450 530h140v100h-140Z', '#8fa99d', 3));
  sc.add(rect(1412, 560, 8, 36, '#e5dccb', { rx: 3 }), rect(1460, 560, 8, 36, '#e5dccb', { rx: 3 }));
  sc.icon('banana', 1296, 436, 76);
  sc.icon('teapot', 1390, 428, 82);
  sc.icon('potted-plant', 1500, 414, 90);
  // A plain rug in the middle of the floor.
  sc.add(ellipse(800, 790, 480, 70, '#c98f72', { opacity: 0.35 }));
});

// Market: an open shed with a corrugated roof, and fruit and vegetable stalls at both ends.
place('market', { tone: DAY, note: 'an open-air market by day' }, (sc) => {
  sc.add(rect(0, 0, W, H, C.earth));
  daySky(sc);
  clouds(sc, [[200, 80, 260], [900, 60, 320], [1320, 120, 200]]);
  northernRange(sc);
  // Palms behind the stalls at the sides.
  sc.add(palm(130, HORIZON, 330, { lean: 0.12 }), palm(1470, HORIZON, 300, { lean: -0.14 }));
  // The market shed across the middle: a corrugated roof over a shaded hall of stalls.
  sc.add(rect(250, 340, 1100, HORIZON - 340, '#7b7466'));
  sc.add(rect(250, 440, 1100, HORIZON - 440, '#6f695d'));
  for (const [x, w, c] of [[300, 230, '#8d7a5d'], [580, 190, '#7f8a6a'], [820, 230, '#927356'], [1100, 200, '#7f8a6a']])
    sc.add(rect(x, 490, w, 70, c), rect(x, 480, w, 12, '#a38b6b'));
  for (const x of [256, 530, 800, 1070, 1330]) sc.add(rect(x, 340, 14, HORIZON - 340, '#8f8d85'));
  sc.add(corrugated([[262, 272], [1338, 272], [1372, 344], [228, 344]], { pitch: 24, light: '#c4c7c1', dark: '#9ea39e', width: 2 }));
  sc.add(rect(224, 340, 1152, 10, C.zincDark));
  // Ground: packed earth.
  sc.add(rect(0, HORIZON, W, H - HORIZON, C.earth));
  sc.add(path(`M0 ${HORIZON}H${W}V${HORIZON + 30}H0Z`, C.earthDark, { opacity: 0.45 }));
  // A stall on the left: awning, table and fruit.
  const stall = (x0, x1, cloth, awning, items) => {
    const w = x1 - x0;
    sc.add(shadowUnder((x0 + x1) / 2, 700, w * 0.55, 12, 0.18));
    sc.add(rect(x0 + 10, 360, 10, 330, '#6f5a44'), rect(x1 - 20, 360, 10, 330, '#6f5a44'));
    let stripes = '';
    for (let i = 0; i < 6; i++) stripes += rect(x0 + (i * w) / 6, 330, w / 6, 50, i % 2 ? awning : '#efe6d3');
    sc.add(stripes);
    let scallop = `M${x0} 380`;
    for (let i = 0; i < 6; i++) scallop += `q${n(w / 12)} 24 ${n(w / 6)} 0`;
    sc.add(path(scallop + 'Z', awning));
    sc.add(rect(x0, 560, w, 16, C.woodLight), rect(x0, 576, w, 110, cloth));
    sc.add(line(`M${x0} 600H${x1}`, '#ffffff', 3, { opacity: 0.25 }));
    for (const [id, x, y, s, o] of items) sc.icon(id, x, y, s, o || {});
  };
  stall(-10, 290, '#7f9c8f', '#c08a5e', [
    ['basket', 10, 470, 100],
    ['pineapple', 0, 420, 90],
    ['banana', 90, 470, 96],
    ['mango', 180, 490, 70],
    ['mango', 220, 496, 64],
    ['watermelon', 180, 430, 74],
  ]);
  stall(1310, 1610, '#b8876a', '#7f9c8f', [
    ['basket', 1320, 470, 100],
    ['tomato', 1334, 460, 50],
    ['tomato', 1370, 470, 44],
    ['bell-pepper', 1420, 490, 70],
    ['hot-pepper', 1470, 500, 56],
    ['avocado', 1510, 486, 70],
    ['mango', 1440, 440, 56],
    ['lemon', 1380, 500, 50],
  ]);
  // Crates stacked under and beside the stalls.
  sc.add(crate(20, 700, 150, 80), crate(1440, 710, 140, 76));
  sc.icon('leafy-green', 1460, 650, 70);
  sc.icon('lemon', 60, 660, 52);
  sc.icon('lemon', 100, 664, 48);
});

// Construction site: a concrete frame going up, a tower crane, bricks and a barrier.
place('construction_site', { tone: DAY, note: 'a building site by day' }, (sc) => {
  sc.add(rect(0, 0, W, H, C.earth));
  daySky(sc);
  clouds(sc, [[100, 90, 240], [700, 140, 300], [1250, 70, 220]]);
  northernRange(sc);
  // A galvanize fence across the back.
  sc.add(corrugated([[0, 470], [W, 470], [W, HORIZON], [0, HORIZON]], { pitch: 20, base: '#b4b3aa', light: '#cfcec6', dark: '#94948c' }));
  sc.add(rect(0, 462, W, 10, '#8b8a82'));
  // The concrete frame of a two-storey building, half filled with blocks.
  const fx = 420, fw = 700;
  sc.add(rect(fx + 20, 340, fw - 40, 220, '#8f8a80', { opacity: 0.5 }));
  let blocks = '';
  for (let y = 440; y < HORIZON; y += 24) {
    for (let x = fx + 20 + ((y / 24) % 2) * 24; x < fx + fw - 200; x += 48) blocks += rect(x, y, 46, 22, '#cfc9bc');
  }
  sc.add(blocks);
  for (const x of [fx, fx + 230, fx + 460, fx + fw - 20]) sc.add(rect(x, 240, 24, HORIZON - 240, '#bdb7aa'));
  sc.add(rect(fx - 20, 330, fw + 40, 22, '#aaa497'), rect(fx - 20, 230, fw + 40, 18, '#aaa497'));
  let rebar = '';
  for (const x of [fx + 6, fx + 16, fx + 236, fx + 246, fx + 466, fx + 476, fx + fw - 14, fx + fw - 4]) rebar += `M${x} 230v-44`;
  sc.add(line(rebar, '#7a5a48', 3));
  // A tower crane.
  const cx = 1260;
  sc.add(rect(cx - 20, 80, 40, HORIZON - 80, 'none', { stroke: '#c9a352', 'stroke-width': 6 }));
  let lattice = '';
  for (let y = 80; y < HORIZON; y += 40) lattice += `M${cx - 20} ${y}L${cx + 20} ${y + 40}`;
  sc.add(line(lattice, '#c9a352', 4));
  sc.add(rect(cx - 440, 70, 720, 16, '#c9a352'), rect(cx + 160, 86, 70, 40, '#8b8a82'));
  sc.add(path(`M${cx - 20} 70L${cx} 20L${cx + 20} 70Z`, '#c9a352'), rect(cx - 30, 90, 60, 40, '#b38e43'));
  sc.add(line(`M${cx} 24L${cx - 400} 70M${cx} 24L${cx + 270} 70M${cx - 300} 86V190`, '#6e6a62', 2));
  sc.add(rect(cx - 312, 190, 24, 14, '#6e6a62'), line(`M${cx - 300} 204q-10 12 0 20`, '#6e6a62', 4));
  // Ground with tyre tracks and a sand pile.
  sc.add(rect(0, HORIZON, W, H - HORIZON, C.earth));
  sc.add(line(`M560 ${H}Q700 700 760 ${HORIZON}M700 ${H}Q820 700 850 ${HORIZON}`, C.earthDark, 10, { opacity: 0.4 }));
  sc.add(path(`M1360 700Q1480 560 1620 700Z`, '#dcc79c'));
  // Bricks stacked on the left.
  sc.add(shadowUnder(150, 812, 150, 12, 0.2));
  for (const [x, y] of [[20, 730], [100, 730], [180, 730], [60, 660], [140, 660], [100, 590]]) sc.icon('brick', x, y, 84, { tone: { color: '#b9ae98', amt: 0.4 } });
  // Planks stacked in front of the bricks.
  sc.add(shadowUnder(150, 868, 140, 8, 0.2));
  for (const [y, x, w] of [[846, 20, 250], [826, 34, 236], [806, 24, 240]]) sc.add(rect(x, y, w, 18, '#c29a6c'), rect(x, y, 8, 18, '#a77f55'));
  sc.icon('oil-drum', 1486, 700, 100);
  sc.icon('construction', 1310, 650, 150);
  sc.icon('toolbox', 1420, 800, 80);
});

// Police station, inside: a front counter, a notice board, and a police car through the window.
place('police_station', { tone: INDOOR, note: 'a police station front office' }, (sc) => {
  sc.add(rect(0, 0, W, H, '#d5dcd6'));
  sc.add(rect(0, 0, W, FLOOR, sc.grad([[0, '#dfe4de'], [1, '#ccd5cf']])));
  sc.add(rect(0, 380, W, FLOOR - 380, '#9fb4b5'), rect(0, 374, W, 8, '#8ea3a4'));
  floorTiles(sc, { fill: '#a9a89e', lines: '#97968c', size: 80 });
  // Ceiling lights.
  sc.add(rect(340, 30, 300, 16, '#f3f1e8', { rx: 6 }), rect(960, 30, 300, 16, '#f3f1e8', { rx: 6 }));
  // A notice board with plain sheets pinned on it.
  sc.add(rect(250, 130, 320, 220, '#b99870', { rx: 4 }), rect(250, 130, 320, 220, 'none', { stroke: '#8b6f52', 'stroke-width': 10, rx: 4 }));
  for (const [x, y, w, h, c] of [[275, 152, 80, 100, '#f2efe6'], [370, 160, 90, 70, '#e9e2c2'], [475, 150, 74, 96, '#f2efe6'], [290, 266, 110, 64, '#dfe8e6'], [420, 246, 80, 90, '#f2efe6']]) {
    sc.add(rect(x, y, w, h, c), rect(x, y, w, 10, '#8fa3b0', { opacity: 0.6 }), circle(x + w / 2, y + 6, 5, '#b5584a'));
  }
  // A wall clock without numerals.
  sc.add(circle(800, 170, 48, '#f6f4ee'), circle(800, 170, 48, 'none', { stroke: '#5f6b6e', 'stroke-width': 8 }));
  sc.add(line('M800 170V138M800 170L822 184', '#3f4749', 5, { 'stroke-linecap': 'round' }));
  // A barred window on the right, with the station's car parked outside.
  const wx = 1090, wy = 110, ww = 420, wh = 240;
  const view =
    rect(wx, wy, ww, wh, '#c4dbe0') +
    path(`M${wx} ${wy + 150}Q${wx + 140} ${wy + 110} ${wx + 260} ${wy + 140}T${wx + ww} ${wy + 130}V${wy + wh}H${wx}Z`, C.hillFar) +
    rect(wx, wy + 170, ww, 70, C.concrete) +
    palm(wx + 340, wy + 190, 140, { lean: -0.1 }) +
    iconMarkup('police-car', wx + 60, wy + 74, 160, { tone: DAY, flip: true });
  sc.used.add('police-car');
  const clip = sc.clip(rect(wx, wy, ww, wh, '#000'));
  let bars = '';
  for (let x = wx + 52; x < wx + ww; x += 105) bars += `M${x} ${wy}V${wy + wh}`;
  sc.add(
    group(view, { 'clip-path': clip }),
    line(bars, '#6f7a7c', 4),
    rect(wx - 10, wy - 10, ww + 20, wh + 20, 'none', { stroke: '#eef0ea', 'stroke-width': 16 }),
    rect(wx - 24, wy + wh + 6, ww + 48, 14, '#c7cdc6'),
  );
  // A filing cabinet behind the counter.
  sc.add(rect(40, 300, 150, 200, '#a3abaa'), rect(40, 300, 150, 10, '#8e9695'));
  sc.add(line('M48 362H182M48 430H182', '#8e9695', 4), rect(95, 326, 40, 10, '#6f7776', { rx: 4 }), rect(95, 394, 40, 10, '#6f7776', { rx: 4 }), rect(95, 462, 40, 10, '#6f7776', { rx: 4 }));
  sc.icon('potted-plant', 70, 222, 84);
  // The front counter.
  counter(sc, { top: 500, topFill: '#cfc3a9', edge: '#a99d86', front: '#6f8587', panel: '#7f9698' });
  sc.icon('telephone', 200, 440, 72);
  sc.icon('clipboard', 40, 434, 70, { rotate: -8 });
  sc.icon('desktop-computer', 1330, 388, 130);
  sc.icon('file-folder', 1470, 452, 64);
  sc.icon('ledger', 1520, 446, 62, { rotate: 10 });
});

// Clinic: pale walls, an examination couch, a desk with a stethoscope and a first-aid box.
place('clinic', { tone: INDOOR, note: 'a health clinic room' }, (sc) => {
  sc.add(rect(0, 0, W, H, '#dde6e0'));
  sc.add(rect(0, 0, W, FLOOR, sc.grad([[0, '#e7eee9'], [1, '#d9e3dd']])));
  sc.add(rect(0, 450, W, FLOOR - 450, '#b7cec6'), rect(0, 446, W, 6, '#a4bcb4'));
  floorTiles(sc, { fill: '#c9c5b8', lines: '#b6b2a5', size: 80 });
  sc.add(rect(340, 30, 300, 16, '#f6f5ef', { rx: 6 }), rect(960, 30, 300, 16, '#f6f5ef', { rx: 6 }));
  // Window with louvres and a plant on the sill.
  jalousie(sc, 100, 120, 250, 260, windowView(100, 120, 250, 260, { sea: false, palmAt: 0.3 }));
  sc.icon('potted-plant', 270, 326, 84);
  // A curtain rail and a half-drawn privacy curtain on the left.
  sc.add(rect(0, 58, 470, 8, '#9aa7a8'));
  let folds = '';
  for (let x = 14; x < 70; x += 18) folds += `M${x} 66V620`;
  sc.add(rect(0, 66, 70, 560, '#a9c6c9'), line(folds, '#93b2b5', 4));
  // A picture on the back wall.
  sc.icon('framed-picture', 730, 150, 140);
  // The examination couch, on the left.
  sc.add(shadowUnder(190, 642, 150, 10, 0.18));
  sc.add(rect(70, 520, 250, 34, '#7fa3a5', { rx: 10 }), rect(90, 510, 200, 14, '#f3efe6', { rx: 5 }));
  sc.add(rect(84, 490, 60, 28, '#7fa3a5', { rx: 12 }));
  sc.add(line('M100 554V640M300 554V640M100 600H300', '#8c9698', 7));
  // A desk on the right with the first-aid box, stethoscope and thermometer.
  sc.add(rect(1290, 160, 270, 220, '#cfd9d4'), rect(1290, 160, 270, 220, 'none', { stroke: '#a8b8b1', 'stroke-width': 8 }));
  sc.add(line('M1425 160V380M1290 270H1560', '#a8b8b1', 6));
  for (const [x, y, c] of [[1310, 212, '#c9d8c0'], [1350, 220, '#e4d3b4'], [1450, 206, '#d6c5d8'], [1500, 214, '#c9d8c0'], [1320, 318, '#e4d3b4'], [1470, 320, '#c9d8c0']])
    sc.add(rect(x, y, 30, 270 - y + (y > 270 ? 110 : 0) - 6, c, { rx: 5 }));
  sc.add(rect(1290, 500, 310, 16, '#d8d3c6'), rect(1300, 516, 290, 124, '#b4c6bf'), line('M1445 530V630', '#9fb3ab', 3));
  // The first-aid box: a pale case with a green cross.
  sc.add(rect(1460, 418, 120, 84, '#f2f0ea', { rx: 10 }), rect(1500, 408, 40, 12, '#c9c5b8', { rx: 4 }));
  sc.add(rect(1512, 430, 16, 60, '#5e9c78'), rect(1490, 452, 60, 16, '#5e9c78'));
  sc.icon('stethoscope', 1300, 430, 80);
  sc.icon('thermometer', 1388, 446, 56, { rotate: 30 });
});

// Shelter: a calm room with a bed, a table set for tea, a window and folded blankets.
place('shelter', { tone: INDOOR, note: 'a calm shelter room' }, (sc) => {
  sc.add(rect(0, 0, W, H, '#e2d3bd'));
  sc.add(rect(0, 0, W, FLOOR, sc.grad([[0, '#eadfcc'], [1, '#dccbb0']])));
  floorBoards(sc, { fill: '#b6957a', lines: '#a4856b' });
  skirting(sc, '#c7b193');
  // Window with soft curtains, in the middle of the back wall.
  jalousie(sc, 670, 110, 260, 250, windowView(670, 110, 260, 250, { palmAt: 0.25 }));
  sc.add(path('M620 80H700Q680 230 705 400H620Z', '#9fb7b0'), path('M980 80H900Q920 230 895 400H980Z', '#9fb7b0'));
  sc.add(rect(610, 72, 380, 12, '#8a6a4e', { rx: 6 }));
  // A shelf of folded blankets and a clock.
  sc.add(rect(300, 250, 260, 12, '#9a7656'));
  for (const [x, c] of [[320, '#a7b9c9'], [390, '#d2a58b'], [460, '#b6c2a0']])
    sc.add(rect(x, 212, 60, 38, c, { rx: 6 }), rect(x, 226, 60, 4, '#ffffff', { opacity: 0.3 }));
  sc.icon('mantelpiece-clock', 1080, 190, 70);
  sc.add(rect(1060, 258, 110, 10, '#9a7656'));
  // A bunk bed on the left (two beds, joined by posts), with a soft rug.
  const bedTone = { color: '#b9a68c', amt: 0.55 };
  const bs = 300, bx0 = -10, lowY = FLOOR - (bs * 30) / 32, upY = lowY - 200;
  const post = '#7a6470';
  sc.add(shadowUnder(150, 642, 170, 10, 0.18));
  sc.add(rect(bx0 + (bs * 2) / 32, upY + (bs * 10) / 32, (bs * 3) / 32, FLOOR - upY - (bs * 10) / 32 - 4, post, { rx: 6 }));
  sc.add(rect(bx0 + (bs * 25) / 32, upY + (bs * 20) / 32, (bs * 3) / 32, FLOOR - upY - (bs * 20) / 32 - 4, post, { rx: 6 }));
  sc.icon('bed', bx0, lowY, bs, { tone: bedTone });
  sc.icon('bed', bx0, upY, bs, { tone: bedTone });
  sc.add(ellipse(240, 760, 200, 36, '#b98a74', { opacity: 0.35 }));
  // A table with tea on the right.
  sc.add(shadowUnder(1450, 642, 150, 10, 0.18));
  sc.add(rect(1300, 520, 300, 16, '#9a7656'), rect(1300, 536, 300, 8, '#7f6247'));
  sc.add(line('M1320 544V640M1580 544V640', '#7f6247', 10));
  sc.icon('teapot', 1320, 452, 74);
  sc.icon('teacup-without-handle', 1410, 470, 54);
  sc.icon('teacup-without-handle', 1470, 470, 54);
  sc.icon('bowl-with-spoon', 1530, 470, 56, { tone: { color: '#c2b49c', amt: 0.45 } });
  sc.icon('potted-plant', 1300, 300, 80);
  sc.add(rect(1280, 376, 130, 10, '#9a7656'));
});

// Roadside: a road across the view, a grassy verge, trees, utility poles and cars.
place('roadside', { tone: DAY, note: 'a country road by day' }, (sc) => {
  sc.add(rect(0, 0, W, H, C.grass));
  daySky(sc);
  clouds(sc, [[160, 120, 280], [760, 70, 240], [1200, 150, 320]]);
  northernRange(sc);
  // Trees along the far verge.
  sc.add(rect(0, HORIZON, W, 70, C.grass));
  sc.add(palm(520, 600, 190, { lean: 0.1 }), palm(1100, 600, 220, { lean: -0.12 }), palm(1180, 604, 160, { lean: 0.15 }));
  sc.icon('deciduous-tree', 700, 450, 150);
  sc.icon('deciduous-tree', 860, 476, 120);
  // A small house with a corrugated roof, left, behind the verge.
  sc.add(rect(0, 470, 200, 130, '#d7c29e'), rect(30, 520, 40, 80, '#8a6a4e'), rect(100, 510, 70, 46, '#a9c5cc'));
  sc.add(line('M100 533H170M135 510V556', '#d7c29e', 4));
  sc.add(corrugated([[-20, 430], [210, 430], [226, 480], [-20, 480]], { base: C.rust, light: '#bd876a', dark: '#8f5a40', pitch: 14 }));
  // The road.
  sc.add(rect(0, 630, W, 140, C.asphalt));
  sc.add(rect(0, 636, W, 4, '#d8d4c6'), rect(0, 760, W, 4, '#d8d4c6'));
  let dashes = '';
  for (let x = 20; x < W; x += 140) dashes += `M${x} 700h70`;
  sc.add(line(dashes, '#d8c47c', 6));
  // The near verge and its drain.
  sc.add(rect(0, 770, W, H - 770, C.grass), rect(0, 770, W, 14, C.grassDark));
  // Utility poles with sagging wires.
  for (const px of [270, 1390]) sc.add(rect(px - 9, 120, 18, 520, '#7c6450'), rect(px - 70, 140, 140, 12, '#6a5443'));
  sc.add(line('M0 170Q130 200 205 152M335 152Q830 230 1325 152M1455 152Q1530 190 1600 176M0 210Q140 240 270 190Q830 270 1390 190Q1500 240 1600 226', '#4b4a48', 2.5));
  // Cars on the road at both ends, and a big tree on the right.
  sc.icon('deciduous-tree', 1380, 300, 300);
  sc.icon('automobile', -10, 560, 240);
  sc.icon('minibus', 1330, 540, 260, { flip: true });
});

// Shop, inside: a small general store with shelves of goods behind the counter.
place('shop', { tone: INDOOR, note: 'a small shop with a counter' }, (sc) => {
  sc.add(rect(0, 0, W, H, '#e3d1ae'));
  sc.add(rect(0, 0, W, FLOOR, sc.grad([[0, '#ecdcbb'], [1, '#dcc7a0']])));
  floorTiles(sc, { fill: '#ab9577', lines: '#9a8468', size: 84 });
  sc.add(rect(340, 24, 300, 14, '#f5f1e6', { rx: 6 }), rect(960, 24, 300, 14, '#f5f1e6', { rx: 6 }));
  // Shelves of goods across the back wall.
  const sx = 60, sw = 1480;
  sc.add(rect(sx, 90, sw, 400, '#b59572'), rect(sx + 14, 100, sw - 28, 390, '#c9ad88'));
  const goods = ['#b46f5a', '#d2b06a', '#7f9c8f', '#8fa4bf', '#c98f72', '#9bb27a', '#d8cdb4', '#a98ab0'];
  const rand = rng(11);
  for (const shelf of [190, 300, 410]) {
    let x = sx + 24;
    while (x < sx + sw - 60) {
      const kind = rand();
      const c = goods[Math.floor(rand() * goods.length)];
      if (kind < 0.45) {
        const w = 36 + rand() * 14;
        sc.add(rect(x, shelf - 58, w, 58, c, { rx: 4 }), rect(x, shelf - 40, w, 14, '#f3ead6', { opacity: 0.6 }));
        x += w + 6;
      } else if (kind < 0.8) {
        const w = 30;
        for (let k = 0; k < 2; k++) sc.add(rect(x + k * 33, shelf - 44, w, 44, c, { rx: 6 }), rect(x + k * 33, shelf - 30, w, 10, '#f3ead6', { opacity: 0.55 }));
        x += 70;
      } else {
        const w = 70 + rand() * 30;
        sc.add(rect(x, shelf - 80, w, 80, c, { rx: 3 }), rect(x + 8, shelf - 66, w - 16, 22, '#f3ead6', { opacity: 0.45 }));
        x += w + 8;
      }
      x += 4 + rand() * 10;
    }
    sc.add(rect(sx, shelf, sw, 14, '#8a6a4e'));
  }
  // The counter, with goods and a basket at the ends.
  counter(sc, { top: 500, topFill: '#c9b08a', edge: '#9f8565', front: '#8b6d52', panel: '#7a5e45' });
  sc.icon('basket', 30, 420, 100);
  sc.icon('banana', 40, 410, 70);
  sc.icon('bread', 160, 440, 74);
  sc.icon('roll-of-paper', 1320, 436, 68);
  sc.icon('soap', 1400, 446, 60);
  sc.icon('lotion-bottle', 1470, 420, 84);
});

// Yard: a car wash in a concrete yard, with a shed, a wall with trees behind, buckets and a hose.
place('yard', { tone: DAY, note: 'a car-wash yard by day' }, (sc) => {
  sc.add(rect(0, 0, W, H, C.concrete));
  daySky(sc);
  clouds(sc, [[220, 90, 260], [820, 130, 300], [1300, 70, 220]]);
  northernRange(sc);
  // Trees behind the wall.
  sc.add(palm(620, 500, 300, { lean: 0.12 }), palm(980, 500, 260, { lean: -0.1 }));
  sc.icon('deciduous-tree', 1120, 300, 230);
  sc.icon('deciduous-tree', 760, 350, 170);
  // A painted block wall across the back.
  sc.add(rect(290, 440, W - 290, 120, '#dccfb5'), rect(290, 432, W - 290, 12, '#c8b999'));
  let joints = '';
  for (let y = 468; y < HORIZON; y += 26) joints += `M290 ${y}H${W}`;
  sc.add(line(joints, '#cfc1a5', 2));
  // A shed with a corrugated roof on the left, open at the front.
  sc.add(rect(0, 330, 300, 230, '#b8a07e'), rect(24, 380, 250, 180, '#5d5448'));
  sc.add(corrugated([[-20, 286], [316, 300], [326, 350], [-20, 338]], { base: C.zinc, pitch: 16 }));
  sc.icon('oil-drum', 34, 430, 120);
  sc.add(circle(180, 522, 36, '#3b3935'), circle(180, 522, 15, '#6b675f'), circle(238, 524, 34, '#3b3935'), circle(238, 524, 14, '#6b675f'));
  // Concrete yard with wet patches.
  sc.add(rect(0, HORIZON, W, H - HORIZON, C.concrete));
  sc.add(line(`M0 700H${W}M0 820H${W}`, C.concreteDark, 3, { opacity: 0.6 }));
  sc.add(ellipse(1370, 800, 220, 34, '#a7b6b8', { opacity: 0.55 }), ellipse(560, 860, 160, 20, '#a7b6b8', { opacity: 0.4 }));
  // The car being washed, on the right.
  sc.add(shadowUnder(1440, 762, 190, 16, 0.22));
  sc.icon('sport-utility-vehicle', 1284, 470, 320, { flip: true });
  // Soap suds on the car and on the ground below it.
  sc.add(group([[1336, 660, 12], [1352, 672, 9], [1436, 662, 12], [1454, 652, 9], [1468, 668, 11], [1556, 656, 10], [1572, 668, 12], [1420, 590, 9], [1436, 584, 7], [1440, 812, 9], [1460, 820, 7]].map(([x, y, r]) => circle(x, y, r, '#f7f6f1')).join(''), { opacity: 0.85 }));
  sc.icon('bucket', 1320, 770, 100);
  sc.icon('sponge', 1430, 800, 64);
  sc.icon('soap', 1500, 810, 56);
  // A hose coiled by the shed, running to a tap on the wall.
  sc.add(rect(276, 470, 20, 14, '#8c8f8b'));
  sc.add(line('M286 484Q296 640 250 690', '#4f7f62', 8, { 'stroke-linecap': 'round' }));
  sc.add(ellipse(170, 720, 90, 30, 'none', { stroke: '#4f7f62', 'stroke-width': 8 }), ellipse(170, 720, 66, 20, 'none', { stroke: '#4f7f62', 'stroke-width': 8 }));
  // A hibiscus bush by the shed.
  sc.add(ellipse(30, 600, 100, 56, C.leafDark), ellipse(110, 594, 80, 48, C.leaf));
  sc.icon('hibiscus', 20, 556, 56);
  sc.icon('hibiscus', 112, 566, 46);
});

// ---------------------------------------------------------------------------------------------
// Write the files.

mkdirSync(outDir, { recursive: true });
const report = [];
for (const sc of scenes) {
  const svg = sc.svg();
  if (/<text|<image|<filter|<mask|<style|href=|class=|style=/.test(svg)) throw new Error(`${sc.name}: forbidden element`);
  // The first shape must cover the whole picture with an opaque colour.
  if (!/^<rect x="0" y="0" width="1600" height="900" fill="#[0-9a-f]{6}"\/>/.test(sc.parts[0])) {
    throw new Error(`${sc.name}: does not start with a full opaque rectangle`);
  }
  writeFileSync(join(outDir, `${sc.name}.svg`), svg);
  report.push(`${sc.name}.svg ${(svg.length / 1024).toFixed(1)} KB`);
}

const licence = `Scene backdrops (assets/places/*.svg)
=====================================

The backdrops are the mpa-trainer project's own work, drawn by scripts/art/places.mjs, and are
licensed like the rest of the project: MIT OR Apache-2.0 (see LICENSE-MIT and LICENSE-APACHE at
the root of the repository).

Some props in them are icons from ${iconInfo.name} by ${iconInfo.author.name}
(${iconInfo.author.url}),
taken from the npm package ${iconPkg.name} ${iconPkg.version}
(licence: ${iconPkg.license}, ${iconInfo.license.url}).
The icons are placed, scaled, sometimes mirrored or rotated, and their colours are mixed
towards each scene's light; on the boats the band of waves under the hull is left out.
Everything else (skies, sea, hills, the large palms, walls and floors, counters, shelves,
bottles, crates, the crane, the pirogues, the first-aid box) is drawn by the script itself.

Icons used by each backdrop:

${scenes.map((sc) => `  ${sc.name}.svg: ${[...sc.used].sort().join(', ')}`).join('\n')}

The licence of ${iconInfo.name} (the package ships no licence text of its own; this is the
MIT licence its upstream repository states):

MIT License

Copyright (c) Microsoft Corporation.

Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
SOFTWARE.
`;
writeFileSync(join(outDir, 'LICENCE.txt'), licence);
console.log(report.join('\n'));
