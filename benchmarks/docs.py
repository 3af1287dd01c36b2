"""Writing a benchmark's results into its section of a Markdown file (docs/benchmarks.md,
docs/performance.md), leaving every other section as it is: each benchmark owns one
``## section`` (or one ``### subsection`` in it) and reruns replace only that part."""

from __future__ import annotations

from pathlib import Path


def replace_section(path: Path, section: str, text: str, *, head: str) -> None:
    """Replace ``section`` (a ``## `` heading line) and its body with ``text``."""
    old = path.read_text(encoding="utf-8") if path.exists() else head + "\n"
    block = section + "\n\n" + text.strip("\n") + "\n"
    if section + "\n" in old:
        start = old.index(section + "\n")
        end = old.find("\n## ", start + len(section))
        new = old[:start] + block + ("\n" + old[end + 1:] if end >= 0 else "")
    else:
        new = old.rstrip("\n") + "\n\n" + block
    path.write_text(new, encoding="utf-8")


def replace_subsection(path: Path, section: str, title: str, text: str, *, head: str,
                       intro: str = "") -> None:
    """Replace the ``### title`` subsection of ``section`` (creating either if missing)."""
    old = path.read_text(encoding="utf-8") if path.exists() else head + "\n"
    if section + "\n" not in old:
        old = old.rstrip("\n") + "\n\n" + section + "\n" + ("\n" + intro if intro else "")
    start = old.index(section + "\n")
    end = old.find("\n## ", start + len(section))
    end = len(old) if end < 0 else end + 1
    body = old[start:end]
    heading = f"### {title}\n"
    block = heading + "\n" + text.strip("\n") + "\n"
    if heading in body:
        a = body.index(heading)
        b = body.find("\n### ", a + len(heading))
        b = len(body) if b < 0 else b + 1
        body = body[:a] + block + ("\n" + body[b:] if b < len(body) else "")
    else:
        body = body.rstrip("\n") + "\n\n" + block
    rest = old[end:]
    path.write_text(old[:start] + body.rstrip("\n") + "\n" + ("\n" + rest if rest else ""),
                    encoding="utf-8")
