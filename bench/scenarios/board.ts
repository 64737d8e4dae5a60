import { rm } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core'
import {
  consoleWithShop,
  ensureRendererBuilt,
  launchChromium,
  rendererBuild,
  startConsoleHost,
} from '../lib/console-host.js'
import type { Child } from '../lib/procs.js'
import { check, type Context, type Scenario, type TargetCheck } from '../lib/scenario.js'
import { median, round, sleep, summarize, type Summary } from '../lib/stats.js'
import type { Cell } from '../lib/table.js'

// 6. The merchant's order board in Chromium (playwright-core, headless,
// /usr/bin/chromium), served by the browser host (`tsx
// main/browser-host/cli.ts`, a child process) whose embedded shop was
// seeded with N trades (bench/lib/seed.ts, copied into <console data>/shop).
// Everything is timed in the page with its own clock, by a probe injected
// before the console's scripts (bench/lib/board-probe.js):
//
// - first render, in-app: on another merchant view (the catalog) with the
//   trades already loaded, the sidebar's Orders link is followed (the hash
//   changes); timed from that change to the end of the first frame that
//   shows a board row (the row enters the DOM, a MutationObserver notes
//   it; then the next animation frame, then the task after it, by which
//   time that frame is painted). Median of several opens. The 2 s after
//   each open are watched too (the board fetches the trades again).
// - first render, page load: a new page opened straight at
//   #/merchant/board, from navigation start to the same painted frame:
//   scripts, the bridge's WebSocket, fetching the N trades, the render.
// - scrolling: with the board open and settled, its table is scrolled at
//   two steady paces, top to bottom and back: 1,000 rows a second for
//   10 s (56,000 px/s, about 17 rows per 60 Hz frame: a fast drag of the
//   scroll bar over the whole 10,000 rows), then 50 rows a second for 5 s
//   (2,800 px/s, under a row per frame: a brisk turn of the wheel); 2 s
//   and 1 s in --quick. The position is set between frames, from each
//   frame's timestamp, so the scroll event and the list's update run at
//   the start of the next frame, as with a wheel. Every frame's length is
//   the gap between consecutive requestAnimationFrame timestamps; long
//   animation frames (over 50 ms) come from a PerformanceObserver.
//
// Baselines in the same run: the same board with 100 trades (same window,
// same pace: it bounces over its 100 rows), and a plain page showing the
// board's own row markup and CSS for all N rows in the DOM, no script and
// no virtual list (rows copied from the live board): what the browser
// alone costs to lay out and scroll that many rows.

// the board's row and head heights (renderer/src/views/merchant/BoardTable.tsx)
const ROW_HEIGHT = 56
const HEAD_HEIGHT = 40
const VIEWPORT = { width: 1280, height: 820 }
const PROBE = fileURLToPath(new URL('../lib/board-probe.js', import.meta.url))
const STATIC_PATH = '/__bench/static-rows.html'

interface Painted {
  inDom: number
  painted: number
}

interface LongFrame {
  start: number
  duration: number
  blocking?: number
  scripts?: { duration: number; invoker: string; source: string }[]
}

// a large message the page received on its WebSocket
interface BigMessage {
  at: number
  chars: number
}

interface Pace {
  name: string
  rowsPerSecond: number
  ms: number
}

interface Plan {
  // page loads timed, after one warm-up (none in --quick)
  loads: number
  warmup: boolean
  opens: number
  // how long the page is watched after an open, and after a page load
  // for a second copy of the trades
  watchMs: number
  paces: Pace[]
}

interface Frames {
  frames: number
  summary: Summary
  over50: number
  longFrames: number
  worstLongFrames: LongFrame[]
}

interface ScrollResult extends Frames {
  // main-thread CPU ms per frame: all, in scripts, in style and layout
  cpu: { thread: number; script: number; styleLayout: number }
  pace: Pace
  gaps: number
  seconds: number
  rowsTravelled: number
}

