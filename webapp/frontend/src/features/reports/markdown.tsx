import type { ReactNode } from 'react';

/**
 * A small Markdown renderer that builds React elements, never HTML strings: raw HTML in a report shows as text,
 * and links or images only keep http(s), mailto and same-origin addresses. Blocks: headings, paragraphs, lists,
 * block quotes, rules, fenced code; inline: bold, italics, code, links, images. A fenced block whose language has
 * an `embed` renderer (e.g. `scalar`) is drawn by it.
 */
export type EmbedRenderer = (body: string, key: string) => ReactNode;

export function safeUrl(url: string): string | undefined {
  const trimmed = url.trim();
  if (/^(https?:|mailto:)/i.test(trimmed)) return trimmed;
  if (/^[/#?]/.test(trimmed) && !trimmed.startsWith('//')) return trimmed;
  if (!/^[a-z][a-z0-9+.-]*:/i.test(trimmed) && !trimmed.startsWith('//')) return trimmed;
  return undefined;
}

const INLINE = /(!\[([^\]]*)\]\(([^)\s]+)\))|(\[([^\]]+)\]\(([^)\s]+)\))|(`([^`]+)`)|(\*\*([^*]+)\*\*)|(\*([^*]+)\*)|(_([^_]+)_)/;

export function inline(text: string, key = 'i'): ReactNode[] {
  const out: ReactNode[] = [];
  let rest = text;
  let n = 0;
  while (rest) {
    const m = INLINE.exec(rest);
    if (!m) { out.push(rest); break; }
    if (m.index > 0) out.push(rest.slice(0, m.index));
    const k = `${key}-${n++}`;
    if (m[1]) {
      const src = safeUrl(m[3]);
      out.push(src ? <img key={k} src={src} alt={m[2]} style={{ maxWidth: '100%' }} /> : m[0]);
    } else if (m[4]) {
      const href = safeUrl(m[6]);
      out.push(href ? <a key={k} href={href} rel="noopener noreferrer" target={/^https?:/.test(href) ? '_blank' : undefined}>
        {inline(m[5], k)}</a> : m[5]);
    } else if (m[7]) out.push(<code key={k}>{m[8]}</code>);
    else if (m[9]) out.push(<strong key={k}>{inline(m[10], k)}</strong>);
    else if (m[11]) out.push(<em key={k}>{inline(m[12], k)}</em>);
    else if (m[13]) out.push(<em key={k}>{inline(m[14], k)}</em>);
    rest = rest.slice(m.index + m[0].length);
  }
  return out;
}

export function renderMarkdown(source: string, embeds: Record<string, EmbedRenderer> = {}): ReactNode[] {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const blocks: ReactNode[] = [];
  let i = 0;
  const key = () => `b${blocks.length}`;
  while (i < lines.length) {
    const line = lines[i];
    const fence = /^```\s*([\w-]*)\s*$/.exec(line);
    if (fence) {
      const body: string[] = [];
      i++;
      while (i < lines.length && !/^```\s*$/.test(lines[i])) body.push(lines[i++]);
      i++;
      const embed = embeds[fence[1]];
      blocks.push(embed ? embed(body.join('\n'), key()) : <pre key={key()}><code>{body.join('\n')}</code></pre>);
      continue;
    }
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    if (heading) {
      const Tag = `h${Math.min(6, heading[1].length + 1)}` as 'h2';
      blocks.push(<Tag key={key()}>{inline(heading[2], key())}</Tag>);
      i++;
      continue;
    }
    if (/^(-{3,}|\*{3,})\s*$/.test(line)) { blocks.push(<hr key={key()} />); i++; continue; }
    if (/^\s*([-*+]|\d+\.)\s+/.test(line)) {
      const ordered = /^\s*\d+\./.test(line);
      const items: string[] = [];
      while (i < lines.length && /^\s*([-*+]|\d+\.)\s+/.test(lines[i])) items.push(lines[i++].replace(/^\s*([-*+]|\d+\.)\s+/, ''));
      const k = key();
      const children = items.map((item, j) => <li key={j}>{inline(item, `${k}-${j}`)}</li>);
      blocks.push(ordered ? <ol key={k}>{children}</ol> : <ul key={k}>{children}</ul>);
      continue;
    }
    if (/^>\s?/.test(line)) {
      const quoted: string[] = [];
      while (i < lines.length && /^>\s?/.test(lines[i])) quoted.push(lines[i++].replace(/^>\s?/, ''));
      blocks.push(<blockquote key={key()}>{renderMarkdown(quoted.join('\n'), embeds)}</blockquote>);
      continue;
    }
    if (!line.trim()) { i++; continue; }
    const para: string[] = [];
    while (i < lines.length && lines[i].trim() && !/^(#{1,6}\s|```|>|\s*([-*+]|\d+\.)\s+)/.test(lines[i])) {
      para.push(lines[i++]);
    }
    blocks.push(<p key={key()}>{inline(para.join(' '), key())}</p>);
  }
  return blocks;
}
