/** Renders the prose and package files from handlebars templates in codegen/templates/. */
import { readFileSync } from 'node:fs';
import Handlebars from 'handlebars';

const engine = Handlebars.create();
// JSON string literal, for values placed inside JSON templates.
engine.registerHelper('json', (value: unknown) => new Handlebars.SafeString(JSON.stringify(value)));

const compiled = new Map<string, Handlebars.TemplateDelegate>();

export function renderTemplate(name: string, view: object): string {
  let template = compiled.get(name);
  if (!template) {
    const source = readFileSync(new URL(`../templates/${name}.hbs`, import.meta.url), 'utf8');
    template = engine.compile(source, { noEscape: true, strict: true });
    compiled.set(name, template);
  }
  return template(view);
}
