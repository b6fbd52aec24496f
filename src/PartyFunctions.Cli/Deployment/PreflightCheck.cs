namespace PartyFunctions.Cli.Deployment;

/// <summary>One pre-flight finding: what was checked, whether it passed, and what to do (or the command that confirms it online).</summary>
public sealed record PreflightCheck(string Name, bool Ok, string Detail)
{
    public override string ToString() => $"{(Ok ? "ok  " : "FAIL")} {Name}: {Detail}";
}
