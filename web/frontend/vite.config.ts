import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

// The built app goes straight into the web module's static resources, which Quarkus serves.
export default defineConfig({
  build: {
    outDir: '../target/classes/META-INF/resources',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
  },
  plugins: [
    VitePWA({
      registerType: 'autoUpdate',
      injectRegister: false,
      manifest: {
        name: 'Articula',
        short_name: 'Articula',
        description: 'Acopio, calidad y liquidaciones de productores',
        lang: 'es-PE',
        start_url: '/',
        display: 'standalone',
        background_color: '#ffffff',
        theme_color: '#14532d',
        icons: [
          { src: 'icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
          { src: 'icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: 'icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any maskable' },
        ],
      },
      workbox: {
        // The whole shell is on the device: a collection centre works all day without signal.
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/api\//, /^\/auth\//, /^\/q\//],
        cleanupOutdatedCaches: true,
        clientsClaim: true,
        skipWaiting: true,
      },
    }),
  ],
  test: {
    environment: 'node',
    include: ['test/**/*.test.ts'],
  },
});
