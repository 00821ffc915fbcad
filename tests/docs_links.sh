#!/usr/bin/env bash
# docs_links.sh SOURCE_DIR — every relative link of README.md and docs/*.md
# leads somewhere inside the repository: the file (or folder) exists, does
# not lie outside the source tree, and a #fragment names a heading of the
# Markdown page it points to (GitHub's anchors: lower case, punctuation
# dropped, spaces as hyphens, -1, -2, ... for repeated headings).  Links to
# other sites (http:, https:, mailto:) are not followed.  Text inside code
# blocks and `code spans` is not a link.
set -uo pipefail
exec python3 - "$1" <<'PY'
import os, re, sys

root = os.path.realpath(sys.argv[1])
pages = [os.path.join(root, "README.md")]
docs = os.path.join(root, "docs")
pages += sorted(os.path.join(docs, n) for n in os.listdir(docs) if n.endswith(".md"))

fence = re.compile(r"^\s*(```|~~~)")
code_span = re.compile(r"(`+)(.+?)\1")
# [text](target) and ![alt](target); the target stops at a space or ")".
link = re.compile(r"!?\[(?:[^\[\]]|\[[^\]]*\])*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
heading = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")


def prose_lines(path):
    """(line number, text) of the lines outside fenced code, code spans blanked."""
    inside = False
    for number, line in enumerate(open(path, encoding="utf-8"), 1):
        if fence.match(line):
            inside = not inside
            continue
        if not inside:
            yield number, code_span.sub(lambda m: " " * len(m.group(0)), line.rstrip("\n"))


def slug(text):
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text)  # a link: its text
    text = text.replace("`", "").lower()
    text = re.sub(r"[^\w\- ]", "", text)  # \w keeps letters, digits and _
    return text.replace(" ", "-")


anchors_of = {}


def anchors(path):
    if path not in anchors_of:
        seen, found = {}, set()
        inside = False
        for line in open(path, encoding="utf-8"):
            if fence.match(line):
                inside = not inside
                continue
            m = None if inside else heading.match(line)
            if m:
                base = slug(m.group(2))
                n = seen.get(base, 0)
                seen[base] = n + 1
                found.add(base if n == 0 else f"{base}-{n}")
        anchors_of[path] = found
    return anchors_of[path]


passed = failed = 0
for page in pages:
    rel_page = os.path.relpath(page, root)
    for number, text in prose_lines(page):
        for m in link.finditer(text):
            target = m.group(1)
            if re.match(r"^[a-z][a-z0-9+.-]*:", target, re.I):
                continue  # another site
            where = f"{rel_page}:{number}: {target}"
            path_part, _, fragment = target.partition("#")
            dest = page if not path_part else os.path.realpath(
                os.path.join(os.path.dirname(page), path_part))
            problem = None
            if dest != root and not dest.startswith(root + os.sep):
                problem = "outside the repository"
            elif not os.path.exists(dest):
                problem = "no such file"
            elif fragment:
                if not dest.endswith(".md"):
                    problem = "a #fragment on a page that is not Markdown"
                elif fragment not in anchors(dest):
                    problem = f"no heading makes #{fragment} in {os.path.relpath(dest, root)}"
            if problem:
                failed += 1
                print(f"FAIL {where}: {problem}")
            else:
                passed += 1
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
PY
