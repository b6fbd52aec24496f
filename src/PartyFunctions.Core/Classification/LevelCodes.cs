namespace PartyFunctions.Classification;

public static class LevelCodes
{
    private static readonly string[] Codes = ["KHTNV", "HTNV", "HTTNV", "HTXSNV"];

    public static string Code(this Level level) => Codes[(int)level];

    /// <summary>The proposal's code, or an empty string when there is no proposal (insufficient data).</summary>
    public static string Code(this Level? level) => level is { } value ? Codes[(int)value] : "";
}
