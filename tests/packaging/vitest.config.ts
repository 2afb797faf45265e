import { defineProject } from 'vitest/config'

// Packing, one npm install and three tsc runs take a few minutes.
export default defineProject({
  test: { name: 'packaging', include: ['*.test.ts'], hookTimeout: 600_000, testTimeout: 180_000 },
})
