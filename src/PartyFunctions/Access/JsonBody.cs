using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace PartyFunctions.Access;

/// <summary>Reads a small JSON request body (web casing); malformed or empty JSON is null, which the caller answers with 400, never a 500.</summary>
public static class JsonBody
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<T?> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            return await JsonSerializer.DeserializeAsync<T>(request.Body, Json, cancellationToken);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
