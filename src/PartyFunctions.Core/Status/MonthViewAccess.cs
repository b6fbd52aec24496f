using PartyFunctions.Access;
using PartyFunctions.Alerts;
using PartyFunctions.Organisation;
using PartyFunctions.Policy;
using PartyFunctions.Submissions;

namespace PartyFunctions.Status;

/// <summary>
/// The first steps of the pages of a unit's month (the monthly status, the attendance duty beside it): the month must be
/// yyyy-MM (else <see cref="LinkedViewOutcome.Invalid"/>), then the signed "view" link must cover the unit.
/// </summary>
public sealed record MonthViewAccess(Unit? Unit, ScorePeriod Period, LinkedViewOutcome Outcome, LocalizedText? Message)
{
    public static async Task<MonthViewAccess> OpenAsync(
        SubtreeAccess access, string? token, string unitId, string? periodText, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(access);
        if (!ScorePeriod.TryParse(periodText, out var period))
        {
            return new(null, default, LinkedViewOutcome.Invalid, new LocalizedText("Tháng không hợp lệ (yyyy-MM)", "The month must be yyyy-MM."));
        }

        var allowed = await access.AuthoriseAsync(token, AlertLinks.ViewAction, unitId, cancellationToken);
        return allowed.Allowed
            ? new(allowed.Unit, period, LinkedViewOutcome.Found, null)
            : new(null, period, LinkedViewOutcome.LinkRefused, allowed.Message);
    }

    /// <summary>The refusal as the view's answer (only when <see cref="Unit"/> is null).</summary>
    public LinkedView<T> Refused<T>()
        where T : class => LinkedView.Refused<T>(Outcome, Message ?? throw new InvalidOperationException("The month view was opened."));
}
