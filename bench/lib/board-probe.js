// The board benchmark's probe, injected into the page before any of the
// console's own scripts (Playwright's addInitScript; plain browser
// JavaScript, not bundled). It times, with the page's own clock
// (performance.now(), 0 = navigation start):
//   - when the first board row enters the DOM, and when the frame that
//     shows it has been painted (the task after the next animation frame);
//   - every large message the page receives on its WebSocket (the board's
//     trades), with its size;
//   - each animation frame (requestAnimationFrame timestamps) while asked;
//   - long tasks and long animation frames (PerformanceObserver).
// The bench drives it through window.__boardProbe.
;(() => {
  if (window.__boardProbe != null) return
  const ROW = '.vtable__row--body'
  const BIG = 64 * 1024

  const probe = {
    rows: null,
    bigMessages: [],
    longTasks: [],
    longFrames: [],
  }

  // The task that runs after the next frame: by then that frame's paint
  // has been committed.
  const afterNextPaint = () =>
    new Promise((resolve) => {
      requestAnimationFrame(() => {
        const channel = new MessageChannel()
        channel.port1.onmessage = () => resolve(performance.now())
        channel.port2.postMessage(null)
      })
    })

  // Resolves once a board row is in the DOM and painted:
  // { inDom, painted } in page milliseconds.
  function watchRows() {
    return new Promise((resolve) => {
      let done = false
      const found = () => {
        if (done || document.querySelector(ROW) == null) return
        done = true
        observer.disconnect()
        const inDom = performance.now()
        void afterNextPaint().then((painted) => resolve({ inDom, painted }))
      }
      const observer = new MutationObserver(found)
      observer.observe(document, { childList: true, subtree: true })
      found()
    })
  }
  probe.rows = watchRows()

  // Large messages on the console's WebSocket: the trades arriving.
  const NativeSocket = window.WebSocket
  window.WebSocket = class extends NativeSocket {
    constructor(...args) {
      super(...args)
      this.addEventListener('message', (e) => {
        const size = typeof e.data === 'string' ? e.data.length : 0
        if (size >= BIG) probe.bigMessages.push({ at: performance.now(), chars: size })
      })
    }
  }

  const observe = (type, into) => {
    try {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) {
          const entry = { start: e.startTime, duration: e.duration }
          if (type === 'long-animation-frame') {
            entry.blocking = e.blockingDuration
            entry.scripts = (e.scripts ?? []).map((s) => ({
              duration: s.duration,
              invoker: s.invoker,
              source: s.sourceFunctionName,
            }))
          }
          into.push(entry)
        }
      }).observe({ type, buffered: true })
      return true
    } catch {
      return false
    }
  }
  probe.hasLongTasks = observe('longtask', probe.longTasks)
  probe.hasLongFrames = observe('long-animation-frame', probe.longFrames)

  // Opens the board from another merchant view as the sidebar link does,
  // timed from the moment the hash changes.
  probe.openBoard = async () => {
    const rows = watchRows()
    const start = performance.now()
    location.hash = '#/merchant/board'
    const r = await rows
    return { start, inDom: r.inDom, painted: r.painted }
  }

  // Timestamps of every animation frame for the next `ms` milliseconds.
  probe.framesDuring = async (ms) => {
    const stamps = []
    const end = performance.now() + ms
    await new Promise((resolve) => {
      const tick = (ts) => {
        stamps.push(ts)
        if (ts < end) requestAnimationFrame(tick)
        else resolve()
      }
      requestAnimationFrame(tick)
    })
    return stamps
  }

  // Scrolls `selector` at a steady pace, down to the end and back up
  // again (a triangle wave), until `ms` have passed. As with a wheel or a
  // dragged scroll bar, the position changes between frames (in the task
  // after each frame, from that frame's timestamp), so the scroll event
  // and the list's update run at the start of the next frame, before it
  // is painted. Returns each frame's timestamp and how many frames showed
  // part of the view without its rows: the rows in the DOM, by
  // aria-rowindex, against those the position shows (`count` rows in all;
  // 0 when every row is always there).
  probe.scroll = async ({ selector, ms, pxPerSecond, rowHeight, headHeight, count }) => {
    const el = document.querySelector(selector)
    if (el == null) throw new Error(`no ${selector} to scroll`)
    el.scrollTop = 0
    await afterNextPaint()
    const max = el.scrollHeight - el.clientHeight
    const view = el.clientHeight
    const rows = el.getElementsByClassName('vtable__row--body')
    const channel = new MessageChannel()
    const stamps = []
    let gaps = 0
    let t0 = null
    let top = 0
    // the position last given to the element: what this frame shows
    let shown = 0
    let distance = 0
    let finish = null
    channel.port1.onmessage = () => {
      el.scrollTop = top
      shown = top
    }
    const tick = (ts) => {
      t0 ??= ts
      stamps.push(ts)
      if (count > 0) {
        const first = Math.max(0, Math.floor((shown - headHeight) / rowHeight))
        const last = Math.min(count - 1, Math.floor((shown + view - headHeight - 1) / rowHeight))
        const present = new Set()
        for (const row of rows) present.add(Number(row.getAttribute('aria-rowindex')) - 2)
        for (let i = first; i <= last; i++) {
          if (!present.has(i)) {
            gaps++
            break
          }
        }
      }
      if (ts - t0 >= ms) return finish()
      distance = ((ts - t0) * pxPerSecond) / 1000
      const phase = max <= 0 ? 0 : distance % (2 * max)
      top = Math.round(phase <= max ? phase : 2 * max - phase)
      channel.port2.postMessage(null)
      requestAnimationFrame(tick)
    }
    await new Promise((resolve) => {
      finish = resolve
      requestAnimationFrame(tick)
    })
    channel.port1.close()
    return { stamps, gaps, max, view, distance }
  }

  probe.since = (t) => ({
    longTasks: probe.longTasks.filter((e) => e.start >= t),
    longFrames: probe.longFrames.filter((e) => e.start >= t),
  })

  window.__boardProbe = probe
})()
