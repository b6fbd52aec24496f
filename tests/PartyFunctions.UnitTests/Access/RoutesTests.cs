using PartyFunctions.Access;

namespace PartyFunctions.UnitTests.Access;

public sealed class RoutesTests
{
    [Fact]
    public void A_path_fills_the_route_values_in_order_escaped_and_ignores_constraints()
    {
        Assert.Equal("/api/status/Q.G1/2025-11", Routes.Path(Routes.Status, "Q.G1", "2025-11"));
        Assert.Equal("/api/decisions/2025/Q%20G%2F1", Routes.Path(Routes.Decisions, "2025", "Q G/1"));
        Assert.Equal("/api/alerts/acknowledge", Routes.Path(Routes.AcknowledgeAlert));
    }

    [Fact]
    public void A_path_with_too_few_or_too_many_values_is_a_bug_not_a_link()
    {
        Assert.Throws<ArgumentException>(() => Routes.Path(Routes.Status, "Q.G1"));
        Assert.Throws<ArgumentException>(() => Routes.Path(Routes.Form, "x"));
    }
}
