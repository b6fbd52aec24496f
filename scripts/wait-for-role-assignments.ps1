# azd postprovision hook (Windows): the same wait as wait-for-role-assignments.sh, which documents it.
$ErrorActionPreference = 'Stop'
$window = if ($env:PARTY_ROLE_WAIT_SECONDS) { [int]$env:PARTY_ROLE_WAIT_SECONDS } else { 300 }
$principal = $env:AZURE_APP_IDENTITY_PRINCIPAL_ID
if ($window -le 0 -or -not $principal) {
    Write-Host "Role assignments: no wait (PARTY_ROLE_WAIT_SECONDS=$window, principal '$principal')."
    exit 0
}

$newest = $null
if (Get-Command az -ErrorAction SilentlyContinue) {
    $newest = az role assignment list --assignee $principal --all --query "max_by([], &createdOn).createdOn" -o tsv 2>$null
}

if ($newest) {
    $age = ([DateTimeOffset]::UtcNow - [DateTimeOffset]::Parse($newest)).TotalSeconds
    $remaining = [int]($window - $age)
} else {
    Write-Host "Role assignments: az is not signed in or lists none yet; waiting the whole window."
    $remaining = $window
}

if ($remaining -gt 0) {
    Write-Host "Role assignments: waiting ${remaining}s for them to apply before publishing."
    Start-Sleep -Seconds $remaining
}
Write-Host "Role assignments: settled."
