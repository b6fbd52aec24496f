using System.Text.Json.Serialization;
using PartyFunctions.Policy;

namespace PartyFunctions.Scoring;

/// <summary>
/// One of a pack's ordered monthly rules: when it applies, the band is lowered to at most <see cref="Cap"/>
/// (never raised). The JSON <c>type</c> names the rule; its other fields are the rule's parameters.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(NotHeldRule), "notHeld")]
[JsonDerivedType(typeof(AttendanceKnockOutRule), "attendanceKnockOut")]
[JsonDerivedType(typeof(AttendanceCapRule), "attendanceCap")]
[JsonDerivedType(typeof(DisciplineCapRule), "disciplineCap")]
[JsonDerivedType(typeof(DurationCapRule), "durationCap")]
[JsonDerivedType(typeof(FullMarksGateRule), "fullMarksGate")]
public abstract record MonthlyRule(Band Cap)
{
    /// <summary>The stable code of the reason this rule gives.</summary>
    [JsonIgnore]
    public string Code => ReasonCode;

    /// <summary>True when the rule also sets the total to 0 (a meeting not held earns nothing).</summary>
    [JsonIgnore]
    public bool ZeroesTotal => SetsTotalToZero;

    // Protected, so that the pack JSON carries only the parameters (overrides would not inherit [JsonIgnore]).
    protected abstract string ReasonCode { get; }

    protected virtual bool SetsTotalToZero => false;

    internal abstract bool Applies(ScoreSheet sheet, PolicyPack pack);

    internal abstract Reason Explain(ScoreSheet sheet, PolicyPack pack);

    /// <summary>Completes a condition sentence with what the rule does to the band, in both languages.</summary>
    protected Reason Because(string conditionVi, string conditionEn) =>
        Cap == Band.Weak
            ? new Reason(Code, $"{conditionVi}: xếp loại Kém.", $"{conditionEn}: band Weak (Kém).")
            : new Reason(Code, $"{conditionVi}: xếp loại tối đa {Cap.Vietnamese()}.",
                $"{conditionEn}: band at most {Cap.English()} ({Cap.Vietnamese()}).");
}
