import { SaxesParser } from 'saxes';

/** Reads an .lrmx back with an XML parser (a malformed file throws): the root, the text of every child of the root, and the family items. */
export function parseLrmx(xml: string): { root: string; fields: Record<string, string>; family: Record<string, string>[] } {
  const parser = new SaxesParser();
  const path: string[] = [];
  const fields: Record<string, string> = {};
  const family: Record<string, string>[] = [];
  let root = '';
  parser.on('opentag', (tag) => {
    if (path.length === 0) root = tag.name;
    path.push(tag.name);
    if (tag.name === 'Item') family.push({});
  });
  parser.on('text', (text) => {
    const name = path.at(-1)!;
    if (path.length === 2) fields[name] = (fields[name] ?? '') + text;
    else if (path.length === 4) family.at(-1)![name] = (family.at(-1)![name] ?? '') + text;
  });
  parser.on('closetag', () => void path.pop());
  parser.write(xml).close();
  return { root, fields, family };
}
