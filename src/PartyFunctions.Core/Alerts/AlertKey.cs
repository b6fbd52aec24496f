namespace PartyFunctions.Alerts;

/// <summary>
/// What identifies an alert (docs/domain.md): the rule, the unit and the period (<c>yyyy-MM</c> for monthly rules,
/// <c>yyyy</c> for annual ones). Opening the same key twice opens one alert. Written <c>rule|unit|period</c>.
/// </summary>
public sealed record AlertKey(string Rule, string UnitId, string Period)
{
    public override string ToString() => $"{Rule}|{UnitId}|{Period}";

    public static bool TryParse(string? text, out AlertKey? key)
    {
        var parts = (text ?? string.Empty).Split('|');
        key = parts.Length == 3 && AlertRules.IsKnown(parts[0]) && parts[1].Length > 0 && parts[2].Length > 0
            ? new AlertKey(parts[0], parts[1], parts[2])
            : null;
        return key is not null;
    }
}
