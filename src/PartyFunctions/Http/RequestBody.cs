using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace PartyFunctions.Http;

/// <summary>
/// The one reader of request bodies (docs/security.md, item 5). Every read has a limit, enforced before reading: a
/// declared length past it is refused without reading a byte, and a body without one (chunked) is read no further than
/// one byte past it. Forms and JSON are small (<see cref="MaxSmallBytes"/>); an uploaded file is read only as a
/// multipart section within its own limit, never buffered whole by the form reader. Text must be strict UTF-8.
/// </summary>
public static class RequestBody
{
    /// <summary>A form, a sheet or a plan as JSON: a sheet is under 2 KB; the archive and the tables must stay small.</summary>
    public const int MaxSmallBytes = 64 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The body as text of <paramref name="mediaType"/>, at most <see cref="MaxSmallBytes"/>; each refusal a specific message.</summary>
    public static async Task<BodyRead> ReadTextAsync(HttpRequest request, string mediaType, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var type = request.ContentType?.Split(';')[0].Trim();
        if (!string.Equals(type, mediaType, StringComparison.OrdinalIgnoreCase))
        {
            return BodyRead.Fail(StatusCodes.Status415UnsupportedMediaType,
                $"Nội dung phải có kiểu {mediaType}.", $"The body must be {mediaType} (got '{type}').");
        }

        if (await ReadBytesAsync(request, MaxSmallBytes, cancellationToken) is not { } bytes)
        {
            return TooLarge(MaxSmallBytes);
        }

        try
        {
            return new BodyRead(StrictUtf8.GetString(bytes), 0, null, null);
        }
        catch (DecoderFallbackException)
        {
            return BodyRead.Fail(StatusCodes.Status400BadRequest, "Nội dung không phải UTF-8 hợp lệ.", "The body is not valid UTF-8.");
        }
    }

    /// <summary>A small JSON body (web casing): null <see cref="JsonRead{T}.Value"/> when malformed or empty, never a 500.</summary>
    public static async Task<JsonRead<T>> ReadJsonAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await ReadBytesAsync(request, MaxSmallBytes, cancellationToken) is not { } bytes)
        {
            return new JsonRead<T>(null, TooLarge(MaxSmallBytes));
        }

        try
        {
            return new JsonRead<T>(bytes.Length == 0 ? null : JsonSerializer.Deserialize<T>(bytes, Json), null);
        }
        catch (JsonException)
        {
            return new JsonRead<T>(null, null);
        }
    }

    /// <summary>
    /// An uploaded file: the first file of a multipart form (the field <paramref name="field"/> when there is one), or the
    /// raw body. <see cref="UploadRead.TooLarge"/> when the request is larger than <paramref name="maxBytes"/>;
    /// <see cref="UploadRead.Content"/> null when a multipart form holds no file.
    /// </summary>
    public static async Task<UploadRead> ReadFileAsync(HttpRequest request, long maxBytes, string field, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await ReadBytesAsync(request, maxBytes, cancellationToken) is not { } bytes)
        {
            return new UploadRead(null, null, TooLarge: true);
        }

        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type) || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return new UploadRead(null, bytes, TooLarge: false);
        }

        var boundary = HeaderUtilities.RemoveQuotes(type.Boundary).Value;
        if (string.IsNullOrEmpty(boundary))
        {
            throw new InvalidDataException("The multipart form has no boundary.");
        }

        // The sections are read from the bytes already limited above, one at a time; nothing is spooled to disk.
        var reader = new MultipartReader(boundary, new MemoryStream(bytes, writable: false));
        UploadRead? first = null;
        while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) || !disposition.IsFileDisposition())
            {
                continue;
            }

            using var content = new MemoryStream();
            await section.Body.CopyToAsync(content, cancellationToken);
            var upload = new UploadRead(HeaderUtilities.RemoveQuotes(disposition.FileName).Value, content.ToArray(), TooLarge: false);
            if (string.Equals(HeaderUtilities.RemoveQuotes(disposition.Name).Value, field, StringComparison.Ordinal))
            {
                return upload;
            }

            first ??= upload;
        }

        return first ?? new UploadRead(null, null, TooLarge: false);
    }

    /// <summary>The bytes, or null when there are more than <paramref name="maxBytes"/>.</summary>
    private static async Task<byte[]?> ReadBytesAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return null;
        }

        // Where the server enforces it (Kestrel), a chunked body past the limit is cut off there too.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = maxBytes + 1;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81_920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static BodyRead TooLarge(long maxBytes) => BodyRead.Fail(StatusCodes.Status413PayloadTooLarge,
        $"Nội dung quá lớn (tối đa {maxBytes / 1024} KB).", $"The body is too large (at most {maxBytes / 1024} KB).");
}

/// <summary>A body read as text, or the status and message that refuse it.</summary>
public sealed record BodyRead(string? Text, int Status, string? Vi, string? En)
{
    public static BodyRead Fail(int status, string vi, string en) => new(null, status, vi, en);
}

/// <summary>A JSON body: the value (null when it was not the JSON expected), or the refusal when it was too large.</summary>
public sealed record JsonRead<T>(T? Value, BodyRead? Refusal)
    where T : class;

/// <summary>An uploaded file's name as sent and its bytes, or that the request was too large to read.</summary>
public sealed record UploadRead(string? FileName, byte[]? Content, bool TooLarge);
