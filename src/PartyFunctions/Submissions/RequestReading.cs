using Microsoft.AspNetCore.WebUtilities;

namespace PartyFunctions.Submissions;

/// <summary>Reading what a request carries besides its body (docs/security.md): form fields, the language asked for, the client.</summary>
public static class RequestReading
{
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
}
