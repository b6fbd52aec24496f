namespace PartyFunctions.Classification;

public static class LevelCodes
{
    private static readonly string[] Codes = ["KHTNV", "HTNV", "HTTNV", "HTXSNV"];

    public static string Code(this Level level) => Codes[(int)level];

    /// <summary>Reads a level code (HTXSNV, HTTNV, HTNV, KHTNV; any case).</summary>
    public static bool TryParse(string? code, out Level level)
    {
        var index = Array.FindIndex(Codes, c => string.Equals(c, code?.Trim(), StringComparison.OrdinalIgnoreCase));
        level = index < 0 ? default : (Level)index;
        return index >= 0;
    }

    /// <summary>The proposal's code, or an empty string when there is no proposal (insufficient data).</summary>
    public static string Code(this Level? level) => level is { } value ? Codes[(int)value] : "";
}
