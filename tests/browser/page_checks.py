"""What the browser tests measure in a page: small JavaScript probes and their readers.

Each probe returns plain data (lists of problems as sentences); the tests decide.
"""

from __future__ import annotations

import itertools
import re
from typing import Any
from urllib.parse import urlsplit

# Horizontal scrolling, text smaller than 16px, and tap targets under 24x24 px.
# Links inside a sentence are exempt from the target size, as WCAG 2.5.8 allows.
LAYOUT_PROBE = """
() => {
  const problems = [];
  const root = document.documentElement;
  const overflow = root.scrollWidth - root.clientWidth;
  if (overflow > 0) problems.push(`scrolls sideways by ${overflow}px`);
  const shown = (el) => el.checkVisibility({checkOpacity: true, checkVisibilityCSS: true});
  const onScreen = (r) => r.width > 1 && r.height > 1 && r.right > 0 && r.left < innerWidth;
  const label = (el, text) =>
    `${el.tagName.toLowerCase()}${el.className ? "." + String(el.className).split(" ")[0] : ""}` +
    ` "${(text || "").trim().replace(/\\s+/g, " ").slice(0, 40)}"`;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const seen = new Set();
  while (walker.nextNode()) {
    const node = walker.currentNode;
    const el = node.parentElement;
    if (!node.textContent.trim() || !el || seen.has(el)) continue;
    seen.add(el);
    if (el.closest("script, style, noscript, svg") || !shown(el)) continue;
    if (!onScreen(el.getBoundingClientRect())) continue;
    const size = parseFloat(getComputedStyle(el).fontSize);
    if (size < 15.95) problems.push(`text at ${size}px: ${label(el, node.textContent)}`);
  }
  const targets = document.querySelectorAll(
    'a[href], button, input:not([type="hidden"]), select, textarea, summary, label[for], [role="button"]');
  for (const el of targets) {
    if (!shown(el)) continue;
    const r = el.getBoundingClientRect();
    if (!onScreen(r)) continue;
    const block = el.closest("p, li, td, th, dd, dt, figcaption, blockquote, .md-copyright");
    const inSentence = el.tagName === "A" && getComputedStyle(el).display === "inline" && block &&
      block.textContent.trim().length > el.textContent.trim().length;
    if (inSentence) continue;
    if (r.width < 23.95 || r.height < 23.95) {
      problems.push(`tap target ${Math.round(r.width)}x${Math.round(r.height)}px: ` +
        label(el, el.textContent || el.getAttribute("aria-label")));
    }
  }
  return problems;
}
"""

# Language, direction, headings and the skip link.
STRUCTURE_PROBE = """
() => {
  const body = document.body;
  const content = document.querySelector(".md-content") || body;
  const h1 = content.querySelector("h1");
  const headings = [...content.querySelectorAll("h1, h2, h3, h4, h5, h6")]
    .map((h) => Number(h.tagName[1]));
  const skip = document.querySelector("a.md-skip");
  const target = skip ? document.getElementById(decodeURIComponent(skip.hash.slice(1))) : null;
  let textRight = null;
  if (h1) {
    const range = document.createRange();
    range.selectNodeContents(h1);
    const text = range.getBoundingClientRect();
    const box = h1.getBoundingClientRect();
    textRight = (box.right - text.right) < (text.left - box.left);
  }
  return {
    lang: document.documentElement.lang,
    bodyDir: body.dir,
    direction: getComputedStyle(content).direction,
    headings,
    h1Count: headings.filter((l) => l === 1).length,
    skipHref: skip ? skip.getAttribute("href") : null,
    skipTargetInContent: !!(target && content.contains(target)),
    h1TextOnRight: textRight,
    alternates: [...document.querySelectorAll(".md-select a[hreflang]")]
      .map((a) => ({lang: a.hreflang, href: a.href})),
  };
}
"""


def heading_problems(levels: list[int]) -> list[str]:
    """Headings must start at one h1 and never skip a level on the way down."""
    problems = []
    if levels.count(1) != 1:
        problems.append(f"{levels.count(1)} top-level headings (h1); a page needs exactly one")
    if levels and levels[0] != 1:
        problems.append(f"the first heading is h{levels[0]}, not h1")
    for before, after in itertools.pairwise(levels):
        if after > before + 1:
            problems.append(f"h{before} is followed by h{after}: a level is skipped")
    return problems


def page_key(url: str, language: str, default_language: str) -> str:
    """The same page in any language: its address without the language folder."""
    path = urlsplit(url).path
    if language != default_language and path.startswith(f"/{language}/"):
        return path[len(language) + 1 :]
    return path


def axe_summary(violations: list[dict[str, Any]]) -> list[str]:
    """One line per axe violation: rule, impact, and the first few elements."""
    lines = []
    for violation in violations:
        nodes = ", ".join(" ".join(node["target"]) for node in violation["nodes"][:3])
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']} at {nodes}")
    return lines


def pdf_page_count(pdf: bytes) -> int:
    """How many pages a PDF made by Chromium has (its page tree's /Count)."""
    counts = [int(n) for n in re.findall(rb"/Type\s*/Pages\b[^>]*?/Count\s+(\d+)", pdf)]
    counts += [int(n) for n in re.findall(rb"/Count\s+(\d+)[^>]*?/Type\s*/Pages\b", pdf)]
    if counts:
        return max(counts)
    return len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf))
