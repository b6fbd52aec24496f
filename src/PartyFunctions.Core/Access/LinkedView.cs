using PartyFunctions.Policy;

namespace PartyFunctions.Access;

/// <summary>Why a view read through a signed link was not shown: its input was wrong, or the link does not cover it.</summary>
public enum LinkedViewOutcome
{
    Found,
    Invalid,
    LinkRefused,
}

/// <summary>
/// A page's content read through a signed link (the monthly status, the year grid, the tracker, the member's desk):
/// the <see cref="Value"/>, or why it is refused and the message that says so.
/// </summary>
public sealed record LinkedView<T>(LinkedViewOutcome Outcome, LocalizedText? Message, T? Value)
    where T : class;

/// <summary>Makes a <see cref="LinkedView{T}"/>.</summary>
public static class LinkedView
{
    public static LinkedView<T> Found<T>(T value)
        where T : class => new(LinkedViewOutcome.Found, null, value);

    public static LinkedView<T> Refused<T>(LinkedViewOutcome outcome, LocalizedText message)
        where T : class => new(outcome, message, null);
}
