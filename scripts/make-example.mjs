// Generates examples/support-tickets.csv, the dataset `npm start` analyses: 3,000 synthetic
// customer-support tickets with a `tags` column (`|`-separated), seeded so it never changes.
// Tag frequencies fall off steeply and some tags travel together, like real ticket queues.
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
