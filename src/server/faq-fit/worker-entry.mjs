// Worker-thread entry: kefu runs TypeScript without a build step, so the worker registers tsx
// itself before loading the fitting code (module hooks are per thread on Node 20).
import { register } from 'tsx/esm/api'

register()
await import('./fit-worker.ts')
