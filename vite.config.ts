/**
 * Builds the browser side of kefu into web/dist:
 * - index.html + assets: the demo shop page (web/index.html, web/shop/*.tsx), a normal Vite app build;
 * - console/index.html: the agent console (web/console/), a second page of the same app build, served at /console/;
 * - widget.js: the embeddable chat widget (web/widget/main.tsx) as ONE self-contained IIFE file with its CSS
 *   inlined, so a merchant embeds it with a single classic `<script>` tag. It is built by a second, nested
 *   `build()` once the app build has written its files, because a library IIFE and an HTML app cannot share
 *   one Rollup output.
 *
 * `npm run build:web` (or `npx vite build`) runs both; `npx vite` serves the shop page with the API proxied to
 * a server on 127.0.0.1:3000 (KEFU_DEV_API to change it).
 */
import { fileURLToPath } from 'node:url'
import { build, defineConfig, type LogLevel, type Plugin, type UserConfig } from 'vite'

const root = fileURLToPath(new URL('./web', import.meta.url))
const outDir = fileURLToPath(new URL('./web/dist', import.meta.url))
const widgetEntry = fileURLToPath(new URL('./web/widget/main.tsx', import.meta.url))
/** The app build's HTML pages: the demo shop, and the agent console served at /console/. */
const pages = {
  main: fileURLToPath(new URL('./web/index.html', import.meta.url)),
  console: fileURLToPath(new URL('./web/console/index.html', import.meta.url)),
}

/** Preact's automatic JSX runtime, used by both builds (Vite 8 transforms with Oxc). */
const oxc: UserConfig['oxc'] = { jsx: { runtime: 'automatic', importSource: 'preact' } }

/** Browsers the widget supports (see docs/widget.md): anything with Shadow DOM, ES2019 and WebSocket. */
const browserTarget = ['es2019', 'chrome80', 'firefox78', 'safari13.1', 'edge88']

function widgetBundle(): Plugin {
  let logLevel: LogLevel = 'info'
  return {
    name: 'kefu-widget-bundle',
    apply: 'build',
    configResolved(config) {
      logLevel = config.logLevel ?? 'info'
    },
    async closeBundle() {
      await build({
        configFile: false,
        root,
        logLevel,
        oxc,
        define: { 'process.env.NODE_ENV': JSON.stringify('production') },
        build: {
          outDir,
          emptyOutDir: false,
          target: browserTarget,
          sourcemap: false,
          copyPublicDir: false,
          lib: { entry: widgetEntry, formats: ['iife'], name: 'KefuWidget', fileName: () => 'widget.js' },
        },
      })
    },
  }
}

function devWidgetScript(): Plugin {
  return {
    name: 'kefu-dev-widget',
    apply: 'serve',
    configureServer(server) {
      // In dev the page's classic <script src="/widget.js"> loads the module graph through a dynamic import.
      server.middlewares.use('/widget.js', (_req, res) => {
        res.setHeader('content-type', 'text/javascript; charset=utf-8')
        res.end("import('/widget/main.tsx')\n")
      })
    },
  }
}

const devApi = process.env.KEFU_DEV_API ?? 'http://127.0.0.1:3000'

export default defineConfig({
  root,
  oxc,
  plugins: [widgetBundle(), devWidgetScript()],
  build: {
    outDir,
    emptyOutDir: true,
    target: browserTarget,
    rolldownOptions: { input: pages },
  },
  server: {
    proxy: { '/api': { target: devApi, ws: true, changeOrigin: true } },
  },
})
