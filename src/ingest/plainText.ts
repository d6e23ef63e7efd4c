// Plain-text articles, including the seed corpus's own format: a first line
// "date YYYY-MM-DD" (possibly indented), then the body. The header is metadata and
// does not enter the article's text; the body is kept exactly as written.
import type { RawArticle } from "./types.js";
import { checkArticleText } from "./decode.js";

const DATE_HEADER = /^\s*date[ \t]+(\d{4}-\d{2}-\d{2})[ \t]*(?:\r?\n|[ \t])/;
const TITLE_HEADER = /^\s*title[ \t]*:[ \t]*(.+)\r?\n/i;

export function readPlainText(content: string, origin: string, id: string | null): RawArticle {
  let rest = content.charCodeAt(0) === 0xfeff ? content.slice(1) : content;
  let date: string | null = null;
  let title: string | null = null;
  const dated = DATE_HEADER.exec(rest);
  if (dated) {
    date = dated[1] ?? null;
    rest = rest.slice(dated[0].length);
  }
  const titled = TITLE_HEADER.exec(rest);
  if (titled) {
    title = titled[1]?.trim() ?? null;
    rest = rest.slice(titled[0].length);
  }
  const text = rest.replace(/^\s+/, "").replace(/\s+$/, "");
  checkArticleText(text, origin);
  return { id, text, date, title, source: null, url: null, origin };
}
