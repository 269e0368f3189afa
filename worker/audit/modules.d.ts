// What the self-hosted audit imports that TypeScript does not know: SQL files bundled as text, and
// the Durable Object base class (typed here so the Node-side tsconfig needs no Workers globals).
declare module '*.sql' {
  const text: string;
  export default text;
}
declare module 'cloudflare:workers' {
  export class DurableObject {
    constructor(ctx: never, env: never);
  }
}
