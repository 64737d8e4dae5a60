import { resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'electron-vite'

const here = (p: string) => resolve(import.meta.dirname, p)

// main, preload and renderer are built from the top-level folders of the
// same names. The preload runs sandboxed, so it is one CommonJS file with
// its few imports bundled in. The shop server's and the demo's command
// lines are built with main (sharing its chunks) and run by plain node:
// `npm run server` and `npm run demo` start in half the time and memory
// they would take under a TypeScript loader.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: here('main/index.ts'),
          'shop-server': here('server/cli.ts'),
          'shop-demo': here('server/sim/demo-cli.ts'),
          // the store's snapshot writer thread (server/store/snapshot-writer.ts)
          'snapshot-worker': here('server/store/snapshot-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      externalizeDeps: false,
      rollupOptions: {
        input: { index: here('preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: here('renderer'),
    plugins: [react()],
    build: {
      outDir: here('out/renderer'),
      rollupOptions: { input: { index: here('renderer/index.html') } },
    },
  },
})
