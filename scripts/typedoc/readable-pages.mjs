// A typedoc plugin (typedoc.json `plugin`): pages readable as soon as they arrive, and names whole.
// - typedoc's template hides the body until its script runs (`document.body.style.display="none"`,
//   shown again after up to 500 ms), so a page is blank without its script and a cold screenshot
//   is empty: the hiding script is removed.
// - typedoc puts `<wbr>` between the parts of camelCase names, so a narrow column breaks
//   `defineWorkflow` into "define Workflow" and code breaks inside identifiers: they are removed
//   from the pages (the navigation, built by the site's script, keeps names whole by CSS:
//   scripts/typedoc/custom.css).
import { PageEvent } from 'typedoc';

const HIDE_BODY =
  /document\.body\.style\.display="none";setTimeout\(\(\) => window\.app\?app\.showPage\(\):document\.body\.style\.removeProperty\("display"\),500\)/g;

/** @param {import('typedoc').Application} app */
export function load(app) {
  app.renderer.on(PageEvent.END, (page) => {
    if (page.contents === undefined) return;
    page.contents = page.contents.replace(HIDE_BODY, '').replaceAll('<wbr/>', '').replaceAll('<wbr>', '');
  });
}
