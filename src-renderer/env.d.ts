/// <reference types="vite/client" />

// For plain TypeScript tools (eslint's type-aware rules); vue-tsc reads .vue files itself.
declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent<object, object, unknown>;
  export default component;
}
