/** `README.md` of the output folder: what was generated from which model, from the template beside this file. */
import type { ServiceModel } from '../../model/ir.js';
import { defaultPackageName } from '../client/names.js';
import { renderTemplate } from '../templates.js';
import { generatedHeader, type GeneratedFile } from '../typescript.js';

const TEMPLATE = new URL('./generated-README.md.hbs', import.meta.url);

export function emitReadme(model: ServiceModel, version: string): GeneratedFile {
  return {
    path: 'README.md',
    content: renderTemplate(TEMPLATE, {
      header: generatedHeader(model, '//').replace(/^\/\/ /gm, ''),
      packageName: defaultPackageName(model),
      version,
      operations: model.operations,
    }),
  };
}
