#!/usr/bin/env bash
# azd postprovision hook: waits until the app identity's role assignments are old enough to have applied, so that
# the first publish (package upload with that identity) and the first Key Vault reference resolution do not fail.
# Role assignment changes can take up to 10 minutes to apply
# (https://learn.microsoft.com/azure/role-based-access-control/troubleshooting); a few minutes is the usual case, hence
# the default window, and docs/deploy.md says to run `azd deploy` again when the first publish still fails.
#   PARTY_ROLE_WAIT_SECONDS  how long after the newest assignment to wait (default 300; 0 skips the wait)
# azd passes the template's outputs (AZURE_APP_IDENTITY_PRINCIPAL_ID) as environment variables.
set -euo pipefail

window="${PARTY_ROLE_WAIT_SECONDS:-300}"
principal="${AZURE_APP_IDENTITY_PRINCIPAL_ID:-}"
if [[ "$window" -le 0 || -z "$principal" ]]; then
  echo "Role assignments: no wait (PARTY_ROLE_WAIT_SECONDS=$window, principal '${principal}')."
  exit 0
fi

# When az is signed in, wait only for what is left of the window since the newest assignment was created:
# a later `azd provision` of an existing environment does not wait at all.
newest=""
if command -v az >/dev/null 2>&1; then
  newest=$(az role assignment list --assignee "$principal" --all --query "max_by([], &createdOn).createdOn" -o tsv 2>/dev/null || true)
fi

if [[ -n "$newest" ]]; then
  age=$(( $(date -u +%s) - $(date -u -d "$newest" +%s) ))
  remaining=$(( window - age ))
else
  echo "Role assignments: az is not signed in or lists none yet; waiting the whole window."
  remaining=$window
fi

if (( remaining > 0 )); then
  echo "Role assignments: waiting ${remaining}s for them to apply before publishing."
  sleep "$remaining"
fi
echo "Role assignments: settled."
