import { defineProject } from 'vitest/config'
import { workspaceSources } from '../../vitest.shared'

export default defineProject({
  plugins: [workspaceSources()],
  test: { name: 'rt', include: ['src/**/*.test.ts'] },
})
