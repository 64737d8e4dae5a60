import { defineConfig } from 'vitest/config'

// npm run test:electron: the desktop app itself, where Electron's binary
// is available. Not part of npm test.
export default defineConfig({
  test: {
    include: ['test/electron/**/*.electron.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
})
