using System.Globalization;

namespace PartyFunctions.Policy;

/// <summary>The two cultures every explanation is written in: numbers read as "66,7%" in Vietnamese, "66.7%" in English.</summary>
internal static class Texts
{
    public static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");
    public static readonly CultureInfo En = CultureInfo.InvariantCulture;

    public static string Rate(int part, int whole, CultureInfo culture) =>
        whole == 0 ? "–" : ((double)part / whole).ToString("0.#%", culture);

    public static string Number(decimal value, CultureInfo culture) => value.ToString("0.#", culture);
}
