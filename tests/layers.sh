#!/usr/bin/env bash
# layers.sh SRC_DIR — the layering of docs/architecture.md holds: a file
# includes internal headers of its own layer or the layers below only, the
# packer and the network layers reach the buffer machinery through the
# public API alone, and no two modules (a .c and its .h) depend on each
# other, directly or through others.  Two rules of the same kind keep
# whole classes of bug out: every lock joins the fork protocol of
# platform/locks.h (no pthread lock or pthread_atfork outside platform/, no
# spin lock in a module without a fork hook), and the network layers build
# results only through packers that know every record field (nbi_packer_create,
# nbi_pack: no stale padding byte in a result), never the public packer.
set -uo pipefail
exec python3 - "$1" <<'PY'
import os, re, sys
src = sys.argv[1]
# Layer 5 has three tiers: what both kinds of answer share (net), this
# machine's and a server's answers side by side (local, remote: neither
# names the other), and the exported entry points that choose (api).
layer = {"platform": 0, "block": 1, "check": 2, "apibuf": 3, "pack": 4,
         "net": 5.0, "local": 5.1, "remote": 5.1, "api": 5.2}
# Folders a layer-4/5 folder may name besides its own: never block/ or check/.
allowed_above_3 = {"pack": {"platform", "pack"},
                   "net": {"platform", "pack", "net"},
                   "local": {"platform", "pack", "net", "local"},
                   "remote": {"platform", "pack", "net", "remote"},
                   "api": {"platform", "pack", "net", "local", "remote", "api"}}
failures, deps = [], {}
raw_locks = re.compile(r"\b(pthread_(mutex|rwlock|spin|cond)_\w+|PTHREAD_\w*_INITIALIZER|pthread_atfork|sem_init)\b")
public_packer = re.compile(r"\b(netapibuf_packer_create|netapibuf_pack)\s*\(")
module_text = {}
for folder in sorted(os.listdir(src)):
    path = os.path.join(src, folder)
    if not os.path.isdir(path):
        continue
    if folder not in layer:
        failures.append(f"{folder}/: a folder outside the layers")
        continue
    for name in sorted(os.listdir(path)):
        if not name.endswith((".c", ".h")):
            continue
        module = f"{folder}/{name.rsplit('.', 1)[0]}"
        text = open(os.path.join(path, name)).read()
        module_text[module] = module_text.get(module, "") + text
        if folder != "platform" and raw_locks.search(text):
            failures.append(f"{folder}/{name}: {raw_locks.search(text).group(0)}: define locks with NBI_MUTEX (platform/locks.h)")
        if layer[folder] >= 5 and public_packer.search(text):
            failures.append(f"{folder}/{name}: {public_packer.search(text).group(1)}: use nbi_packer_create / nbi_pack with a field map (pack/pack.h)")
        for inc in re.findall(r'^\s*#\s*include\s+"([^"]+)"', text, re.M):
            target_folder = inc.split("/")[0]
            if "/" not in inc or target_folder not in layer:
                failures.append(f"{folder}/{name}: includes \"{inc}\" (name internal headers by folder)")
                continue
            if layer[target_folder] > layer[folder]:
                failures.append(f"{folder}/{name}: layer {layer[folder]} includes layer {layer[target_folder]} ({inc})")
            if folder in allowed_above_3 and target_folder not in allowed_above_3[folder]:
                failures.append(f"{folder}/{name}: includes {inc} (layer {layer[folder]} uses the public API only)")
            target = inc.rsplit(".", 1)[0]
            if target != module:
                deps.setdefault(module, set()).add(target)
# A spin lock is taken only in a module that joins the fork protocol.
for m, text in sorted(module_text.items()):
    if not m.startswith("platform/") and "nbi_spin_lock(" in text and "NBI_FORK_HOOK(" not in text:
        failures.append(f"{m}: takes a spin lock without a fork hook (platform/locks.h)")
# No cycle among modules (depth-first search, grey/black colouring).
state = {}
def visit(m, stack):
    state[m] = 1
    for d in sorted(deps.get(m, ())):
        if state.get(d) == 1:
            failures.append("include cycle: " + " -> ".join(stack[stack.index(d):] + [d]))
        elif d not in state:
            visit(d, stack + [d])
    state[m] = 2
for m in sorted(deps):
    if m not in state:
        visit(m, [m])
for f in failures:
    print("FAIL", f)
modules = len({m for m in deps} | {d for v in deps.values() for d in v})
print(f"layers: {modules} modules checked")
print(f"{0 if failures else 1} passed, {1 if failures else 0} failed")
sys.exit(1 if failures else 0)
PY
