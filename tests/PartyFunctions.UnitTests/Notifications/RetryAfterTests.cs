using System.Net.Http.Headers;
using PartyFunctions.Infrastructure.Notifications;

namespace PartyFunctions.UnitTests.Notifications;

public sealed class RetryAfterTests
{
    private static readonly DateTimeOffset Now = new(2025, 12, 8, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Honours_Retry_After_in_seconds()
    {
        Assert.Equal(TimeSpan.FromSeconds(120), RetryAfter.From(Headers(h => h.Add("Retry-After", "120")), Now));
    }

    [Fact]
    public void Honours_Retry_After_as_a_date()
    {
        Assert.Equal(TimeSpan.FromMinutes(5), RetryAfter.From(Headers(h => h.Add("Retry-After", Now.AddMinutes(5).ToString("R"))), Now));
    }

    [Fact]
    public void Falls_back_to_SendGrids_X_RateLimit_Reset_epoch_seconds()
    {
        var reset = Now.AddSeconds(42).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(TimeSpan.FromSeconds(42), RetryAfter.From(Headers(h => h.Add("X-RateLimit-Reset", reset)), Now));
    }

    [Fact]
    public void A_reset_in_the_past_waits_one_second_and_no_header_waits_the_default()
    {
        var past = Now.AddMinutes(-1).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(TimeSpan.FromSeconds(1), RetryAfter.From(Headers(h => h.Add("X-RateLimit-Reset", past)), Now));
        Assert.Equal(RetryAfter.Default, RetryAfter.From(Headers(_ => { }), Now));
    }

    private static HttpResponseHeaders Headers(Action<HttpResponseHeaders> set)
    {
        using var response = new HttpResponseMessage();
        set(response.Headers);
        return response.Headers;
    }
}
