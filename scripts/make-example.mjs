// Generates the sample workspace in examples/ (seeded, so the files never change):
// support-tickets.csv, the dataset `npm start` analyses: 3,000 synthetic customer-support tickets
// with a `tags` column (`|`-separated); tag frequencies fall off steeply and some tags travel
// together, like real ticket queues. Then song-moods.arff and song-moods.pred.csv (below).
import * as fs from 'node:fs';
import { seededRandom } from './random.mjs';

const random = seededRandom(7);
const TAGS = [
  ['billing', 0.34], ['bug', 0.3], ['login', 0.16], ['feature-request', 0.12], ['performance', 0.07],
  ['refund', 0.05], ['security', 0.025], ['data-loss', 0.012], ['accessibility', 0.008], ['gdpr', 0.004],
];
// Tags that tend to come with another one: P(second | first).
const FOLLOWS = { refund: ['billing', 0.9], 'data-loss': ['bug', 0.8], security: ['login', 0.6], gdpr: ['security', 0.5] };
const WORDS = {
  billing: ['invoice', 'charged', 'twice', 'plan', 'card'], bug: ['error', 'crash', 'broken', 'button', 'page'],
  login: ['password', 'reset', 'sign-in', '2FA', 'locked'], 'feature-request': ['please', 'add', 'export', 'dark', 'mode'],
  performance: ['slow', 'timeout', 'loading', 'lag', 'minutes'], refund: ['refund', 'money', 'back', 'cancel', 'order'],
  security: ['suspicious', 'access', 'breach', 'token', 'phishing'], 'data-loss': ['lost', 'deleted', 'missing', 'files', 'sync'],
  accessibility: ['screen', 'reader', 'contrast', 'keyboard', 'font'], gdpr: ['delete', 'my', 'personal', 'data', 'request'],
};

function pick(list) {
  return list[Math.floor(random() * list.length)];
}

function ticketTags() {
  const tags = new Set();
  for (const [tag, p] of TAGS) if (random() < p) tags.add(tag);
  for (const [tag, [other, p]] of Object.entries(FOLLOWS)) if (tags.has(tag) && random() < p) tags.add(other);
  if (tags.size === 0 && random() < 0.9) tags.add(pick(['billing', 'bug', 'login']));
  return [...tags];
}

function subject(tags) {
  const words = tags.length ? tags.flatMap((t) => [pick(WORDS[t]), pick(WORDS[t])]) : ['question', 'about', 'account'];
  const text = words.join(' ');
  return random() < 0.15 ? `"${text}, urgent"` : text;
}

const lines = ['ticket_id,subject,channel,priority,response_hours,attachments,tags'];
for (let i = 1; i <= 3000; i++) {
  const tags = ticketTags();
  const priority = tags.includes('security') || tags.includes('data-loss') ? 'high' : pick(['low', 'normal', 'normal', 'high']);
  const hours = (random() * 48 * (priority === 'high' ? 0.3 : 1)).toFixed(1);
  lines.push([`T${String(i).padStart(5, '0')}`, subject(tags), pick(['email', 'chat', 'phone', 'web']), priority, hours, Math.floor(random() * 3), tags.join('|')].join(','));
}
fs.mkdirSync('examples', { recursive: true });
fs.writeFileSync('examples/support-tickets.csv', lines.join('\n') + '\n');
console.log(`wrote examples/support-tickets.csv (${lines.length - 1} tickets)`);

// examples/song-moods.arff and examples/song-moods.pred.csv, the walkthrough's dataset and a
// model's scores for it: 360 synthetic songs with six mood labels (MEKA header: `-C 6`, the first
// six attributes are the labels) and audio-like features that depend on the moods. `angry` is
// rare on purpose (fewer than 10 positives) and a few songs have no mood, so the diagnostics have
// something to show; the scores under-predict the rare moods, so threshold tuning has work to do.
// Its own seed: the tickets above stay byte for byte what they were.
const songRandom = seededRandom(20261126);
const MOODS = ['calm', 'happy', 'sad', 'energetic', 'angry', 'nostalgic'];
const SONGS = 360;

function chance(p) {
  return songRandom() < p;
}

