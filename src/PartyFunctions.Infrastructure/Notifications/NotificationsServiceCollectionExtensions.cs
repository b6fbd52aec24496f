using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PartyFunctions.Configuration;
using PartyFunctions.Notifications;
using SendGrid;

namespace PartyFunctions.Infrastructure.Notifications;

public static class NotificationsServiceCollectionExtensions
{
    private const string KeyVaultReferencePrefix = "@Microsoft.KeyVault(";

    /// <summary>
    /// The email pipeline. <c>Email:Sink</c> 'sendgrid' sends through SendGrid once a key is set, and until then keeps
    /// every digest waiting (never failed); 'none' always keeps them waiting; 'directory' writes .eml files in
    /// <c>Email:Directory</c>; empty means SendGrid when a key is set, otherwise files (local runs). Registrations
    /// already present (tests) win.
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
        var status = new EmailStatus(Sink(configuration));
        services.TryAddSingleton(status);
        services.TryAddSingleton<IMailTransport>(provider => status.Sink switch
        {
            SendGrid => ActivatorUtilities.CreateInstance<SendGridMailTransport>(provider),
            Directory => new DirectoryMailTransport(configuration[AppSettings.EmailDirectory] is { Length: > 0 } directory ? directory : ".mail"),
            _ => new UnconfiguredMailTransport(),
        });
        services.TryAddSingleton<IOutbox, BlobOutbox>();
        services.TryAddSingleton<IDigestScheduler, QueueDigestScheduler>();
        services.TryAddSingleton<DigestPoster>();
        services.TryAddSingleton<ReportUndeliverableDigest>();
        services.TryAddSingleton<SendDigest>();
        return services;
    }

    private const string SendGrid = "sendgrid";
    private const string Directory = "directory";

    /// <summary>The sink in use: read once at start, as the Key Vault reference is (setting the key needs a restart).</summary>
    private static string Sink(IConfiguration configuration) =>
        (configuration[AppSettings.EmailSink]?.Trim().ToLowerInvariant(), ApiKey(configuration) is not null) switch
        {
            (SendGrid, true) => SendGrid,
            (SendGrid or "none", _) => EmailStatus.NotConfigured,
            (Directory, _) => Directory,
            (_, true) => SendGrid,
            _ => Directory,
        };

    /// <summary>An unresolved Key Vault reference arrives as its own text: that is no key.</summary>
    private static string? ApiKey(IConfiguration configuration) =>
        configuration[AppSettings.SendGridApiKey] is { Length: > 0 } key && !key.StartsWith(KeyVaultReferencePrefix, StringComparison.Ordinal)
            ? key
            : null;

    private static InvalidOperationException MissingKey() =>
        new($"{AppSettings.SendGridApiKey} is not set or its Key Vault reference does not resolve (docs/deploy.md).");
}
