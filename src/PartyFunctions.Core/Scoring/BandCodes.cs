namespace PartyFunctions.Scoring;

/// <summary>The wire codes and Vietnamese names of the bands; the year's "insufficient data" is a band of its own on the wire.</summary>
public static class BandCodes
{
    public const string Insufficient = "Insufficient";

    private static readonly string[] Codes = ["Kem", "TrungBinh", "Kha", "Tot"];
    private static readonly string[] VietnameseNames = ["Kém", "Trung bình", "Khá", "Tốt"];
    private static readonly string[] EnglishNames = ["Weak", "Average", "Fair", "Good"];

    public static string Code(this Band band) => Codes[(int)band];

    /// <summary>The year band's code: a band, or <see cref="Insufficient"/> when there is none.</summary>
    public static string Code(this Band? band) => band is { } value ? Codes[(int)value] : Insufficient;

    public static string Vietnamese(this Band band) => VietnameseNames[(int)band];

    public static string English(this Band band) => EnglishNames[(int)band];

    /// <summary>Parses a wire code exactly (case-sensitive, as the files are machine-written).</summary>
    public static bool TryParse(string? code, out Band band)
    {
        var index = Array.IndexOf(Codes, code);
        band = (Band)Math.Max(index, 0);
        return index >= 0;
    }
}
