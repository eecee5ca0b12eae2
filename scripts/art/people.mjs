// Generates the trainer's character art: assets/people/<look>/<expression>.svg
//
// Run with:  cd scripts/art && npm ci && node people.mjs
//
// The looks (skin, hair or head covering, clothing, facial hair, glasses) are in
// looks.json; the six expressions are mapped to Open Peeps faces below. Every
// option is a single-valued array and the seed is fixed, so running the script
// twice gives byte-identical files. Officers get a shirt collar and a small gold
// badge at the chest, drawn by this script (these shapes are the project's own).
//
// Art: Open Peeps by Pablo Stanley (CC0 1.0), via @dicebear/open-peeps (code MIT,
// Florian Körner). See assets/people/LICENCE.txt.

import { createAvatar } from '@dicebear/core';
import * as openPeeps from '@dicebear/open-peeps';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const outRoot = join(here, '..', '..', 'assets', 'people');

// Expression -> Open Peeps face. Chosen by rendering every face at 80 px:
// - calm:     'smile'      open eyes, small closed-mouth smile: composed, at ease.
// - afraid:   'fear'       wide white eyes, raised brows, tight mouth.
// - wary:     'suspicious' one brow raised, side glance, small tight mouth.
// - sad:      'solemn'     brows up in the middle, eyes down, frown.
// - relieved: 'calm'       eyes closed and a soft smile (like the relieved-face emoji).
// - angry:    'veryAngry'  brows pulled down, deep frown ('rage' shouts, and its
//                          white eyes read like 'fear' at small size).
export const EXPRESSIONS = {
  calm: 'smile',
  afraid: 'fear',
  wary: 'suspicious',
  sad: 'solemn',
  relieved: 'calm',
  angry: 'veryAngry',
};

// Officer's uniform, drawn in the 704 x 704 viewBox of open-peeps (the body and
// neckline are the same for every head, so fixed positions fit every look):
// a shirt collar in the clothing colour, laid over the neckline (left out under a
// hijab, which covers the neck), and a small gold badge, a shield with a star, on
// the wearer's left chest (the viewer's right), just inside the shoulder line.
const collar = (colour) =>
  `<g fill="#${colour}" stroke="#000" stroke-width="7" stroke-linejoin="round">` +
  '<path d="M236 590L300 656L268 698L206 622Z"/>' +
  '<path d="M526 590L490 656L514 698L556 620Z"/>' +
  '</g>';
const BADGE =
  '<g transform="translate(578 672) rotate(-10) scale(1.15)">' +
  '<path d="M-22 -24H22V0C22 14 11 23 0 30C-11 23-22 14-22 0Z" fill="#E8B730" stroke="#000" stroke-width="5" stroke-linejoin="round"/>' +
  '<path d="M0.0 -10.0L2.7 -2.7L10.5 -2.4L4.4 2.4L6.5 9.9L0.0 5.6L-6.5 9.9L-4.4 2.4L-10.5 -2.4L-2.7 -2.7Z" fill="#9C7412"/>' +
  '</g>';

// The head component sits in this group, followed by the face group.
const HEAD_OPEN = '<g transform="matrix(.99789 0 0 1 156 62)">';
const FACE_OPEN = '<g transform="translate(315 248)">';

const COLOUR = /^[0-9a-f]{6}$/;
const styleProps = openPeeps.schema.properties;
const ALLOWED = ['head', 'skinColor', 'clothingColor', 'headContrastColor', 'facialHair', 'accessories'];

function fail(look, message) {
  throw new Error(`looks.json: ${look}: ${message}`);
}

function checkOptions(look, options) {
  for (const key of ['head', 'skinColor', 'clothingColor', 'headContrastColor']) {
    if (!(key in options)) fail(look, `missing ${key}`);
  }
  for (const [key, value] of Object.entries(options)) {
    if (!ALLOWED.includes(key)) fail(look, `option ${key} is not used here`);
    if (!Array.isArray(value) || value.length !== 1 || typeof value[0] !== 'string') {
      fail(look, `${key} must be an array of exactly one string`);
    }
    const items = styleProps[key].items;
    if (items.enum && !items.enum.includes(value[0])) {
      fail(look, `${key} "${value[0]}" is not one of ${items.enum.join(', ')}`);
    }
    if (items.pattern && !COLOUR.test(value[0])) fail(look, `${key} "${value[0]}" is not rrggbb`);
  }
}

function recolourHead(svg, look, from, to) {
  const start = svg.indexOf(HEAD_OPEN);
  const end = svg.indexOf(FACE_OPEN, start);
  if (start < 0 || end < 0) fail(look, 'cannot find the head group to recolour');
  const head = svg.slice(start, end);
  const recoloured = head.split(`fill="#${from}"`).join(`fill="#${to}"`);
  if (recoloured === head) fail(look, 'headwearColor given but the head has no clothing-coloured part');
  return svg.slice(0, start) + recoloured + svg.slice(end);
}

function render(lookId, look, face) {
  const o = look.options;
  const svg = createAvatar(openPeeps, {
    seed: lookId,
    backgroundColor: ['transparent'],
    head: o.head,
    face: [face],
    skinColor: o.skinColor,
    clothingColor: o.clothingColor,
    headContrastColor: o.headContrastColor,
    facialHair: o.facialHair ?? [],
    facialHairProbability: o.facialHair ? 100 : 0,
    accessories: o.accessories ?? [],
    accessoriesProbability: o.accessories ? 100 : 0,
    mask: [],
    maskProbability: 0,
  }).toString();

  let out = svg;
  if (look.headwearColor !== undefined) {
    if (!COLOUR.test(look.headwearColor)) fail(lookId, 'headwearColor is not rrggbb');
    out = recolourHead(out, lookId, o.clothingColor[0], look.headwearColor);
  }
  if (look.collar || look.badge) {
    if (!out.endsWith('</svg>')) fail(lookId, 'unexpected SVG ending');
    const uniform = (look.collar ? collar(o.clothingColor[0]) : '') + (look.badge ? BADGE : '');
    out = out.slice(0, -'</svg>'.length) + uniform + '</svg>';
  }
  // Self-contained, rasterisable by resvg: no external references, no text, no filters.
  if (/<text|<image|<filter|href=|url\((?!#viewboxMask\))/.test(out)) {
    fail(lookId, 'generated SVG has external references, text or filters');
  }
  return out + '\n';
}

const { looks } = JSON.parse(readFileSync(join(here, 'looks.json'), 'utf8'));
let count = 0;
for (const [lookId, look] of Object.entries(looks)) {
  if (!/^[a-z0-9-]+$/.test(lookId)) fail(lookId, 'look id must be lower-case letters, digits and dashes');
  checkOptions(lookId, look.options);
  const dir = join(outRoot, lookId);
  mkdirSync(dir, { recursive: true });
  for (const [expression, face] of Object.entries(EXPRESSIONS)) {
    writeFileSync(join(dir, `${expression}.svg`), render(lookId, look, face));
    count += 1;
  }
}
console.log(`wrote ${count} files for ${Object.keys(looks).length} looks under ${relative(process.cwd(), outRoot)}`);
