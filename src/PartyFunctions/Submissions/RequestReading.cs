using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using PartyFunctions.Access;

namespace PartyFunctions.Submissions;

/// <summary>
/// Reads a submission's body safely: at most <see cref="MaxBodyBytes"/> (a sheet is under 2 KB; the archive and the
/// table must stay small), the expected content type, strict UTF-8. Each refusal is a specific message, never a 500.
/// </summary>
public static class RequestReading
{
    public const int MaxBodyBytes = 64 * 1024;
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static async Task<BodyRead> ReadAsync(HttpRequest request, string mediaType, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var type = request.ContentType?.Split(';')[0].Trim();
        if (!string.Equals(type, mediaType, StringComparison.OrdinalIgnoreCase))
        {
            return BodyRead.Fail(StatusCodes.Status415UnsupportedMediaType,
                $"Nội dung phải có kiểu {mediaType}.", $"The body must be {mediaType} (got '{type}').");
        }

        if (request.ContentLength > MaxBodyBytes)
        {
            return TooLarge();
        }

        var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return TooLarge();
            }

            buffer.Write(chunk, 0, read);
        }

        try
        {
            return new BodyRead(StrictUtf8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length), 0, null, null);
        }
        catch (DecoderFallbackException)
        {
            return BodyRead.Fail(StatusCodes.Status400BadRequest, "Nội dung không phải UTF-8 hợp lệ.", "The body is not valid UTF-8.");
        }
    }

    /// <summary>Form fields, the first value of each; a percent-escape that is not UTF-8 makes the field invalid, not the request.</summary>
    public static Dictionary<string, string?> FormFields(string body)
    {
        var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (key, values) in QueryHelpers.ParseQuery(body))
        {
            fields[key] = values.FirstOrDefault();
        }

        return fields;
    }

    /// <summary>
    /// The client as the app keeps it (<see cref="ClientAddresses"/>): the address the platform set, never the first
    /// X-Forwarded-For entry, which the client writes itself. The worker's ASP.NET Core integration runs the forwarded
    /// headers middleware with the Functions host as its known proxy, so the connection's address is the entry that the
    /// platform's front end added (docs/security.md, item 6).
    /// </summary>
    public static string ClientHash(this ClientAddresses clients, HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(clients);
        ArgumentNullException.ThrowIfNull(request);
        return clients.Hash(request.HttpContext.Connection.RemoteIpAddress?.ToString());
    }

    /// <summary>"en" only when asked for; Vietnamese otherwise.</summary>
    public static string Language(string? requested) => string.Equals(requested, "en", StringComparison.OrdinalIgnoreCase) ? "en" : "vi";

    private static BodyRead TooLarge() => BodyRead.Fail(StatusCodes.Status413PayloadTooLarge,
        $"Nội dung quá lớn (tối đa {MaxBodyBytes / 1024} KB).", $"The body is too large (at most {MaxBodyBytes / 1024} KB).");
}

/// <summary>A body read as text, or the status and message that refuse it.</summary>
public sealed record BodyRead(string? Text, int Status, string? Vi, string? En)
{
    public static BodyRead Fail(int status, string vi, string en) => new(null, status, vi, en);
}
