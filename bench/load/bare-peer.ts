// The floor to compare the board with: a bare Express 5 route answering with the same JSON, parsed
// once and serialised per request as `res.json` does in the app, in its own process. It prints the
// port it listens on, then serves until killed. `tsx bench/load/bare-peer.ts <json file>`
import { readFileSync } from 'node:fs';
import express from 'express';

const file = process.argv[2];
if (!file) {
  console.error('usage: bare-peer.ts <json file>');
  process.exit(2);
}
const body: unknown = JSON.parse(readFileSync(file, 'utf8'));
const app = express();
app.get('/api/sessions', (_req, res) => {
  res.json(body);
});
const server = app.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`${typeof address === 'object' && address ? address.port : 0}\n`);
});
