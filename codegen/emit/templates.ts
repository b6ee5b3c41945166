/** Renders prose and package files from handlebars templates, which live beside the emitter that uses them. */
import { readFileSync } from 'node:fs';
import Handlebars from 'handlebars';

const engine = Handlebars.create();
// JSON string literal, for values placed inside JSON templates.
engine.registerHelper('json', (value: unknown) => new Handlebars.SafeString(JSON.stringify(value)));

const compiled = new Map<string, Handlebars.TemplateDelegate>();

/** Renders the template at `template` (a `.hbs` file, usually `new URL('./templates/x.hbs', import.meta.url)`). */
export function renderTemplate(template: URL, view: object): string {
  let render = compiled.get(template.href);
  if (!render) {
    render = engine.compile(readFileSync(template, 'utf8'), { noEscape: true, strict: true });
    compiled.set(template.href, render);
  }
  return render(view);
}
