namespace PartyFunctions.Http;

/// <summary>Where a request carries its credential, read in one place: the signed link's token, the cell's access code.</summary>
public static class RequestCredentials
{
    /// <summary>The signed link's token (<see cref="Routes.LinkParameter"/>), or null.</summary>
    public static string? Link(this HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Query[Routes.LinkParameter].FirstOrDefault();
    }

    /// <summary>The cell's access code (<see cref="Routes.AccessCodeHeader"/>), or null.</summary>
    public static string? AccessCode(this HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Headers[Routes.AccessCodeHeader].FirstOrDefault();
    }
}