interface OpenResult {
  // hash change → first row painted
  ms: number[]
  // the longest frame in the watch after each open
  worstFrameAfter: number[]
  longFramesAfter: number
}

interface LoadResult {
  // navigation start → first row painted
  ms: number[]
  // navigation start → the trades' reply received
  tradesAt: number[]
  // trade lists the page received while loading
  lists: number[]
  replyChars: number
}

interface SizeResult {
  trades: number
  hostStartMs: number
  load: LoadResult
  open: OpenResult
  scroll: ScrollResult[]
}

interface StaticResult {
  rows: number
  loadMs: number[]
  scroll: ScrollResult[]
}

export const board: Scenario = {
  name: 'board',
  title: '6. Merchant order board in Chromium',
  async run(ctx) {
    const big = ctx.quick ? 1_000 : 10_000
    const small = 100
    const plan: Plan = {
      loads: ctx.quick ? 1 : 3,
      warmup: !ctx.quick,
      opens: ctx.quick ? 2 : 5,
      watchMs: ctx.quick ? 500 : 2_000,
      paces: [
        { name: 'fast drag', rowsPerSecond: 1_000, ms: ctx.quick ? 1_500 : 10_000 },
        { name: 'wheel', rowsPerSecond: 50, ms: ctx.quick ? 1_000 : 5_000 },
      ],
    }
    ensureRendererBuilt(ctx)
    const build = rendererBuild()
    let browser: Browser | null = null
    const sizes: SizeResult[] = []
    let plain: StaticResult | null = null
    try {
      browser = await launchChromium()
      for (const trades of [small, big]) {
        const { result, template } = await measureBoard(ctx, browser, trades, plan)
        sizes.push(result)
        if (trades === big) {
          ctx.progress(`board: plain page with ${big.toLocaleString('en-US')} static rows`)
          plain = await measureStatic(browser, template, big, plan)
        }
      }
    } finally {
      await browser?.close()
    }
    const builds = [...new Set([build, rendererBuild()])]
    return report(ctx, sizes, plain!, plan, builds)
  },
}

// One console host over a shop of `trades` trades: page loads, in-app
// opens, one scroll.
async function measureBoard(
  ctx: Context,
  browser: Browser,
  trades: number,
  plan: Plan,
): Promise<{ result: SizeResult; template: RowTemplate }> {
  const n = trades.toLocaleString('en-US')
  ctx.progress(`board: console with ${n} trades`)
  const userData = await consoleWithShop(ctx, trades)
  let host: Child | null = null
  let context: BrowserContext | null = null
  try {
    host = await startConsoleHost(userData)
    context = await browser.newContext({ viewport: VIEWPORT })
    context.setDefaultTimeout(60_000)
    await context.addInitScript({ path: PROBE })

    // Page loads straight onto the board; the first one only warms
    // Chromium's caches for the console's scripts.
    const load: LoadResult = { ms: [], tradesAt: [], lists: [], replyChars: 0 }
    for (let i = plan.warmup ? 0 : 1; i <= plan.loads; i++) {
      ctx.progress(`board: ${n} trades, page load ${i === 0 ? '(warm-up)' : `${i}/${plan.loads}`}`)
      const page = await context.newPage()
      await page.goto(`${host.url}/#/merchant/board`)
      const painted = await page.evaluate('window.__boardProbe.rows') as Painted
      // the trades' reply(ies) arrive before the rows; give a second one
      // (a duplicate fetch) time to show up
      await page.evaluate(`window.__boardProbe.framesDuring(${plan.watchMs})`)
      const messages = await page.evaluate('window.__boardProbe.bigMessages') as BigMessage[]
      await page.close()
      if (i === 0) continue
      load.ms.push(painted.painted)
      load.tradesAt.push(messages[0]?.at ?? Number.NaN)
      load.lists.push(messages.length)
      load.replyChars = messages[0]?.chars ?? 0
    }

    // In-app opens, from the catalog, the trades already loaded.
    const page = await context.newPage()
    await page.goto(`${host.url}/#/merchant/catalog`)
    await page.getByRole('heading', { name: 'Catalog' }).first().waitFor()
    await waitInPage(page, 'window.__boardProbe.bigMessages.length >= 1')
    await settle(page)
    const open: OpenResult = { ms: [], worstFrameAfter: [], longFramesAfter: 0 }
    for (let i = 0; i < plan.opens; i++) {
      ctx.progress(`board: ${n} trades, open from the catalog ${i + 1}/${plan.opens}`)
      const opened = await page.evaluate('window.__boardProbe.openBoard()') as Painted & { start: number }
      const stamps = await page.evaluate(`window.__boardProbe.framesDuring(${plan.watchMs})`) as number[]
      const after = await longFramesSince(page, opened.start)
      open.ms.push(opened.painted - opened.start)
      open.worstFrameAfter.push(Math.max(opened.painted - opened.start, ...deltas(stamps)))
      open.longFramesAfter += after.length
      await page.evaluate(`location.hash = '#/merchant/catalog'`)
      await waitInPage(page, `document.querySelector('.vtable') == null`)
      await settle(page)
    }

    // The scroll, on the board as left by the last open.
    await page.evaluate(`location.hash = '#/merchant/board'`)
    await page.waitForSelector('.vtable__row--body')
    await settle(page)
    const template = await rowTemplate(page)
    const scroll: ScrollResult[] = []
    for (const pace of plan.paces) {
      ctx.progress(`board: ${n} trades, scrolling at ${pace.rowsPerSecond} rows/s for ${pace.ms / 1000} s`)
      scroll.push(await scrollFor(page, pace, trades))
      await settle(page)
    }
    await page.close()
    return {
      result: { trades, hostStartMs: host.readyMs, load, open, scroll },
      template,
    }
  } finally {
    await context?.close()
    await host?.stop()
    await rm(userData, { recursive: true, force: true })
  }
}

