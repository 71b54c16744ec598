/**
 * Exporting a chart as a file that stands on its own: the on-screen SVG with its
 * styles written inline (page CSS does not travel with the file), a white
 * background, the title above and the legend below; PNG is that SVG drawn at
 * twice the size for slides.
 */

/** Presentation properties the charts set through CSS. */
const STYLE_PROPS = ['fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-dasharray', 'opacity', 'font-size', 'font-family', 'font-weight', 'text-anchor', 'dominant-baseline'];
const SVG_NS = 'http://www.w3.org/2000/svg';

/** A legend entry drawn into the exported file. */
export interface LegendItem {
  name: string;
  colour: string;
}

function text(doc: Document, x: number, y: number, content: string, style: string): SVGTextElement {
  const t = doc.createElementNS(SVG_NS, 'text');
  t.setAttribute('x', String(x));
  t.setAttribute('y', String(y));
  t.setAttribute('style', style);
  t.textContent = content;
  return t;
}

/** The chart as a standalone SVG document (text), with its title and legend. */
export function standaloneSvg(svg: SVGSVGElement, title: string, legend: LegendItem[] = []): { text: string; width: number; height: number } {
  const doc = svg.ownerDocument;
  const font = getComputedStyle(svg).fontFamily;
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const from = svg.querySelectorAll('*');
  const to = clone.querySelectorAll('*');
  from.forEach((el, i) => {
    const cs = getComputedStyle(el);
    (to[i] as SVGElement).setAttribute('style', STYLE_PROPS.map((p) => `${p}:${cs.getPropertyValue(p)}`).join(';'));
  });
  const box = svg.viewBox.baseVal;
  const top = 30, legendRows = legend.length ? 26 : 0;
  const width = box.width, height = box.height + top + legendRows + 8;
  const out = doc.createElementNS(SVG_NS, 'svg');
  out.setAttribute('xmlns', SVG_NS);
  out.setAttribute('viewBox', `0 0 ${width} ${height}`);
  out.setAttribute('width', String(width));
  out.setAttribute('height', String(height));
  const bg = doc.createElementNS(SVG_NS, 'rect');
  bg.setAttribute('width', '100%');
  bg.setAttribute('height', '100%');
  bg.setAttribute('fill', '#ffffff');
  out.append(bg, text(doc, 8, 20, title, `font-family:${font};font-size:16px;font-weight:700;fill:#1d1f23`));
  const body = doc.createElementNS(SVG_NS, 'g');
  body.setAttribute('transform', `translate(0 ${top})`);
  body.append(...Array.from(clone.childNodes).filter((n) => !(n instanceof Comment)));
  out.append(body);
  let x = 8;
  for (const item of legend) {
    const y = top + box.height + 14;
    const swatch = doc.createElementNS(SVG_NS, 'rect');
    for (const [k, v] of Object.entries({ x, y: y - 10, width: 12, height: 12, fill: item.colour })) swatch.setAttribute(k, String(v));
    out.append(swatch, text(doc, x + 16, y, item.name, `font-family:${font};font-size:12px;fill:#1d1f23`));
    x += 28 + item.name.length * 7;
  }
  return { text: `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(out)}`, width, height };
}

/** The standalone SVG drawn to a PNG at `scale` times its size. */
export async function svgToPng(svg: { text: string; width: number; height: number }, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg.text], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(svg.width * scale);
    canvas.height = Math.round(svg.height * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('this browser cannot draw the chart to an image');
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the PNG could not be made'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Saves `blob` as a download named `fileName`. */
export function download(blob: Blob, fileName: string): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

/** A file name from a chart title (letters of any script, digits, dashes). */
export function chartFileName(title: string, ext: 'svg' | 'png'): string {
  return `${title.replace(/[^\p{L}\p{N}_-]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'chart'}.${ext}`;
}

/** Downloads the chart in `svg` as SVG or PNG. */
export async function exportChart(svg: SVGSVGElement, title: string, format: 'svg' | 'png', legend: LegendItem[] = []): Promise<void> {
  const standalone = standaloneSvg(svg, title, legend);
  const blob = format === 'svg' ? new Blob([standalone.text], { type: 'image/svg+xml' }) : await svgToPng(standalone);
  download(blob, chartFileName(title, format));
}
