// Builds popup content as DOM nodes with textContent only: user-supplied names can never become markup.
import type { Explanation } from '../ui/explain';

export function explanationElement(e: Explanation, doc: Document = document): HTMLElement {
  const root = doc.createElement('div');
  root.className = 'explain';
  const h = doc.createElement('h3');
  h.textContent = e.title;
  root.append(h);
  const dl = doc.createElement('dl');
  for (const [label, value] of e.rows) {
    const dt = doc.createElement('dt');
    dt.textContent = label;
    const dd = doc.createElement('dd');
    dd.textContent = value;
    dl.append(dt, dd);
  }
  root.append(dl);
  if (e.list) {
    const p = doc.createElement('p');
    p.textContent = e.list.heading;
    const ul = doc.createElement('ul');
    for (const item of e.list.items) {
      const li = doc.createElement('li');
      li.textContent = item;
      ul.append(li);
    }
    root.append(p, ul);
  }
  return root;
}
