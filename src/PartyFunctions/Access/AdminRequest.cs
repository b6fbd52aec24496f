using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using PartyFunctions.Http;
using PartyFunctions.Policy;
using PartyFunctions.Submissions;

namespace PartyFunctions.Access;

/// <summary>The role check every admin endpoint makes after the host has checked the function key.</summary>
public static class AdminRequest
{
    /// <summary>Null when the caller may go on; otherwise the 401 (no sign-in) or 403 (no role) problem to answer.</summary>
    public static IActionResult? Deny(this AdminPrincipal admin, HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(admin);
        ArgumentNullException.ThrowIfNull(request);
        var header = request.Headers[AdminPrincipal.Header].ToString();
        return admin.Deny(header) is { } reason
            ? Problems.Of(string.IsNullOrEmpty(header) ? StatusCodes.Status401Unauthorized : StatusCodes.Status403Forbidden, reason,
                RequestReading.Language(request.Query["lang"]))
            : null;
    }

    /// <summary>
    /// An admin endpoint's small JSON body once the role check passed, or the problem that refuses the request: 401/403
    /// role, 413 too large, 400 when the body is not the JSON <paramref name="shape"/> describes.
    /// </summary>
    public static async Task<(T? Body, IActionResult? Refusal)> ReadJsonAsync<T>(
        this AdminPrincipal admin, HttpRequest request, LocalizedText shape, CancellationToken cancellationToken)
        where T : class
    {
        if (admin.Deny(request) is { } denied)
        {
            return (null, denied);
        }

        var language = RequestReading.Language(request.Query["lang"]);
        var read = await RequestBody.ReadJsonAsync<T>(request, cancellationToken);
        return read.Refusal is { } refused ? (null, Problems.Of(refused.Status, new LocalizedText(refused.Vi!, refused.En!), language))
            : read.Value is { } body ? (body, null)
            : (null, Problems.Of(StatusCodes.Status400BadRequest, shape, language));
    }
}
