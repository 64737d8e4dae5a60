// Tradepost walkthrough: plays the example session of docs/protocol.md
// against a running shop, and takes the trade all the way to "complete".
//
//   SHOP_URL=http://127.0.0.1:4820 TRADEPOST_MERCHANT_KEY=... node docs/examples/walkthrough.mjs
//
// Exits 0 when the shop behaves as the document says, 1 otherwise.
import { createHash, randomUUID } from 'node:crypto';
import { io } from 'socket.io-client';

const SHOP_URL = process.env.SHOP_URL ?? 'http://127.0.0.1:4820';
const MERCHANT_KEY = process.env.TRADEPOST_MERCHANT_KEY;

function fail(message) {
  console.error(`FAIL: ${message}`);
  process.exit(1);
}
const check = (cond, message) => cond || fail(message);
const show = (label, value) => console.log(`${label} ${JSON.stringify(value)}`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// Open a Socket.IO connection and wait until it is up (or refused).
function connect(namespace, auth) {
  const socket = io(`${SHOP_URL}${namespace}`, { auth, transports: ['websocket'] });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (err) => {
      socket.close();
      reject(new Error(`cannot connect to ${namespace}: ${err.message}`));
    });
  });
}

// Every request is one payload plus an acknowledgement callback.
async function request(socket, event, payload) {
  const answer = await socket.timeout(5000).emitWithAck(event, payload);
  check(typeof answer?.ok === 'boolean', `${event}: answer without "ok": ${JSON.stringify(answer)}`);
  return answer;
}
async function ok(socket, event, payload) {
  const answer = await request(socket, event, payload);
  return check(answer.ok, `${event} refused: ${JSON.stringify(answer.error)}`) && answer;
}

// Canonical JSON: keys sorted at every depth, arrays in order, no whitespace.
function canonical(value) {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
function contentsDigest(t) {
  const contents = {
    items: t.items.map(({ sku, name, quantity, unitPriceMinor }) => ({ sku, name, quantity, unitPriceMinor })),
    totalMinor: t.totalMinor,
    currency: t.currency,
    shipTo: { name: t.shipTo.name, address: t.shipTo.address },
    payment: { method: t.payment.method },
  };
  return createHash('sha256').update(canonical(contents)).digest('hex');
}

async function main() {
  check(MERCHANT_KEY, 'set TRADEPOST_MERCHANT_KEY to the shop\'s merchant key');

  // 1. Register a buyer over HTTP (a unique name each run).
  const name = `walker-${randomUUID().slice(0, 8)}`;
  const res = await fetch(`${SHOP_URL}/api/buyers`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name, password: 'walkthrough-pass' }),
  });
  const account = await res.json();
  check(res.status === 201, `POST /api/buyers: ${res.status} ${JSON.stringify(account)}`);
  show('registered', { name, buyerId: account.buyerId });

  // 2. Connect as that buyer and record every push. Listen before ordering:
  //    the pushes for a new order can arrive before the order's answer.
  const buyer = await connect('/buyer', { token: account.token });
  const pushes = [];
  buyer.on('trading:info', (p) => {
    pushes.push({ type: 'trading:info', ...p });
    console.log(`  push trading:info seq=${p.seq} tradingId=${p.trading.tradingId}`);
  });
  buyer.on('trading:processing', (p) => {
    pushes.push({ type: 'trading:processing', ...p });
    const { order, delivery, payment } = p.processing;
    console.log(`  push trading:processing seq=${p.seq} order=${order.status} delivery=${delivery.status} payment=${payment.status}`);
  });

  // 3. List the catalog and order one of something in stock.
  const { products } = await ok(buyer, 'catalog:list', {});
  const product = products.find((p) => p.stock > 0);
  check(product, 'the catalog has nothing in stock');
  show('ordering', product);
  const { trading } = await ok(buyer, 'order:place', {
    requestId: `walk-${randomUUID()}`,
    items: [{ sku: product.sku, quantity: 1 }],
    shipTo: { name, address: '1 Market Street' },
    payment: { method: 'card' },
  });
  show('trading information', trading);
  check(trading.totalMinor === product.priceMinor, 'totalMinor is not the catalog price');

  // 4. The merchant takes over.
  const merchant = await connect('/merchant', { merchantKey: MERCHANT_KEY });
  const move = (track, to, extra = {}) =>
    request(merchant, 'order:advance', { tradingId: trading.tradingId, track, to, ...extra });

  // An illegal move: nothing ships before the order is ready.
  const illegal = await move('delivery', 'shipped', { carrier: 'DHL', trackingNo: 'JD0146' });
  check(!illegal.ok && illegal.error?.code === 'illegal_transition',
    `shipping before "ready" was not refused with illegal_transition: ${JSON.stringify(illegal)}`);
  show('illegal move refused', illegal.error);

  // Legal moves, in an order the cross-track rules allow.
  const steps = [
    ['order', 'in_preparation'],
    ['order', 'ready'],
    ['payment', 'authorized'],
    ['payment', 'captured'],
    ['delivery', 'shipped', { carrier: 'DHL', trackingNo: 'JD0146' }],
    ['delivery', 'in_transit'],
    ['delivery', 'delivered'],
    ['order', 'completed'],
  ];
  for (const [track, to, extra] of steps) {
    const answer = await move(track, to, extra);
    check(answer.ok, `${track} -> ${to} refused: ${JSON.stringify(answer.error)}`);
    check(answer.processing[track].status === to, `${track} is not ${to}: ${JSON.stringify(answer.processing)}`);
    console.log(`moved ${track} -> ${to}`);
  }
  const { trades } = await ok(merchant, 'orders:list', { state: 'complete' });
  check(trades.some((t) => t.trading.tradingId === trading.tradingId), 'the trade is not listed as complete');

  // 5. The buyer should have had 1 trading:info and 1 + 8 trading:processing pushes.
  const expected = 2 + steps.length;
  for (let i = 0; i < 50 && pushes.length < expected; i++) await sleep(100);
  check(pushes.length === expected, `expected ${expected} pushes, got ${pushes.length}`);

  // 6. Our own digest of the contents must match every pushed contentsDigest.
  const digest = contentsDigest(trading);
  console.log(`contentsDigest (computed) ${digest}`);
  for (const p of pushes.filter((p) => p.type === 'trading:processing')) {
    check(p.processing.contentsDigest === digest,
      `seq ${p.seq}: pushed digest ${p.processing.contentsDigest} != computed ${digest}`);
  }

  // 7. The feed from the start: seqs 1..N with no gaps, the same as the pushes.
  const { events, lastSeq } = await ok(buyer, 'feed:sync', { after: 0 });
  events.forEach((e, i) => check(e.seq === i + 1, `feed event ${i} has seq ${e.seq}, expected ${i + 1}`));
  check(lastSeq === events.length, `lastSeq ${lastSeq} but ${events.length} events`);
  check(events.length === pushes.length, `feed has ${events.length} events, ${pushes.length} were pushed`);
  events.forEach((e, i) => check(e.type === pushes[i].type && e.seq === pushes[i].seq,
    `feed event seq ${e.seq} (${e.type}) differs from push ${pushes[i].seq} (${pushes[i].type})`));
  console.log(`feed:sync: ${events.length} events, seqs 1..${lastSeq}, no gaps`);

  buyer.close();
  merchant.close();
  console.log('OK: the shop behaves as docs/protocol.md says');
}

main().catch((err) => fail(err.message ?? err));
