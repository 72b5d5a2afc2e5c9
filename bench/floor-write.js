// The write floor: read and parse the journal, append one interaction and one promise,
// stringify (2-space), write a temp file in the same folder, fsync it, rename it over the old one.
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';

const file = process.env.NETLOG_FILE;
const doc = JSON.parse(readFileSync(file, 'utf8'));
const contact = doc.contacts.find((c) => c.name === process.argv[2]);
const now = new Date().toISOString();
doc.interactions.push({
  id: 'floor001', date: now.slice(0, 10), contactIds: [contact.id], kind: 'coffee', note: 'bench',
  gave: [{ type: 'intro', note: 'to Sam' }], asked: [], received: [], createdAt: now,
});
doc.promises.push({ id: 'floor002', contactId: contact.id, text: 'send the deck', due: now.slice(0, 10), createdAt: now, doneOn: null, interactionId: 'floor001' });
const tmp = `${file}.${process.pid}.tmp`;
const fd = openSync(tmp, 'wx', 0o600);
writeSync(fd, JSON.stringify(doc, null, 2) + '\n');
fsyncSync(fd);
closeSync(fd);
renameSync(tmp, file);
