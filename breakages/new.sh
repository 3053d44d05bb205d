#!/usr/bin/env bash
# Record a breakage: breakages/new.sh NAME "CRITERIA" "WHY" -- run after editing the
# reference system (clinic_system/) or the embedded stack's settings (embedded_stack/) to
# break one rule (pinned decision 25: the runner patches any folder a breakage names).
# Refuses unless those folders were clean at HEAD before your edit (commit first), because
# it restores them from HEAD.
set -euo pipefail
cd "$(dirname "$0")/.."
name=$1 criteria=$2 why=$3
folders="clinic_system embedded_stack"
[ -n "$(git diff --name-only -- $folders)" ] || { echo "no change in $folders to record"; exit 1; }
[ -z "$(git diff --cached --name-only -- $folders)" ] || { echo "staged changes in $folders: commit them first"; exit 1; }
stamp=$(git diff --name-only -- $folders | xargs grep -l "BROKEN" || true)
[ -n "$stamp" ] || { echo "mark the broken line with a comment containing BROKEN"; exit 1; }
{ printf 'Breakage: %s\nCriteria: %s\nWhy: %s\n\n' "$name" "$criteria" "$why"; git diff --no-color -U2 -- $folders; } \
  > "breakages/patches/$name.patch"
git checkout -q -- $folders
echo "breakages/patches/$name.patch"