// Polls `expression` in the page until it is true. (Playwright's
// waitForFunction evaluates a string with eval in the page, which the
// console's Content-Security-Policy forbids; evaluate() does not.)
async function waitInPage(page: Page, expression: string, timeoutMs = 60_000): Promise<void> {
  const end = Date.now() + timeoutMs
  while (!(await page.evaluate(expression) as boolean)) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${expression}`)
    await sleep(50)
  }
}

// Waits until the page has had no long animation frame for a while: the
// board's fetches and renders are over.
async function settle(page: Page): Promise<void> {
  for (let i = 0; i < 20; i++) {
    const before = await page.evaluate('performance.now()') as number
    await sleep(400)
    const late = await longFramesSince(page, before)
    if (late.length === 0) return
  }
}

async function longFramesSince(page: Page, t: number): Promise<LongFrame[]> {
  return await page.evaluate(`window.__boardProbe.longFrames.filter((e) => e.start >= ${t})`) as LongFrame[]
}

function deltas(stamps: number[]): number[] {
  const out: number[] = []
  for (let i = 1; i < stamps.length; i++) out.push(stamps[i]! - stamps[i - 1]!)
  return out
}

// The page's main-thread CPU time, from Chrome's own counters (seconds;
// with threadTicks, the durations are CPU time too, so they hold when
// other programs take the cores).
async function cpuCounters(cdp: CDPSession): Promise<Record<string, number>> {
  const { metrics } = await cdp.send('Performance.getMetrics')
  return Object.fromEntries(metrics.map((m) => [m.name, m.value]))
}

async function scrollFor(page: Page, pace: Pace, count: number): Promise<ScrollResult> {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' })
  const t0 = await page.evaluate('performance.now()') as number
  const before = await cpuCounters(cdp)
  const options = {
    selector: '.vtable',
    ms: pace.ms,
    pxPerSecond: pace.rowsPerSecond * ROW_HEIGHT,
    rowHeight: ROW_HEIGHT,
    headHeight: HEAD_HEIGHT,
    count,
  }
  const r = await page.evaluate(`window.__boardProbe.scroll(${JSON.stringify(options)})`) as {
    stamps: number[]
    gaps: number
    distance: number
  }
  const after = await cpuCounters(cdp)
  await cdp.detach()
  const long = await longFramesSince(page, t0)
  const gaps = deltas(r.stamps)
  const perFrame = (...names: string[]) =>
    names.reduce((sum, n) => sum + (after[n] ?? NaN) - (before[n] ?? NaN), 0) * 1000 / gaps.length
  return {
    ...frameFigures(gaps, long),
    cpu: {
      thread: perFrame('ThreadTime'),
      script: perFrame('ScriptDuration'),
      styleLayout: perFrame('RecalcStyleDuration', 'LayoutDuration'),
    },
    pace,
    gaps: r.gaps,
    seconds: (r.stamps.at(-1)! - r.stamps[0]!) / 1000,
    rowsTravelled: r.distance / ROW_HEIGHT,
  }
}

function frameFigures(gaps: number[], long: LongFrame[]): Frames {
  return {
    frames: gaps.length,
    summary: summarize(gaps),
    over50: gaps.filter((g) => g > 50).length,
    longFrames: long.length,
    worstLongFrames: [...long].sort((a, b) => b.duration - a.duration).slice(0, 3),
  }
}

// The live board's markup, to build the plain page from.
interface RowTemplate {
  css: string[]
  head: string
  row: string
  width: number
  height: number
}

async function rowTemplate(page: Page): Promise<RowTemplate> {
  return await page.evaluate(`(() => {
    const table = document.querySelector('.vtable')
    const row = table.querySelector('.vtable__row--body[aria-rowindex="2"]')
    return {
      css: [...document.querySelectorAll('link[rel=stylesheet]')].map((l) => l.href),
      head: table.querySelector('.vtable__head').outerHTML,
      row: row.outerHTML,
      width: table.clientWidth,
      height: table.clientHeight,
    }
  })()`) as RowTemplate
}

// The plain page: the board's head and `rows` copies of a live row, each
// with its own index and ID, in the normal flow of a scrolling box of the
// board table's size, with the console's own style sheet.
function staticPage(t: RowTemplate, rows: number): string {
  const id = /data-trading-id="([^"]+)"/.exec(t.row)?.[1] ?? ''
  const body: string[] = []
  for (let i = 0; i < rows; i++) {
    const own = `${id.slice(0, id.length - 6)}${String(i).padStart(6, '0')}`
    body.push(t.row
      .replaceAll(id, own)
      .replaceAll(`…${id.slice(-8)}`, `…${own.slice(-8)}`)
      .replace('aria-rowindex="2"', `aria-rowindex="${i + 2}"`)
      .replace(/ style="[^"]*"/, ''))
  }
  return `<!doctype html><html><head><meta charset="utf-8">
${t.css.map((href) => `<link rel="stylesheet" href="${href}">`).join('\n')}
<style>
  body { margin: 0; padding: 24px; }
  .vtable { width: ${t.width}px; height: ${t.height}px; flex: none; }
  .vtable__row--body { position: relative; }
</style></head>
<body><div class="vtable" role="table" aria-rowcount="${rows + 1}">${t.head}
<div role="rowgroup" class="vtable__body">${body.join('')}</div></div></body></html>`
}

async function measureStatic(browser: Browser, template: RowTemplate, rows: number, plan: Plan): Promise<StaticResult> {
  const context = await browser.newContext({ viewport: VIEWPORT })
  try {
    context.setDefaultTimeout(60_000)
    await context.addInitScript({ path: PROBE })
    const origin = new URL(template.css[0] ?? 'http://127.0.0.1/').origin
    const html = staticPage(template, rows)
    await context.route(`${origin}${STATIC_PATH}`, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }))
    const loadMs: number[] = []
    let page: Page | null = null
    for (let i = plan.warmup ? 0 : 1; i <= plan.loads; i++) {
      await page?.close()
      page = await context.newPage()
      await page.goto(`${origin}${STATIC_PATH}`)
      const painted = await page.evaluate('window.__boardProbe.rows') as Painted
      if (i > 0) loadMs.push(painted.painted)
    }
    await settle(page!)
    const scroll: ScrollResult[] = []
    for (const pace of plan.paces) {
      scroll.push(await scrollFor(page!, pace, 0))
      await settle(page!)
    }
    return { rows, loadMs, scroll }
  } finally {
    await context.close()
  }
}

function report(ctx: Context, sizes: SizeResult[], plain: StaticResult, plan: Plan, builds: (string | null)[]) {
  const [base, top] = [sizes[0]!, sizes[1]!]
  const label = (r: SizeResult) => r === base ? `board, ${r.trades} trades (baseline)` : `board, ${r.trades.toLocaleString('en-US')} trades`
  const plainLabel = `plain page, ${plain.rows.toLocaleString('en-US')} static rows (baseline)`
  const range = (v: number[]) => v.length > 1 ? `${Math.round(Math.min(...v))}–${Math.round(Math.max(...v))}` : null

  const renderRows: Cell[][] = sizes.map((r) => [
    label(r),
    median(r.open.ms),
    range(r.open.ms),
    median(r.open.worstFrameAfter),
    median(r.load.ms),
    median(r.load.tradesAt),
    Math.max(...r.load.lists),
    r.load.replyChars / 2 ** 20,
  ])
  renderRows.push([plainLabel, null, null, null, median(plain.loadMs), null, null, null])

  const paceLabel = (p: Pace) => `${p.name}, ${p.rowsPerSecond.toLocaleString('en-US')} rows/s`
  const scrollRow = (name: string, s: ScrollResult, gaps: boolean): Cell[] => [
    name, paceLabel(s.pace), s.frames, s.summary.p50, s.summary.p99, s.summary.max, s.over50, s.longFrames,
    gaps ? s.gaps : null, s.cpu.thread, s.cpu.script, s.cpu.styleLayout,
  ]
  const scrollRows: Cell[][] = plan.paces.flatMap((_, i) => [
    ...sizes.map((r) => scrollRow(label(r), r.scroll[i]!, true)),
    scrollRow(plainLabel, plain.scroll[i]!, false),
  ])

  const targets: TargetCheck[] = []
  const full = top.trades === 10_000
  const sized = (what: string) => full ? what : `${what} (--quick: ${top.trades.toLocaleString('en-US')} trades, not the target's size)`
  const firstRender = median(top.open.ms)
  targets.push(check('board', 'board-first-render',
    sized('board first render, 10,000 trades (Orders link → rows painted, median)'),
    '< 200 ms', `${firstRender.toFixed(0)} ms (100 trades: ${median(base.open.ms).toFixed(0)} ms)`,
    full ? firstRender < 200 : null))
  for (const [i, pace] of plan.paces.entries()) {
    const [t, b] = [top.scroll[i]!, base.scroll[i]!]
    targets.push(check('board', `board-scroll-${pace.rowsPerSecond}`,
      sized(`board scroll, 10,000 trades, ${paceLabel(pace)}: frames over 50 ms`),
      'none', `${t.over50} of ${t.frames}, max ${t.summary.max.toFixed(0)} ms (100 trades: ${b.over50}, max ${b.summary.max.toFixed(0)} ms; plain page: ${plain.scroll[i]!.over50})`,
      full ? t.over50 === 0 : null))
  }

  const figures = (s: ScrollResult) => ({
    pace: s.pace,
    frames: s.frames,
    seconds: round(s.seconds, 2),
    rowsTravelled: Math.round(s.rowsTravelled),
    frameMs: { p50: round(s.summary.p50, 1), p90: round(s.summary.p90, 1), p99: round(s.summary.p99, 1), max: round(s.summary.max, 1), mean: round(s.summary.mean, 2) },
    framesOver50ms: s.over50,
    mainThreadCpuMsPerFrame: { all: round(s.cpu.thread, 2), script: round(s.cpu.script, 2), styleAndLayout: round(s.cpu.styleLayout, 2) },
    longAnimationFrames: s.longFrames,
    worstLongAnimationFrames: s.worstLongFrames.map((f) => ({
      duration: round(f.duration, 1),
      blocking: f.blocking == null ? null : round(f.blocking, 1),
      scripts: (f.scripts ?? []).slice(0, 3).map((x) => ({ ...x, duration: round(x.duration, 1) })),
    })),
    framesWithRowsMissingInView: s.gaps,
  })

  return {
    tables: [
      {
        title: `${board.title}: first render`,
        columns: ['page', 'open ms (median)', 'range', `longest frame, ${plan.watchMs / 1000} s after open`, 'page load → rows ms', 'trades reply at ms', 'trade lists fetched', 'reply MiB'],
        rows: renderRows,
        notes: [
          `open: from the catalog, the trades already loaded, the Orders link's hash change → the first frame with a board row painted (${plan.opens} opens; the ${plan.watchMs / 1000} s after each open are watched for long frames).`,
          `page load: a new page at #/merchant/board, navigation start → rows painted (${plan.loads} load(s)${plan.warmup ? ' after one warm-up' : ''}; includes scripts, the bridge, fetching every trade).`,
          'plain page: the board\'s own row markup and CSS, every row in the DOM, no script (its load is the layout of all rows).',
        ],
      },
      {
        title: `${board.title}: scrolling`,
        columns: ['page', 'pace', 'frames', 'p50 ms', 'p99 ms', 'max ms', 'over 50 ms', 'long animation frames', 'frames with rows missing', 'CPU ms/frame', 'script', 'style+layout'],
        rows: scrollRows,
        notes: [
          `Paces: ${plan.paces.map((p) => `${paceLabel(p)} (${(p.rowsPerSecond * ROW_HEIGHT).toLocaleString('en-US')} px/s) for ${p.ms / 1000} s`).join('; ')}; down and back up, the position set between frames; frame = gap between requestAnimationFrame timestamps.`,
          'rows missing: frames that showed part of the view without its rows in the DOM. long animation frames: PerformanceObserver entries (over 50 ms).',
          'CPU ms/frame: the page\'s main-thread CPU time over the scroll (Chrome\'s ThreadTime), per frame; script and style+layout are its parts in thread time. Other programs do not inflate these as they do frame lengths.',
          `headless Chromium, --disable-gpu, viewport ${VIEWPORT.width}×${VIEWPORT.height}; renderer ${builds.join(', then ')}; seed trades are mostly complete, with each buyer's newest six open and months old, so those rows carry "Needs attention".`,
        ],
      },
    ],
    targets,
    data: {
      quick: ctx.quick,
      // the renderer's entry script served (two if it was rebuilt meanwhile)
      rendererBuild: builds,
      plan,
      boards: sizes.map((r) => ({
        trades: r.trades,
        hostStartMs: round(r.hostStartMs, 0),
        openMs: r.open.ms.map((v) => round(v, 1)),
        openMsMedian: round(median(r.open.ms), 1),
        worstFrameAfterOpenMs: r.open.worstFrameAfter.map((v) => round(v, 1)),
        longAnimationFramesAfterOpens: r.open.longFramesAfter,
        pageLoadMs: r.load.ms.map((v) => round(v, 1)),
        pageLoadMsMedian: round(median(r.load.ms), 1),
        tradesReplyAtMs: r.load.tradesAt.map((v) => round(v, 1)),
        tradeListsFetchedPerLoad: r.load.lists,
        replyChars: r.load.replyChars,
        scroll: r.scroll.map(figures),
      })),
      plainPage: {
        rows: plain.rows,
        loadMs: plain.loadMs.map((v) => round(v, 1)),
        scroll: plain.scroll.map(figures),
      },
    },
  }
}
