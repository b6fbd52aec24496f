// Parameters for main.bicep. azd fills AZURE_ENV_NAME, AZURE_LOCATION and AZURE_PRINCIPAL_ID;
// set the others with `azd env set NAME value` (or export them) before `azd up`.
// Check them offline first: `dotnet run --project src/PartyFunctions.Cli -- preflight` (docs/cli.md).
using './main.bicep'

// Name of this deployment: "dev", "prod", "party-staging"... (up to 64 letters, digits and hyphens).
param environmentName = readEnvironmentVariable('AZURE_ENV_NAME', 'dev')

// Region, e.g. southeastasia (Singapore) is the nearest to Vietnam.
param location = readEnvironmentVariable('AZURE_LOCATION', 'southeastasia')

// A SendGrid verified sender, and the administrators' mailbox for delivery failures.
param senderAddress = readEnvironmentVariable('PARTY_SENDER_ADDRESS', 'no-reply@example.org')
param adminMailbox = readEnvironmentVariable('PARTY_ADMIN_MAILBOX', 'admin@example.org')

// Flex Consumption scale: memory per instance (512, 2048 or 4096 MB) and the instance ceiling (40-1000).
// A province of 10,000 cells needs far less than the ceiling; it bounds cost and the load on storage.
param instanceMemoryMB = 2048
param maximumInstanceCount = 100

// Timer schedules in UTC (NCRONTAB with seconds); the defaults follow the deadlines in DOMAIN terms:
// reminders 08:00 ICT on the 2nd and 5th, cut-off after the 8th, escalation daily, classification 15 December.
param schedules = {
  reminders: readEnvironmentVariable('PARTY_SCHEDULE_REMINDERS', '0 0 1 2,5 * *')
  cutoff: readEnvironmentVariable('PARTY_SCHEDULE_CUTOFF', '0 5 17 8 * *')
  escalation: readEnvironmentVariable('PARTY_SCHEDULE_ESCALATION', '0 0 1 * * *')
  annualClassification: readEnvironmentVariable('PARTY_SCHEDULE_ANNUAL', '0 0 19 14 12 *')
}

// The link-signing key has no default: generate one (`openssl rand -base64 32`) and keep it in the azd
// environment (`azd env set PARTY_LINK_SIGNING_KEY ...`); without it the parameters do not build.
param linkSigningKey = readEnvironmentVariable('PARTY_LINK_SIGNING_KEY')

// Rotating the key (docs/operations.md): set the old key here for 60 days so links already sent keep working.
param previousLinkSigningKey = readEnvironmentVariable('PARTY_PREVIOUS_LINK_SIGNING_KEY', '')

param deployerPrincipalId = readEnvironmentVariable('AZURE_PRINCIPAL_ID', '')
// "User" for a person running azd; the deploy workflow sets "ServicePrincipal" (its OIDC identity is one).
param deployerPrincipalType = readEnvironmentVariable('AZURE_PRINCIPAL_TYPE', 'User')

// Purge protection keeps a deleted vault (and its name) for 90 days: on for "prod", off elsewhere unless set.
var purgeProtection = readEnvironmentVariable('PARTY_KEYVAULT_PURGE_PROTECTION', '')
param keyVaultPurgeProtection = empty(purgeProtection) ? environmentName == 'prod' : bool(purgeProtection)

// Azure Monitor alerts (docs/operations.md): their mailbox (empty: the administrators' mailbox above), and how many
// HTTP 5xx answers in 15 minutes are too many.
param alertEmail = readEnvironmentVariable('PARTY_ALERT_EMAIL', '')
param http5xxThreshold = 10

// "sendgrid", or "none" to keep every digest pending (docs/email.md).
param emailSink = readEnvironmentVariable('PARTY_EMAIL_SINK', 'sendgrid')

// Security (docs/security.md): the Entra app registration administrators sign in to (docs/deploy.md, step 1; empty
// leaves the admin endpoints behind function keys only), private endpoints for storage and Key Vault, and how long each
// archived submission stays immutable.
param adminAppClientId = readEnvironmentVariable('PARTY_ADMIN_APP_CLIENT_ID', '')
param networkIsolation = bool(readEnvironmentVariable('PARTY_NETWORK_ISOLATION', 'false'))
// Five years on prod; one day elsewhere, so that `azd down` can delete a dev or staging account the next day (an
// immutable archive blocks deleting the account until its period ends).
var archiveRetention = readEnvironmentVariable('PARTY_ARCHIVE_RETENTION_DAYS', '')
param archiveRetentionDays = empty(archiveRetention) ? (environmentName == 'prod' ? 1825 : 1) : int(archiveRetention)
