import { createServer } from 'node:http'
import { Server } from 'socket.io'

// The baseline for order intake: a Socket.IO server with the shop's
// transport settings that acknowledges every `order:place` at once, with
// an answer of the same shape and size as the shop's, and does no work:
// no validation, no state, no disk, no pushes. Plain JavaScript, run by
// node as the built shop is, so neither pays for a TypeScript loader.

const REPLY = {
  ok: true,
  trading: {
    tradingId: 'T-01KBJ3WA3C0000000000000000',
    buyerId: 'B-01KBJ3W9X0Q7F5D9M2N4P6R8T0',
    placedAt: '2026-12-03T16:40:00.000Z',
    items: [
      { sku: 'COF-ETH-250', name: 'Ethiopia Yirgacheffe, 250 g', quantity: 2, unitPriceMinor: 1290 },
      { sku: 'MUG-STONE', name: 'Stoneware mug, 350 ml', quantity: 1, unitPriceMinor: 1800 },
    ],
    totalMinor: 4380,
    currency: 'EUR',
    shipTo: { name: 'Bench Buyer 0001', address: '1 Market Street, Springfield' },
    payment: { method: 'card' },
  },
}

const http = createServer((req, res) => {
  if (req.url?.startsWith('/socket.io/')) return
  res.writeHead(req.url === '/health' ? 200 : 404, { 'content-type': 'application/json' })
  res.end('{"ok":true}')
})
const io = new Server(http, { maxHttpBufferSize: 64 * 1024, serveClient: false })
io.of('/buyer').on('connection', (socket) => {
  socket.on('order:place', (_payload, ack) => {
    if (typeof ack === 'function') ack(REPLY)
  })
})
http.listen(0, '127.0.0.1', () => {
  const { port } = http.address()
  console.error(`bare at http://127.0.0.1:${port}`)
})
const stop = () => io.close(() => process.exit(0))
process.once('SIGTERM', stop)
process.once('SIGINT', stop)
