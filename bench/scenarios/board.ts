import type { Scenario } from '../lib/scenario.js'

// 6. The console's merchant order board with 10,000 trades in Chromium
// (playwright-core, /usr/bin/chromium). Waiting for the board renderer.
export const board: Scenario = {
  name: 'board',
  title: '6. Merchant order board, 10,000 trades in Chromium',
  async run() {
    const message = 'pending: the board renderer is not ready'
    console.error(`  · board: ${message}`)
    return { tables: [], targets: [], data: null, status: 'pending', message }
  },
}
