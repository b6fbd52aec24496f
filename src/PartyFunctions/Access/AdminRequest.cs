using PartyFunctions.Policy;

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
    /// Answers an admin endpoint that takes a small JSON body: the role check first (401/403), then the body (413 too
    /// large, 400 when it is not the JSON <paramref name="shape"/> describes), then <paramref name="answer"/> with it.
    /// </summary>
    public static async Task<IActionResult> AnswerJsonAsync<T>(
        this AdminPrincipal admin, HttpRequest request, LocalizedText shape, Func<T, Task<IActionResult>> answer, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(answer);
        if (admin.Deny(request) is { } denied)
        {
            return denied;
        }

        var language = RequestReading.Language(request.Query["lang"]);
        var read = await RequestBody.ReadJsonAsync<T>(request, cancellationToken);
        return read.Refusal is { } refused ? Problems.Of(refused.Status, new LocalizedText(refused.Vi!, refused.En!), language)
            : read.Value is { } body ? await answer(body)
            : Problems.Of(StatusCodes.Status400BadRequest, shape, language);
    }
}
