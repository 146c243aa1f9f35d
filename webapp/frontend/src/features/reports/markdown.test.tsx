import { describe, expect, it } from 'vitest';
import { render } from '@testing-library/react';
import { renderMarkdown, safeUrl } from './markdown';

function html(source: string): HTMLElement {
  return render(<div>{renderMarkdown(source, { scalar: (body, key) => <figure key={key}>chart {body}</figure> })}</div>).container;
}

describe('renderMarkdown', () => {
  it('draws headings, lists, emphasis, code and links', () => {
    const root = html('# Title\n\nSome **bold** and *it* and `x`.\n\n- one\n- [two](https://example.com)\n');
    expect(root.querySelector('h2')?.textContent).toBe('Title');
    expect(root.querySelector('strong')?.textContent).toBe('bold');
    expect(root.querySelector('em')?.textContent).toBe('it');
    expect(root.querySelectorAll('li')).toHaveLength(2);
    expect(root.querySelector('a')?.getAttribute('href')).toBe('https://example.com');
  });

  it('never injects raw HTML and drops script links', () => {
    const root = html('<script>alert(1)</script> <img src=x onerror=alert(1)>\n\n[bad](javascript:alert(1))');
    expect(root.querySelector('script')).toBeNull();
    expect(root.querySelector('img')).toBeNull();
    expect(root.textContent).toContain('<script>alert(1)</script>');
    expect(root.querySelector('a')).toBeNull();
    expect(safeUrl('JavaScript:alert(1)')).toBeUndefined();
    expect(safeUrl('/files/a.png')).toBe('/files/a.png');
  });

  it('hands fenced blocks of a known language to their embed', () => {
    const root = html('```scalar\ntask: abc\n```\n');
    expect(root.querySelector('figure')?.textContent).toBe('chart task: abc');
  });
});
