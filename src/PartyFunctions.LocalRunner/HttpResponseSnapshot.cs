using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace PartyFunctions.LocalRunner;

/// <summary>
/// What a client would have received from an HTTP function: the body as text (UTF-8) and as the bytes sent (a file, an
/// image); an unhandled exception is kept for the test's message.
/// </summary>
public sealed record HttpResponseSnapshot(HttpStatusCode Status, IHeaderDictionary Headers, string Body, Exception? Unhandled = null)
{
    /// <summary>The body as sent; for a text answer the same as <see cref="Body"/> encoded.</summary>
    public byte[] Bytes { get; init; } = System.Text.Encoding.UTF8.GetBytes(Body);

    public string? ContentType => Headers.ContentType.ToString() is { Length: > 0 } type ? type : null;

    private static readonly JsonSerializerOptions WebJson = new(JsonSerializerDefaults.Web);

    public T Json<T>() =>
        JsonSerializer.Deserialize<T>(Body, WebJson)
        ?? throw new InvalidDataException($"The body is not JSON for {typeof(T).Name}: {Body}");

    public override string ToString() => $"{(int)Status} {ContentType}\n{Body}\n{Unhandled}";
}
