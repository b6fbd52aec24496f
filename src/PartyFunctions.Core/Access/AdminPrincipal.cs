using System.Text.Json;
using System.Text;
using PartyFunctions.Policy;

namespace PartyFunctions.Access;

/// <summary>
/// The administrators' second gate. Admin endpoints first need a function key (the host checks it). Where App Service
/// Authentication is on, App Service puts the signed-in principal in <c>x-ms-client-principal</c> (base64 JSON of
/// claims; it strips any such header a client sends) and the principal must also hold the role <see cref="Role"/>.
/// </summary>
public sealed class AdminPrincipal(bool requireRole)
{
    public const string Role = "PartyAdmin";
    public const string Header = "x-ms-client-principal";

    /// <summary>
    /// Whether the role is checked: App Service sets <c>WEBSITE_AUTH_ENABLED=True</c> when authentication is on, and only
    /// then is the header the platform's (it strips any copy a client sends). <c>Access:RequireAdminRole=false</c> turns
    /// the check off; <c>true</c> without the platform's authentication would trust a header anyone can write, so the
    /// app refuses to start (docs/security.md, item 3).
    /// </summary>
    public static bool RequiresRole(string? websiteAuthEnabled, string? requireAdminRole)
    {
        var platformAuthentication = string.Equals(websiteAuthEnabled, "true", StringComparison.OrdinalIgnoreCase);
        if (!bool.TryParse(requireAdminRole, out var required))
        {
            return platformAuthentication;
        }

        return !required || platformAuthentication ? required : throw new InvalidOperationException(
            "Access__RequireAdminRole=true but App Service Authentication is off (WEBSITE_AUTH_ENABLED is not True): the " +
            $"{Header} header would come from the caller, who can forge it. Turn on authentication (infra: adminAppClientId, docs/deploy.md) or unset the setting.");
    }

    /// <summary>Null when allowed; otherwise the reason (for the 401/403 body, never with the header's content).</summary>
    public LocalizedText? Deny(string? principalHeader)
    {
        if (!requireRole)
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(principalHeader))
        {
            return new LocalizedText("Cần đăng nhập", "Sign-in required.");
        }

        return Roles(principalHeader).Contains(Role, StringComparer.Ordinal)
            ? null
            : new LocalizedText($"Tài khoản không có vai trò {Role}", $"The signed-in account lacks the {Role} role.");
    }

    private static List<string> Roles(string header)
    {
        try
        {
            using var document = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(header)));
            var root = document.RootElement;
            var roleType = root.TryGetProperty("role_typ", out var rt) && rt.ValueKind == JsonValueKind.String ? rt.GetString() : null;
            if (!root.TryGetProperty("claims", out var claims) || claims.ValueKind != JsonValueKind.Array)
            {
                return [];
            }

            return claims.EnumerateArray()
                .Where(c => c.ValueKind == JsonValueKind.Object
                    && c.TryGetProperty("typ", out var typ) && typ.GetString() is { } t
                    && (t == roleType || t is "roles" or "role" or "http://schemas.microsoft.com/ws/2008/06/identity/claims/role"))
                .Select(c => c.TryGetProperty("val", out var val) && val.ValueKind == JsonValueKind.String ? val.GetString() ?? string.Empty : string.Empty)
                .ToList();
        }
        catch (Exception ex) when (ex is FormatException or JsonException or InvalidOperationException)
        {
            // A header that is not base64 JSON carries no role.
            return [];
        }
    }
}
