using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using PartyFunctions.Http;
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
}
