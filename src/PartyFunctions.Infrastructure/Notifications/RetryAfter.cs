using System.Globalization;
using System.Net.Http.Headers;

namespace PartyFunctions.Infrastructure.Notifications;

/// <summary>How long a 429 asks us to wait: Retry-After (seconds or a date), else X-RateLimit-Reset (epoch seconds).</summary>
public static class RetryAfter
{
    public static readonly TimeSpan Default = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan Minimum = TimeSpan.FromSeconds(1);

    public static TimeSpan From(HttpResponseHeaders headers, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(headers);
        if (headers.RetryAfter is { } retryAfter)
        {
            return AtLeastMinimum(retryAfter.Delta ?? (retryAfter.Date - now) ?? Default);
        }

        if (headers.TryGetValues("X-RateLimit-Reset", out var values)
            && long.TryParse(values.First(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var epochSeconds))
        {
            return AtLeastMinimum(DateTimeOffset.FromUnixTimeSeconds(epochSeconds) - now);
        }

        return Default;
    }

    private static TimeSpan AtLeastMinimum(TimeSpan delay) => delay < Minimum ? Minimum : delay;
}
