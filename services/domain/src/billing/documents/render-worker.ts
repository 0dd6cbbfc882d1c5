import { renderTaskOutcome, type RenderOutcome, type RenderTask } from './render-task';

/**
 * The entry of a render worker thread (see `render-pool.ts`): fonts are parsed once per thread, on
 * its first import, then every task reuses them. Bundled as `services/<name>/dist/render-worker.mjs`
 * by scripts/build-services.ts.
 */
export default function render(task: RenderTask): Promise<RenderOutcome> {
  return renderTaskOutcome(task);
}