/** A standard normal draw (Box-Muller). */
function gaussian() {
  const u = 1 - songRandom();
  const v = songRandom();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

const clip01 = (x) => Math.min(1, Math.max(0, x));

function songMoods() {
  const m = Object.fromEntries(MOODS.map((mood) => [mood, 0]));
  m.energetic = chance(0.26) ? 1 : 0;
  m.calm = chance(m.energetic ? 0.05 : 0.38) ? 1 : 0;
  m.happy = chance(0.3) ? 1 : 0;
  m.sad = chance(m.happy ? 0.03 : 0.22) ? 1 : 0;
  m.angry = chance(0.026) ? 1 : 0;
  m.nostalgic = chance(m.sad || m.calm ? 0.15 : 0.03) ? 1 : 0;
  if (MOODS.every((mood) => m[mood] === 0) && chance(0.8)) m[['calm', 'happy', 'energetic'][Math.floor(songRandom() * 3)]] = 1;
  return m;
}

function songFeatures(m) {
  const tempo = 95 + 35 * m.energetic + 12 * m.happy + 25 * m.angry - 18 * m.calm - 8 * m.sad + 10 * gaussian();
  const energy = clip01(0.5 + 0.3 * m.energetic + 0.25 * m.angry - 0.25 * m.calm - 0.1 * m.sad + 0.1 * gaussian());
  const valence = clip01(0.5 + 0.3 * m.happy - 0.3 * m.sad - 0.15 * m.angry + 0.12 * gaussian());
  const loudness = -12 + 5 * m.energetic + 6 * m.angry - 4 * m.calm + 2 * gaussian();
  const acousticness = clip01(0.4 + 0.3 * m.calm + 0.15 * m.nostalgic - 0.2 * m.energetic + 0.15 * gaussian());
  const danceability = clip01(0.5 + 0.2 * m.happy + 0.2 * m.energetic - 0.15 * m.sad + 0.1 * gaussian());
  const mode = chance(m.sad || m.angry ? 0.7 : 0.25) ? 'minor' : 'major';
  return [tempo.toFixed(1), energy.toFixed(3), valence.toFixed(3), loudness.toFixed(1), acousticness.toFixed(3), danceability.toFixed(3), mode];
}

// How well the made-up model separates each mood (logit margin), and its bias against the rare ones.
const SEPARATION = { calm: 1.6, happy: 1.4, sad: 1.2, energetic: 1.8, angry: 0.9, nostalgic: 0.7 };
const BIAS = { calm: -0.2, happy: -0.3, sad: -0.6, energetic: -0.3, angry: -2.2, nostalgic: -1.6 };

function songScores(m) {
  return MOODS.map((mood) => {
    const logit = BIAS[mood] + SEPARATION[mood] * (m[mood] ? 1 : -1) + gaussian();
    return (1 / (1 + Math.exp(-logit))).toFixed(4);
  });
}

const arff = [
  '% Song moods: 360 synthetic songs with six mood labels, for the Imbalance Lens walkthrough.',
  '% Generated by scripts/make-example.mjs (seeded): not real music data.',
  '% MEKA convention: -C 6 in @relation makes the first six attributes the labels.',
  "@relation 'song-moods: -C 6'",
  '',
  ...MOODS.map((mood) => `@attribute ${mood} {0,1}`),
  '@attribute tempo numeric',
  '@attribute energy numeric',
  '@attribute valence numeric',
  '@attribute loudness numeric',
  '@attribute acousticness numeric',
  '@attribute danceability numeric',
  '@attribute mode {major,minor}',
  '',
  '@data',
];
const predictions = [MOODS.join(',')];
for (let i = 0; i < SONGS; i++) {
  const m = songMoods();
  arff.push([...MOODS.map((mood) => m[mood]), ...songFeatures(m)].join(','));
  predictions.push(songScores(m).join(','));
}
fs.writeFileSync('examples/song-moods.arff', arff.join('\n') + '\n');
fs.writeFileSync('examples/song-moods.pred.csv', predictions.join('\n') + '\n');
console.log(`wrote examples/song-moods.arff and examples/song-moods.pred.csv (${SONGS} songs)`);
