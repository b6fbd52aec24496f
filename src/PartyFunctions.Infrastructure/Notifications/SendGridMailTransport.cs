using System.Net;
using System.Text.Json;
using PartyFunctions.Notifications;
using Polly;
using Polly.Retry;
using SendGrid;
using SendGrid.Helpers.Mail;

namespace PartyFunctions.Infrastructure.Notifications;

/// <summary>
/// Sends through SendGrid's v3 API with the official client. 202 is accepted (with SendGrid's message id);
/// 429 becomes a postponement (Retry-After / X-RateLimit-Reset); 5xx and network faults are retried here with
/// exponential back-off and jitter, then thrown so that the host retries the queue message; other 4xx are a
/// permanent refusal, except 401/403, a configuration fault that must not be mistaken for a bad address.
/// </summary>
public sealed class SendGridMailTransport : IMailTransport
{
    private readonly ISendGridClient client;
    private readonly SendGridTransportOptions options;
    private readonly TimeProvider clock;
    private readonly ResiliencePipeline<Response> retry;

    public SendGridMailTransport(ISendGridClient client, SendGridTransportOptions options, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.client = client;
        this.options = options;
        this.clock = clock;
        retry = new ResiliencePipelineBuilder<Response>()
            .AddRetry(new RetryStrategyOptions<Response>
            {
                ShouldHandle = new PredicateBuilder<Response>()
                    .Handle<HttpRequestException>()
                    .Handle<TaskCanceledException>()
                    .HandleResult(r => (int)r.StatusCode >= 500),
                MaxRetryAttempts = options.MaxRetries,
                Delay = options.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
            })
            .Build();
    }

    public async Task<SendOutcome> SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var mail = ToSendGrid(message);
        var response = await retry.ExecuteAsync(async ct => await client.SendEmailAsync(mail, ct), cancellationToken);
        var status = (int)response.StatusCode;
        if (response.IsSuccessStatusCode)
        {
            // Sandbox mode answers 200 without an id: the digest id keeps the mark traceable.
            var id = response.Headers.TryGetValues("X-Message-Id", out var ids) ? ids.First() : $"sandbox:{message.CustomArgs["digestId"]}";
            return new SendOutcome.Accepted(id);
        }

        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            return new SendOutcome.RateLimited(RetryAfter.From(response.Headers, clock.GetUtcNow()));
        }

        var detail = await ErrorDetailAsync(response, cancellationToken);
        if (status >= 500)
        {
            throw new MailTransportException($"SendGrid answered {status} after {options.MaxRetries + 1} attempts: {detail}");
        }

        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            throw new MailTransportException($"SendGrid refused the API key ({status}): check Email:SendGridApiKey. {detail}");
        }

        return new SendOutcome.Rejected($"SendGrid {status}: {detail}");
    }

    private SendGridMessage ToSendGrid(EmailMessage message)
    {
        var mail = new SendGridMessage
        {
            From = new EmailAddress(message.From),
            Subject = message.Subject,
            PlainTextContent = message.Text,
            HtmlContent = message.Html,
        };
        mail.AddTo(new EmailAddress(message.To.Email, message.To.Name));
        mail.AddCategories([.. message.Categories]);
        foreach (var (key, value) in message.CustomArgs)
        {
            mail.AddCustomArg(key, value);
        }

        if (options.SandboxMode)
        {
            mail.SetSandBoxMode(true);
        }

        return mail;
    }

    /// <summary>SendGrid's error body is {"errors":[{"message":...,"field":...}]}: the first message says why.</summary>
    private static async Task<string> ErrorDetailAsync(Response response, CancellationToken cancellationToken)
    {
        var body = response.Body is null ? string.Empty : await response.Body.ReadAsStringAsync(cancellationToken);
        try
        {
            using var document = JsonDocument.Parse(body);
            var error = document.RootElement.GetProperty("errors")[0];
            var field = error.TryGetProperty("field", out var f) && f.ValueKind == JsonValueKind.String ? $" ({f.GetString()})" : string.Empty;
            return error.GetProperty("message").GetString() + field;
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or IndexOutOfRangeException)
        {
            return body.Length > 200 ? body[..200] : body;
        }
    }
}

/// <summary>How the SendGrid transport behaves: sandbox on staging, and its in-process retries of transient faults.</summary>
public sealed record SendGridTransportOptions(bool SandboxMode = false)
{
    public int MaxRetries { get; init; } = 3;

    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(2);
}

/// <summary>A transient or configuration fault that outlasted the retries: the queue message fails and the host retries it.</summary>
public sealed class MailTransportException(string message) : Exception(message);
