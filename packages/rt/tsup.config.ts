import { defineConfig } from 'tsup'
import { packageBuild } from '../../tsup.shared'

export default defineConfig(packageBuild({ index: 'src/index.ts', simulator: 'src/simulator/index.ts', connector: 'src/connector/index.ts' }))
