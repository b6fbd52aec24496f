namespace PartyFunctions.Access;

/// <summary>The app's public base URL (setting <c>Links:BaseUrl</c>), which links in emails start with.</summary>
public sealed record AppBaseUrl(string Value)
{
    public string Combine(string pathAndQuery) => Value.TrimEnd('/') + "/" + pathAndQuery.TrimStart('/');
}
