// npm start: open the desktop console. Electron fetches its own binary on
// first start; where that cannot happen, say what to do instead.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

const require = createRequire(import.meta.url)
const home = dirname(require.resolve('electron/package.json'))

function hasBinary() {
  const pathFile = join(home, 'path.txt')
  if (!existsSync(pathFile)) return false
  return existsSync(join(home, 'dist', readFileSync(pathFile, 'utf8')))
}

function download() {
  console.error('  Fetching Electron (first start only)…')
  const run = spawnSync(process.execPath, [join(home, 'install.js')], {
    encoding: 'utf8',
  })
  if (run.status !== 0) {
    const why = (run.stderr || '').split('\n').find((l) => /Error/.test(l))
    if (why != null) console.error(`  ${why.trim()}`)
  }
  return run.status === 0
}

if (!hasBinary() && !download()) {
  console.error(`
  Tradepost could not start Electron.

  Electron downloads its program the first time it starts, and that
  download failed (no network, or a proxy in the way).

  - With a network: run \`npm start\` again, or \`npx install-electron\`.
  - Without one: use the same console in a browser:

        npm run preview:browser

    and open the address it prints. Everything works there, with dialogs
    and notifications shown inside the page.
`)
  process.exit(1)
}

const run = spawnSync('npx', ['electron-vite', 'preview', ...process.argv.slice(2)], {
  stdio: 'inherit',
})
process.exit(run.status ?? 1)
