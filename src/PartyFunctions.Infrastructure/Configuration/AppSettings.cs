namespace PartyFunctions.Configuration;

/// <summary>
/// Every app setting the app reads, in one place: the Bicep template, local.settings.json.example and the
/// functions' <c>%Setting%</c> expressions are checked against this list by tests, so a renamed setting
/// breaks a test, not production. Keys use ':' as IConfiguration does; app settings spell it '__'.
/// </summary>
public static class AppSettings
{
    public const string StorageConnection = StorageClients.ConnectionName;

    public const string RemindersSchedule = "Schedules:Reminders";
    public const string CutoffSchedule = "Schedules:Cutoff";
    public const string EscalationSchedule = "Schedules:Escalation";
    public const string AnnualClassificationSchedule = "Schedules:AnnualClassification";

    public const string EmailFrom = "Email:From";
    public const string EmailAdminMailbox = "Email:AdminMailbox";
    public const string EmailSink = "Email:Sink";
    public const string SendGridApiKey = "Email:SendGridApiKey";
    public const string EmailSandboxMode = "Email:SandboxMode";
    public const string EmailDirectory = "Email:Directory";

    public const string LinksBaseUrl = "Links:BaseUrl";
    public const string LinksSigningKey = Access.LinkSigningKey.Setting;
    public const string LinksPreviousSigningKey = Access.LinkSigningKey.PreviousSetting;

    public const string PolicySeries = "Policy:Series";

    public const string StorageNamePrefix = StorageNamespace.PrefixSetting;
    public const string RequireAdminRole = Infrastructure.Organisation.OrganisationServiceCollectionExtensions.RequireAdminRoleSetting;
    public const string TelemetryConsole = "Telemetry:Console";

    public static IReadOnlyList<AppSetting> All { get; } =
    [
        new(StorageConnection, "Storage account: a connection string locally; identity-based AzureWebJobsStorage__*ServiceUri in Azure."),
        new(RemindersSchedule, "NCRONTAB (UTC) of the deadline reminders, D-3 and D0."),
        new(CutoffSchedule, "NCRONTAB (UTC) of the monthly cut-off, D+3."),
        new(EscalationSchedule, "NCRONTAB (UTC) of the daily escalation run."),
        new(AnnualClassificationSchedule, "NCRONTAB (UTC) of the annual classification run."),
        new(EmailFrom, "Sender address of every email."),
        new(EmailAdminMailbox, "Administrators' mailbox: failures and poison messages."),
        new(EmailSink, "'sendgrid' to send (emails wait until the key is set), 'none' to keep them waiting, 'directory' to write .eml files locally."),
        new(SendGridApiKey, "SendGrid API key (a Key Vault reference in Azure).", IsSecret: true),
        new(EmailSandboxMode, "'true' on staging: SendGrid validates mail without delivering it."),
        new(EmailDirectory, "Folder for .eml files when Email:Sink is 'directory' (local runs).", RequiredInAzure: false),
        new(LinksBaseUrl, "Public base URL of the app, for links in emails (https://<app>.azurewebsites.net)."),
        new(LinksSigningKey, "Base64 key (32+ bytes) signing the links in emails (a Key Vault reference in Azure).", IsSecret: true),
        new(LinksPreviousSigningKey, "The signing key before the last rotation: still verifies links already sent, never signs. Empty when none.", IsSecret: true),
        new(PolicySeries, "The series of policy packs the deployment scores with ('vn', the national packs, by default; 'phu-tho' for Phú Thọ's sheet): docs/policy.md.", RequiredInAzure: false),
        new(StorageNamePrefix, "Prefix of every table and container name (lower case for containers), to keep tests or deployments sharing an account apart.", RequiredInAzure: false),
        new(RequireAdminRole, "'false' turns the PartyAdmin role check off; 'true' where App Service Authentication is off stops the app at start-up (the principal header would be the caller's).", RequiredInAzure: false),
        new(TelemetryConsole, "'true' to print the worker's traces, metrics and logs to the console (local runs); Azure sends them to Application Insights instead.", RequiredInAzure: false),
    ];
}

/// <summary>
/// One app setting: its configuration key, what it is for, whether it is a secret (Key Vault in Azure), and
/// whether the Bicep template must set it (not when its default is right in Azure or it only serves local runs).
/// </summary>
public sealed record AppSetting(string Key, string Description, bool IsSecret = false, bool RequiredInAzure = true)
{
    /// <summary>The name as an app setting or environment variable: <c>Schedules__Cutoff</c>.</summary>
    public string AppSettingName => Key.Replace(":", "__", StringComparison.Ordinal);
}
