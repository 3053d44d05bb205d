#!/usr/bin/env bash
# Record a breakage: breakages/new.sh NAME "CRITERIA" "WHY" -- run after editing
# clinic_system/ to break one rule. Refuses unless clinic_system/ was clean at HEAD
# before your edit (commit first), because it restores clinic_system/ from HEAD.
set -euo pipefail
cd "$(dirname "$0")/.."
name=$1 criteria=$2 why=$3
[ -n "$(git diff --name-only -- clinic_system)" ] || { echo "no change in clinic_system/ to record"; exit 1; }
[ -z "$(git diff --cached --name-only -- clinic_system)" ] || { echo "staged changes in clinic_system/: commit them first"; exit 1; }
stamp=$(git diff --name-only -- clinic_system | xargs grep -l "BROKEN" || true)
[ -n "$stamp" ] || { echo "mark the broken line with a comment containing BROKEN"; exit 1; }
{ printf 'Breakage: %s\nCriteria: %s\nWhy: %s\n\n' "$name" "$criteria" "$why"; git diff --no-color -U2 -- clinic_system; } \
  > "breakages/patches/$name.patch"
git checkout -q -- clinic_system
echo "breakages/patches/$name.patch"
