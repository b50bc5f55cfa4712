"""The notice as one standalone HTML page for the controller's website.

Standalone on purpose: the officer uploads a single file to whatever CMS the utility has.
No external assets (inline CSS, system fonts, no images, no scripts), so publishing it
leaks no visitor data to third parties and it renders the same offline. All data text is
escaped; the only links are mailto: and the http(s) web addresses given in the data,
plus in-page anchors of the table of contents.
"""

from __future__ import annotations

from html import escape

from .data import NoticeData
from .structure import (
    Block,
    Bullets,
    Card,
    Heading,
    Item,
    NoticeDocument,
    Para,
    Placeholder,
    build_notice,
)

_CSS = """
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; background: #f6f7f9; color: #1a1a1a;
  font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", Arial, sans-serif; }
main { max-width: 48rem; margin: 0 auto; padding: 1.5rem 1.1rem 3rem; background: #fff; }
header { border-bottom: 2px solid #1f4e79; margin-bottom: 1rem; padding-bottom: .6rem; }
h1 { color: #1f4e79; font-size: 1.75rem; line-height: 1.2; margin: .2rem 0 .3rem; }
.subtitle { font-weight: 600; font-size: 1.1rem; margin: 0 0 .2rem; }
.law { color: #555; font-size: .9rem; margin: 0; }
nav { background: #f0f3f7; border-radius: 6px; padding: .6rem 1rem; margin: 1rem 0;
  font-size: .95rem; }
nav h2 { font-size: 1rem; margin: 0 0 .3rem; color: #1a1a1a; }
nav ol { margin: 0; padding-left: 1.6rem; }
nav a { color: #1f4e79; }
h2 { color: #1f4e79; font-size: 1.2rem; line-height: 1.3; margin: 1.8rem 0 .5rem; }
h3 { font-size: 1.05rem; margin: 1.1rem 0 .4rem; }
h4 { font-size: 1rem; color: #444; margin: .9rem 0 .3rem; }
p { margin: .35rem 0 .7rem; }
ul { margin: .3rem 0 .9rem; padding-left: 1.4rem; }
li { margin: .25rem 0; }
li p { margin: .15rem 0; color: #444; }
li p.note { color: #1a1a1a; font-style: italic; }
@media (min-width: 40rem) {
  ul.cols { columns: 2; column-gap: 2.5rem; }
  ul.cols li { break-inside: avoid; margin: 0 0 .4rem; }
}
.card { border-left: 3px solid #c9d6e3; padding: .2rem 0 .2rem .8rem; margin: .6rem 0 .9rem; }
.card p { margin: 0; }
.card .name { font-weight: 700; }
.label { font-weight: 600; }
.not-recorded { color: #b71c1c; font-style: italic; font-weight: 600; }
a { color: #1f4e79; overflow-wrap: anywhere; }
@media print { body { background: #fff; } main { max-width: none; padding: 0; }
  nav { display: none; } }
""".strip()


def _e(text: str) -> str:
    return escape(text, quote=True)


def _labelled(label: str, text: str) -> str:
    return f'<span class="label">{_e(label)}:</span> {_e(text)}' if label else _e(text)


def _item(item: Item) -> str:
    if item.title and item.text:
        head = f"<strong>{_e(item.title)}:</strong> {_e(item.text)}"
    elif item.title:
        head = f"<strong>{_e(item.title)}</strong>"
    else:
        head = _e(item.text)
    details = "".join(f"<p>{_e(d)}</p>" for d in item.details)
    notes = "".join(f'<p class="note">{_e(n)}</p>' for n in item.notes)
    return f"<li>{head}{details}{notes}</li>"


def _block(block: Block) -> str:
    if isinstance(block, Heading):
        tag = "h3" if block.level <= 1 else "h4"
        return f"<{tag}>{_e(block.text)}</{tag}>"
    if isinstance(block, Para):
        return f"<p>{_labelled(block.label, block.text)}</p>"
    if isinstance(block, Placeholder):
        return f'<p class="not-recorded">{_e(block.text)}</p>'

    if isinstance(block, Card):
        rows = []
        if block.title:
            rows.append(f'<p class="name">{_e(block.title)}</p>')
        for line in block.lines:
            value = _e(line.value)
            if line.href:
                value = f'<a href="{_e(line.href)}">{value}</a>'
            label = f'<span class="label">{_e(line.label)}:</span> ' if line.label else ""
            rows.append(f"<p>{label}{value}</p>")
        return '<div class="card">' + "".join(rows) + "</div>"
    if isinstance(block, Bullets):
        opening = '<ul class="cols">' if block.compact else "<ul>"
        return opening + "".join(_item(i) for i in block.items) + "</ul>"
    raise TypeError(f"unknown block {block!r}")


def _document(doc: NoticeDocument) -> str:
    out: list[str] = [
        "<!DOCTYPE html>",
        f'<html lang="{_e(doc.lang)}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta name="author" content="{_e(doc.author)}">',
        f"<title>{_e(doc.title + (' – ' + doc.subtitle if doc.subtitle else ''))}</title>",
        f"<style>\n{_CSS}\n</style>",
        "</head>",
        "<body>",
        "<main>",
        "<article>",
        "<header>",
        f"<h1>{_e(doc.title)}</h1>",
    ]
    if doc.subtitle:
        out.append(f'<p class="subtitle">{_e(doc.subtitle)}</p>')
    out.append(f'<p class="law">{_e(doc.law)}</p>')
    out.append("</header>")
    if doc.introduction:
        out.append(f"<p>{_e(doc.introduction)}</p>")
    out.append(f'<nav aria-labelledby="toc"><h2 id="toc">{_e(doc.contents_label)}</h2><ol>')
    out += [f'<li><a href="#{s.id}">{_e(s.heading)}</a></li>' for s in doc.sections]
    out.append("</ol></nav>")
    for section in doc.sections:
        out.append(f'<section id="{section.id}" aria-labelledby="h-{section.id}">')
        out.append(f'<h2 id="h-{section.id}">{_e(section.numbered_heading)}</h2>')
        out += [_block(b) for b in section.blocks]
        out.append("</section>")
    out += ["</article>", "</main>", "</body>", "</html>", ""]
    return "\n".join(out)


def render_notice_html(data: NoticeData, lang: str | None = None) -> str:
    """The notice as a standalone, escaped HTML5 page in `lang` (default: data.language)."""
    return _document(build_notice(data, lang))
