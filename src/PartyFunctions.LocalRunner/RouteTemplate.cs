namespace PartyFunctions.LocalRunner;

/// <summary>
/// Matches a request path against a Functions route template (<c>api/scores/{unitId}/{period}</c>,
/// with optional <c>{name?}</c> and constraints <c>{name:int}</c>, which are not enforced here) the way the host routes.
/// </summary>
public static class RouteTemplate
{
    public static Dictionary<string, string>? Match(string template, string path)
    {
        var templateSegments = template.Trim('/').Split('/');
        var pathSegments = path.Trim('/').Split('/');
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < templateSegments.Length; i++)
        {
            var segment = templateSegments[i];
            var isParameter = segment.StartsWith('{') && segment.EndsWith('}');
            if (i >= pathSegments.Length)
            {
                if (isParameter && segment.EndsWith("?}", StringComparison.Ordinal))
                {
                    continue;
                }

                return null;
            }

            if (isParameter)
            {
                var name = segment[1..^1].TrimEnd('?').Split(':')[0];
                values[name] = Uri.UnescapeDataString(pathSegments[i]);
            }
            else if (!string.Equals(segment, pathSegments[i], StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }
        }

        return pathSegments.Length <= templateSegments.Length ? values : null;
    }
}
