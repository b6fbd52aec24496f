using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PartyFunctions.Configuration;
using PartyFunctions.Notifications;
using SendGrid;

namespace PartyFunctions.Storage.Notifications;

public static class NotificationsServiceCollectionExtensions
{
    private const string KeyVaultReferencePrefix = "@Microsoft.KeyVault(";

    /// <summary>
    /// The email pipeline. The sink is SendGrid when <c>Email:Sink</c> is 'sendgrid', or when it is empty and a
    /// key is set; otherwise .eml files in <c>Email:Directory</c>. Registrations already present (tests) win.
    /// </summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(new EmailOptions(
            configuration[AppSettings.EmailFrom] is { Length: > 0 } from ? from : "no-reply@localhost",
            configuration[AppSettings.EmailAdminMailbox] is { Length: > 0 } admin ? admin : "admin@localhost"));
        services.TryAddSingleton(new SendGridTransportOptions(
            bool.TryParse(configuration[AppSettings.EmailSandboxMode], out var sandbox) && sandbox));
        services.TryAddSingleton<ISendGridClient>(_ => new SendGridClient(
            new HttpClient { Timeout = TimeSpan.FromSeconds(30) },
            new SendGridClientOptions { ApiKey = ApiKey(configuration) ?? throw MissingKey() }));
        services.TryAddSingleton<IMailTransport>(provider => UsesSendGrid(configuration)
            ? ActivatorUtilities.CreateInstance<SendGridMailTransport>(provider)
            : new DirectoryMailTransport(configuration[AppSettings.EmailDirectory] is { Length: > 0 } directory ? directory : ".mail"));
        services.TryAddSingleton<IOutbox, BlobOutbox>();
        services.TryAddSingleton<IDigestScheduler, QueueDigestScheduler>();
        services.TryAddSingleton<DigestRenderer>();
        services.TryAddSingleton<ReportUndeliverableDigest>();
        services.TryAddSingleton<SendDigest>();
        return services;
    }

    private static bool UsesSendGrid(IConfiguration configuration) =>
        configuration[AppSettings.EmailSink]?.Trim().ToLowerInvariant() switch
        {
            "sendgrid" => true,
            "directory" => false,
            _ => ApiKey(configuration) is not null,
        };

    /// <summary>An unresolved Key Vault reference arrives as its own text: that is no key.</summary>
    private static string? ApiKey(IConfiguration configuration) =>
        configuration[AppSettings.SendGridApiKey] is { Length: > 0 } key && !key.StartsWith(KeyVaultReferencePrefix, StringComparison.Ordinal)
            ? key
            : null;

    private static InvalidOperationException MissingKey() =>
        new($"Email:Sink is 'sendgrid' but {AppSettings.SendGridApiKey} is not set or its Key Vault reference does not resolve (docs/deploy.md).");
}
