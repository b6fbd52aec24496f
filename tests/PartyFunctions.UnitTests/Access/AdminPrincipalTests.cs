using System.Text;
using PartyFunctions.Access;

namespace PartyFunctions.UnitTests.Access;

public sealed class AdminPrincipalTests
{
    [Theory]
    [InlineData(null, null, false)]
    [InlineData("True", null, true)]
    [InlineData("false", null, false)]
    [InlineData("True", "false", false)]
    [InlineData("True", "true", true)]
    public void The_role_is_required_where_App_Service_Authentication_is_on_unless_overridden(string? authEnabled, string? setting, bool required) =>
        Assert.Equal(required, AdminPrincipal.RequiresRole(authEnabled, setting));

    [Theory]
    [InlineData(null)]
    [InlineData("false")]
    public void Requiring_the_role_without_the_platforms_authentication_refuses_to_start_rather_than_trust_a_forgeable_header(string? authEnabled)
    {
        var refused = Assert.Throws<InvalidOperationException>(() => AdminPrincipal.RequiresRole(authEnabled, "true"));
        Assert.Contains("x-ms-client-principal", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_a_principal_with_the_PartyAdmin_role_claim_passes()
    {
        var admin = new AdminPrincipal(requireRole: true);

        Assert.Null(admin.Deny(Principal("roles", "PartyAdmin")));
        Assert.NotNull(admin.Deny(Principal("roles", "partyadmin")));
        Assert.NotNull(admin.Deny(Principal("name", "PartyAdmin")));
        Assert.NotNull(admin.Deny(null));
        Assert.NotNull(admin.Deny("%%%"));
        Assert.NotNull(admin.Deny(Convert.ToBase64String(Encoding.UTF8.GetBytes("[1,2]"))));
        Assert.Null(new AdminPrincipal(requireRole: false).Deny(null));
    }

    private static string Principal(string type, string value) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($$"""{"claims":[{"typ":"{{type}}","val":"{{value}}"}]}"""));
}
