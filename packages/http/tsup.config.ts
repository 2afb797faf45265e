import { defineConfig } from 'tsup'
import { packageBuild } from '../../tsup.shared'

// p-queue 9 and its dependencies ship ESM only; bundling them lets the CJS build `require` this
// package without `ERR_REQUIRE_ESM` on Node 20 (p-queue is therefore a devDependency).
export default defineConfig(packageBuild({ index: 'src/index.ts' }, { noExternal: ['p-queue', 'eventemitter3', 'p-timeout'] }))
