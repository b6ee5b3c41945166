/**
 * Runtime files shipped into the output as they are: handwritten TypeScript that lives beside
 * the emitter that ships it (`<emitter>/runtime/`), copied with the generated-file header in
 * front. Files of one runtime folder import each other by relative path, so a folder is shipped
 * to one output folder, keeping the names.
 */
import { readFileSync } from 'node:fs';
import type { GeneratedFile } from './typescript.js';

/** `files` of the `runtime/` folder beside `emitterModule` (its `import.meta.url`), into `outputFolder`. */
export function shipRuntime(emitterModule: string, files: readonly string[], outputFolder: string, header: string): GeneratedFile[] {
  return files.map((file) => ({
    path: `${outputFolder}/${file}`,
    content: `${header}\n${readFileSync(new URL(`./runtime/${file}`, emitterModule), 'utf8')}`,
  }));
}
