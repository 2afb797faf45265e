import { defineConfig } from 'tsup'
import { vendorPackageBuild } from '../../tsup.shared'

// ./simulator and ./connector are guards that name missing optional peers (see vendorPackageBuild).
export default defineConfig(vendorPackageBuild('halo'))
