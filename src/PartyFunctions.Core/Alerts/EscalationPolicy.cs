using PartyFunctions.Organisation;

namespace PartyFunctions.Alerts;

/// <summary>
/// The default escalation chain of docs/domain.md: level 1 the unit's assigned member at once, level 2 the direct superior's
/// office after <see cref="Level2AfterDays"/>, level 3 the next superior's office <see cref="Level3AfterMoreDays"/>
/// later, then <see cref="MaxRepeats"/> reminders at the last level every <see cref="RepeatEveryDays"/>.
/// </summary>
public sealed record EscalationPolicy(int Level2AfterDays = 7, int Level3AfterMoreDays = 14, int RepeatEveryDays = 7, int MaxRepeats = 3)
{
    public static EscalationPolicy Default { get; } = new();

    /// <summary>
    /// The chain for <paramref name="unit"/> with its <paramref name="superiors"/> (direct first). A unit without an
    /// assigned member has its level 1 sent to the direct superior's office, so that someone hears at once; a unit
    /// with one superior only (a committee under the province) has no level 3 and repeats at level 2.
    /// </summary>
    public IReadOnlyList<ChainStep> ChainFor(Unit unit, IReadOnlyList<Unit> superiors)
    {
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(superiors);
        var steps = new List<ChainStep>();
        var direct = superiors.Count > 0 ? superiors[0] : null;
        steps.Add(!string.IsNullOrWhiteSpace(unit.AssignedMemberEmail) || direct is null
            ? new ChainStep(1, 0, false, unit.Id, unit.AssignedMemberName, Blank(unit.AssignedMemberEmail))
            : new ChainStep(1, 0, false, direct.Id, direct.Name, Blank(direct.OfficeEmail)));
        if (direct is not null)
        {
            steps.Add(new ChainStep(2, Level2AfterDays, false, direct.Id, direct.Name, Blank(direct.OfficeEmail)));
        }

        if (superiors.Count > 1)
        {
            var next = superiors[1];
            steps.Add(new ChainStep(3, Level2AfterDays + Level3AfterMoreDays, false, next.Id, next.Name, Blank(next.OfficeEmail)));
        }

        var last = steps[^1];
        for (var repeat = 1; repeat <= MaxRepeats; repeat++)
        {
            steps.Add(last with { AfterDays = last.AfterDays + (repeat * RepeatEveryDays), Repeat = true });
        }

        return steps;
    }

    /// <summary>
    /// The chain of an alert of <paramref name="rule"/>: a rule that starts at the office (<see cref="AlertRules.StartsAtOffice"/>)
    /// drops level 1 and tells the direct superior's office at once, then climbs as usual from there.
    /// </summary>
    public IReadOnlyList<ChainStep> ChainFor(string rule, Unit unit, IReadOnlyList<Unit> superiors)
    {
        var chain = ChainFor(unit, superiors);
        return AlertRules.StartsAtOffice(rule) && chain.Count > 1 && chain[1] is { Level: 2, Repeat: false }
            ? [.. chain.Skip(1).Select(step => step with { AfterDays = step.AfterDays - Level2AfterDays })]
            : chain;
    }

    private static string? Blank(string? email) => string.IsNullOrWhiteSpace(email) ? null : email.Trim();
}
