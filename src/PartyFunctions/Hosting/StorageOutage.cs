using System.Text.Json;
using Azure;
using PartyFunctions.Policy;
using PartyFunctions.Presentation;
using PartyFunctions.Scoring;

namespace PartyFunctions.Hosting;

/// <summary>
/// The one place that decides what a storage outage is and how an HTTP caller hears of it: 503 with Retry-After and
/// a message saying that the request may be sent again as it is (a submission's receipt id makes a repeat harmless).
/// An outage is what the Azure SDK hands back once its own retries are spent: a 408, 429 or 5xx response, a network
/// failure (status 0), a network timeout (a cancellation the caller did not ask for), or its "Retry failed after N
/// tries" aggregate of those.
/// </summary>
public static class StorageOutage
{
    public const int RetryAfterSeconds = 30;
    public const string Code = "storage-unavailable";
    public const string Vi = "Hệ thống lưu trữ tạm thời không phản hồi nên yêu cầu chưa chắc đã được ghi nhận. Vui lòng gửi lại sau ít phút; gửi lại cùng nội dung không tạo bản ghi trùng.";
    public const string En = "Storage is not answering for the moment, so the request may not have been recorded. Please send it again in a few minutes; sending the same request again never records it twice.";
    public static readonly LocalizedText Message = new(Vi, En);

    /// <summary>Whether <paramref name="exception"/> is a storage outage, not a bug nor the caller cancelling.</summary>
    public static bool Is(Exception exception, CancellationToken requestAborted = default) => exception switch
    {
        _ when requestAborted.IsCancellationRequested => false,
        RequestFailedException failed => failed.Status is 0 or 408 or 429 or >= 500,
        AggregateException aggregate => aggregate.InnerExceptions.Count > 0 && aggregate.InnerExceptions.All(e => Is(e)),
        OperationCanceledException or TimeoutException => true,
        _ => false,
    };

    /// <summary>Answers the request with 503: problem details (RFC 9457), or a short page for a browser.</summary>
    public static async Task WriteAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.Response;
        var language = string.Equals(context.Request.Query["lang"], "en", StringComparison.OrdinalIgnoreCase) ? "en" : "vi";
        response.Clear();
        response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        response.Headers.CacheControl = "no-store";
        if (WantsHtml(context.Request))
        {
            response.ContentType = HtmlPage.ContentType;
            HtmlPage.Secure(response.Headers);
            await response.WriteAsync(ErrorPage.Render(Problems.TitleOf(StatusCodes.Status503ServiceUnavailable), Message), context.RequestAborted);
            return;
        }

        response.ContentType = Problems.ContentType + "; charset=utf-8";
        await response.WriteAsync(JsonSerializer.Serialize(Problem(language), JsonSerializerOptions.Web), context.RequestAborted);
    }

    /// <summary>A page a function rendered for the outage itself (the form again, values kept), with the outage's status and Retry-After.</summary>
    public static IActionResult Page(ContentResult page)
    {
        ArgumentNullException.ThrowIfNull(page);
        page.StatusCode = StatusCodes.Status503ServiceUnavailable;
        return new RetryLater(page);
    }

    public static ProblemDetails Problem(string language) =>
        Problems.Details(StatusCodes.Status503ServiceUnavailable, [new FieldError("", Code, Vi, En)], language);

    private static bool WantsHtml(HttpRequest request) =>
        request.Headers.Accept.Any(a => a?.Contains("text/html", StringComparison.OrdinalIgnoreCase) == true)
        || request.HasFormContentType;

    private sealed class RetryLater(IActionResult inner) : IActionResult
    {
        public Task ExecuteResultAsync(ActionContext context)
        {
            context.HttpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return inner.ExecuteResultAsync(context);
        }
    }
}
