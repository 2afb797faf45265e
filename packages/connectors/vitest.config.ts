import { defineProject } from 'vitest/config'
import { workspaceSources } from '../../vitest.shared'

export default defineProject({
  plugins: [workspaceSources()],
  test: { name: 'connectors', include: ['src/**/*.test.ts'] },
})
