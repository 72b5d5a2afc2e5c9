// The read floor: what any command that reads the journal must at least do — read the file,
// JSON.parse it, and one pass over the interactions for per-contact last touch and balance.
import { readFileSync } from 'node:fs';

const doc = JSON.parse(readFileSync(process.env.NETLOG_FILE, 'utf8'));
const last = new Map();
const balance = new Map();
for (const i of doc.interactions) {
  const b = i.gave.length - i.asked.length;
  for (const id of i.contactIds) {
    const l = last.get(id);
    if (l === undefined || i.date > l) last.set(id, i.date);
    balance.set(id, (balance.get(id) ?? 0) + b);
  }
}
let owed = 0;
for (const c of doc.contacts) if ((balance.get(c.id) ?? 0) < 0 && last.has(c.id)) owed++;
process.stdout.write(`${doc.contacts.length} contacts, ${owed} owed\n`);
